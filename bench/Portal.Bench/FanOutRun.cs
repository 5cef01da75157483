using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hubs;

namespace Portal.Bench;

public sealed partial class FanOutRun
{
    /// <summary>Each client's record of what arrived: post id and Stopwatch timestamp.</summary>
    private sealed class Listener
    {
        public ConcurrentQueue<(Guid PostId, long At)> Arrivals { get; } = new();
    }

    public static async Task<FanOutResult> RunAsync(BenchOptions options, PortalNodes nodes)
    {
        // Read the demo data straight from the shared database: the open network's thread, which
        // every member may read, and the personas to sign in as.
        var services = new ServiceCollection().AddLogging()
            .AddPortalInfrastructure(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = options.Postgres, MigrateOnStart = false })
            .BuildServiceProvider();
        await using var _ = services;
        var personas = await services.GetRequiredService<SignInService>().ListPersonasAsync();
        var thread = (await services.GetRequiredService<DiscussionService>()
                .ListThreadsAsync(DemoData.Personas.Administrator, DemoData.Workspaces.InformationNetwork))
            .Single(t => t.Title == DemoData.Threads.OpenNetwork).Id;

        Console.WriteLine($"Signing in {personas.Count} personas…");
        var cookies = new List<string>();
        foreach (var persona in personas)
            cookies.Add(await SignInAsync(nodes.Urls[0], persona.MemberId));

        Console.WriteLine($"Connecting {options.Clients} clients to {nodes.Urls.Count} node(s)…");
        var listeners = new Listener[options.Clients];
        var connections = new HubConnection[options.Clients];
        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var listener = listeners[i] = new Listener();
                    var connection = connections[i] = Connect(nodes.Urls[i % nodes.Urls.Count], cookies[i % cookies.Count]);
                    connection.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m =>
                    {
                        if (m.PostId is { } postId)
                            listener.Arrivals.Enqueue((postId, Stopwatch.GetTimestamp()));
                    });
                    await connection.StartAsync();
                    await connection.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), thread, long.MaxValue);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        Console.WriteLine("Posting…");
        await using var poster = Connect(nodes.Urls[0], await SignInAsync(nodes.Urls[0], DemoData.Personas.Administrator));
        await poster.StartAsync();
        var sent = new Dictionary<Guid, long>();
        var roundTrips = new List<double>();
        var total = (int)(options.PostsPerSecond * options.Seconds);
        var interval = Stopwatch.Frequency / options.PostsPerSecond;
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < total; k++)
        {
            var due = start + (long)(k * interval);
            var wait = Clock.Milliseconds(Stopwatch.GetTimestamp(), due);
            if (wait > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            var t0 = Stopwatch.GetTimestamp();
            var posted = await poster.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread,
                $"Mätinlägg {k + 1} av {total}.", (Guid?)null);
            roundTrips.Add(Clock.Milliseconds(t0, Stopwatch.GetTimestamp()));
            sent[posted.PostId] = t0;
        }
        var postingSeconds = Clock.Milliseconds(start, Stopwatch.GetTimestamp()) / 1000;

        // Grace period for the last arrivals, ending early once every client has everything.
        var graceEnd = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < graceEnd && listeners.Any(l => l.Arrivals.Count < sent.Count))
            await Task.Delay(100);

        var latencies = new List<double>(sent.Count * options.Clients);
        long lost = 0, duplicates = 0;
        foreach (var listener in listeners)
        {
            var seen = new HashSet<Guid>();
            foreach (var (postId, at) in listener.Arrivals)
            {
                if (!sent.TryGetValue(postId, out var t0))
                    continue;
                if (!seen.Add(postId))
                {
                    duplicates++;
                    continue;
                }
                latencies.Add(Clock.Milliseconds(t0, at));
            }
            lost += sent.Count - seen.Count;
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return new FanOutResult(nodes.Urls.Count, sent.Count, postingSeconds, latencies, roundTrips, lost, duplicates);
    }

    private static HubConnection Connect(Uri node, string cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node, DiscussionHub.Path.TrimStart('/')), o => o.Headers["Cookie"] = cookie)
            .Build();

    /// <summary>Signs in with the demo sign-in and returns the "name=value" session cookie.</summary>
    internal static async Task<string> SignInAsync(Uri node, Guid memberId)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = node };
        var token = AntiforgeryField().Match(await http.GetStringAsync("account/signin")).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = memberId.ToString(),
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var response = await http.PostAsync("account/demo-signin", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Demo sign-in answered {(int)response.StatusCode}.");
        var session = jar.GetCookies(node)["portal.session"] ?? throw new InvalidOperationException("No session cookie.");
        return $"{session.Name}={session.Value}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed record FanOutResult(int Nodes, int Posts, double PostingSeconds, List<double> Latencies, List<double> RoundTrips,
    long Lost, long Duplicates)
{
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string ToMarkdown(BenchOptions options)
    {
        var latencies = Latencies.Order().ToList();
        var trips = RoundTrips.Order().ToList();
        var p99 = Percentile(latencies, 99);
        string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Fan-out: {options.Clients} hub clients, {options.PostsPerSecond} posts/s, {options.Seconds} s, bus `{options.Bus}`");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; {Nodes} node(s) on PostgreSQL; clients spread evenly over the nodes, the poster on node 1.");
        report.AppendLine();
        report.AppendLine("Latency = from the moment the poster starts its `PostMessage` call to the moment each client receives the thread activity. It includes the post's own save (the commit), so it is an upper bound of commit → arrival.");
        report.AppendLine();
        report.AppendLine("| measure | value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| posts sent | {Posts} in {PostingSeconds:0.0} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| deliveries expected / received | {(long)Posts * options.Clients} / {latencies.Count} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| lost | {Lost} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| duplicates | {Duplicates} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| latency p50 / p90 / p99 / max (ms) | {Ms(Percentile(latencies, 50))} / {Ms(Percentile(latencies, 90))} / {Ms(p99)} / {Ms(latencies.LastOrDefault())} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| post round trip p50 / p99 (ms) | {Ms(Percentile(trips, 50))} / {Ms(Percentile(trips, 99))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| target p99 ≤ {options.TargetP99Milliseconds} ms, lost = 0 | {(p99 <= options.TargetP99Milliseconds && Lost == 0 ? "met" : "NOT met")} |");
        return report.ToString();
    }
}
