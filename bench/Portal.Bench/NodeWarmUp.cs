using System.Diagnostics;
using System.Globalization;

namespace Portal.Bench;

/// <summary>Brings a freshly started node to its steady state before a scenario measures it. A .NET
/// node compiles its code in tiers: everything starts as quickly compiled code and is compiled again,
/// optimised, once it has run often enough, in the background. Pinned to one core, the node does that
/// recompilation on the core that serves the requests: for the first three to four minutes a home page
/// costs about three times its steady-state CPU. Figures taken then measure the compiler, not the portal.
/// The warm-up requests the scenario's pages at full speed (a few at a time) for a fixed time, and prints
/// the throughput per window so that the report shows whether it had levelled off.</summary>
public static class NodeWarmUp
{
    public static async Task RunAsync(Uri node, string cookie, IReadOnlyList<string> paths, TimeSpan duration,
        int concurrency = 4)
    {
        if (duration <= TimeSpan.Zero || paths.Count == 0)
            return;
        Console.WriteLine($"Warming the node up for {duration.TotalSeconds:0} s on {string.Join(", ", paths.Select(p => "/" + p))}…");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = node,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var window = TimeSpan.FromSeconds(20);
        long served = 0, failed = 0;
        var next = 0;

        async Task WorkerAsync()
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var path = paths[Interlocked.Increment(ref next) % paths.Count];
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("Cookie", cookie);
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref served : ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        async Task ReportAsync()
        {
            long before = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                await Task.Delay(window);
                var now = Interlocked.Read(ref served);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  warm-up: {(now - before) / window.TotalSeconds:0.0} pages/s"));
                before = now;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkerAsync()).Append(ReportAsync()));
        Console.WriteLine($"Warm-up done: {served} pages, {failed} failed.");
        if (served == 0)
            throw new InvalidOperationException("The warm-up served no page: the node does not answer signed-in requests.");
    }
}
