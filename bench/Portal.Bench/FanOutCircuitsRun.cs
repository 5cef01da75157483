using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Circuits;
using Portal.Infrastructure;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hosting;
using Portal.Web.Hubs;

namespace Portal.Bench;

/// <summary>Scenario 2, thread fan-out: N live circuits (the circuit load client, signed in as the
/// demo personas) show one thread while one member posts to it at a fixed rate through the hub. Each
/// circuit records when the render batch that carries each post arrives; the node's database
/// commands during the posting, divided by the posts, are what one post costs the database.</summary>
public static partial class FanOutCircuitsRun
{
    /// <summary>Per circuit: post number → when the batch showing it arrived (first time only).</summary>
    private sealed class Arrivals
    {
        public ConcurrentDictionary<int, long> Posts { get; } = new();

        /// <summary>Components rendered (a batch carries one diff per component that rendered, even
        /// an empty one) and bytes received, over every batch: what a post costs each circuit to render.</summary>
        public long ComponentsRendered;
        public long Bytes;
    }

    private sealed record Result(int Circuits, int Opened, int Failed, double OpenSeconds, int Posts, double PostingSeconds,
        List<double> Latencies, List<double> RoundTrips, long Lost, long DatabaseCommands, long Batches,
        long ComponentsRendered, long Bytes)
    {
        private double PerPostPerCircuit(long count) => Posts * Opened == 0 ? 0 : (double)count / Posts / Opened;
        public double BatchesPerPostPerCircuit => PerPostPerCircuit(Batches);
        public double ComponentsPerPostPerCircuit => PerPostPerCircuit(ComponentsRendered);
        public double BytesPerPostPerCircuit => PerPostPerCircuit(Bytes);

        public double CommandsPerPost => Posts == 0 ? 0 : (double)DatabaseCommands / Posts;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var circuitCount = int.Parse(BenchOptions.Find(args, "circuits") ?? "200", CultureInfo.InvariantCulture);
        var seconds = int.Parse(BenchOptions.Find(args, "seconds") ?? "20", CultureInfo.InvariantCulture);
        // Until the node's code is compiled for good (NodeWarmUp): the thread page and the home page.
        var warmup = int.Parse(BenchOptions.Find(args, "warmup") ?? "120", CultureInfo.InvariantCulture);
        Console.WriteLine($"Thread fan-out: {circuitCount} circuits on one thread, {options.PostsPerSecond} posts/s for {seconds} s");

        await using var nodes = await PortalNodes.StartAsync(options with { Bus = "inprocess" });
        var node = nodes.Urls[0];
        var services = new ServiceCollection().AddLogging()
            .AddPortalInfrastructure(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = options.Postgres, MigrateOnStart = false })
            .BuildServiceProvider();
        await using var _ = services;
        var personas = await services.GetRequiredService<SignInService>().ListPersonasAsync();
        // The open network's thread, which every persona may read.
        var thread = (await services.GetRequiredService<DiscussionService>()
                .ListThreadsAsync(DemoData.Personas.Administrator, DemoData.Workspaces.InformationNetwork))
            .Single(t => t.Title == DemoData.Threads.OpenNetwork).Id;
        var path = $"threads/{thread}";

        Console.WriteLine($"Signing in {personas.Count} personas…");
        var cookies = new List<string>();
        foreach (var persona in personas)
            cookies.Add(await FanOutRun.SignInAsync(node, persona.MemberId));
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromMinutes(2) };
        await NodeWarmUp.RunAsync(node, cookies[0], [path, ""], TimeSpan.FromSeconds(warmup));

        Console.WriteLine($"Opening {circuitCount} circuits…");
        var started = Stopwatch.GetTimestamp();
        var arrivals = Enumerable.Range(0, circuitCount).Select(_ => new Arrivals()).ToArray();
        var circuits = await OpenAsync(node, path, cookies, arrivals);
        var openSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var live = circuits.OfType<CircuitClient>().ToList();
        var watched = circuits.Select((c, i) => (Circuit: c, Arrivals: arrivals[i])).Where(w => w.Circuit is not null).ToList();
        Console.WriteLine($"{live.Count} circuits open in {openSeconds:0.0} s; waiting for them to settle…");
        await SettleAsync(live);

        Console.WriteLine("Posting…");
        var posterCookie = await FanOutRun.SignInAsync(node, DemoData.Personas.Administrator);
        await using var poster = new HubConnectionBuilder()
            .WithUrl(new Uri(node, DiscussionHub.Path.TrimStart('/')),
                o => o.Headers["Cookie"] = posterCookie)
            .Build();
        await poster.StartAsync();
        var total = (int)(options.PostsPerSecond * seconds);
        var sent = new long[total + 1];
        var roundTrips = new List<double>();
        var commandsBefore = await DatabaseCommandsAsync(http);
        var batchesBefore = live.Sum(c => c.Batches);
        var componentsBefore = arrivals.Sum(a => Interlocked.Read(ref a.ComponentsRendered));
        var bytesBefore = arrivals.Sum(a => Interlocked.Read(ref a.Bytes));
        var interval = Stopwatch.Frequency / options.PostsPerSecond;
        var start = Stopwatch.GetTimestamp();
        for (var k = 1; k <= total; k++)
        {
            var due = start + (long)((k - 1) * interval);
            var wait = Clock.Milliseconds(Stopwatch.GetTimestamp(), due);
            if (wait > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            var t0 = Stopwatch.GetTimestamp();
            sent[k] = t0;
            await poster.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, $"{PostText} {k} av {total}.", (Guid?)null);
            roundTrips.Add(Clock.Milliseconds(t0, Stopwatch.GetTimestamp()));
        }
        var postingSeconds = Clock.Milliseconds(start, Stopwatch.GetTimestamp()) / 1000;

        // Grace period for the last arrivals, ending early once every circuit has every post.
        var graceEnd = Stopwatch.GetTimestamp() + 15 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < graceEnd && watched.Any(w => w.Circuit!.Error is null && w.Arrivals.Posts.Count < total))
            await Task.Delay(200);
        await SettleAsync(live);
        var commands = await DatabaseCommandsAsync(http) - commandsBefore;
        var batches = live.Sum(c => c.Batches) - batchesBefore;
        var components = arrivals.Sum(a => Interlocked.Read(ref a.ComponentsRendered)) - componentsBefore;
        var bytes = arrivals.Sum(a => Interlocked.Read(ref a.Bytes)) - bytesBefore;

        var latencies = new List<double>(total * circuitCount);
        long lost = 0;
        foreach (var arrival in arrivals)
        {
            for (var k = 1; k <= total; k++)
            {
                if (arrival.Posts.TryGetValue(k, out var at))
                    latencies.Add(Clock.Milliseconds(sent[k], at));
                else
                    lost++;
            }
        }
        var failed = circuits.Count(c => c is null || c.Error is not null);
        foreach (var chunk in live.Chunk(32))
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));

        var result = new Result(circuitCount, live.Count, failed, openSeconds, total, postingSeconds, latencies, roundTrips, lost, commands, batches, components, bytes);
        var report = ToMarkdown(result, options);
        Console.WriteLine(report);
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"fanout-circuits-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        var sorted = latencies.Order().ToList();
        await new ScenarioSummary("fanout-circuits", $"p99 commit → render at {circuitCount} circuits (ms)", Percentile(sorted, 99), "ms",
            options.TargetP99Milliseconds, LowerIsBetter: true, new Dictionary<string, double>
            {
                ["circuits"] = circuitCount, ["posts"] = total, ["p50"] = Percentile(sorted, 50), ["p95"] = Percentile(sorted, 95),
                ["lost"] = lost, ["failed"] = failed, ["databaseCommandsPerPost"] = result.CommandsPerPost,
                ["renderBatchesPerPostPerCircuit"] = result.BatchesPerPostPerCircuit,
                ["componentsRenderedPerPostPerCircuit"] = result.ComponentsPerPostPerCircuit,
                ["batchBytesPerPostPerCircuit"] = result.BytesPerPostPerCircuit,
            }).WriteAsync(options.ResultsFolder);
        return lost == 0 && failed == 0 ? 0 : 1;
    }

    /// <summary>The text of each measured post; the number after it tells the posts apart.</summary>
    private const string PostText = "Mätinlägg";

    [GeneratedRegex(PostText + @" (\d+) av \d+\.")]
    private static partial Regex PostNumber();

    private static async Task<CircuitClient?[]> OpenAsync(Uri node, string path, List<string> cookies, Arrivals[] arrivals)
    {
        var circuits = new CircuitClient?[arrivals.Length];
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, arrivals.Length).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var circuit = await CircuitClient.OpenAsync(node, path, cookies[i % cookies.Count],
                    new CircuitClientOptions { Timeout = TimeSpan.FromMinutes(2) });
                circuit.BatchReceived += b => Record(b, arrivals[i]);
                circuits[i] = circuit;
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                Console.Error.WriteLine($"Circuit {i} did not open: {exception.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
        return circuits;
    }

    /// <summary>A post has reached a circuit when a batch carries its text (in the markup of its body).</summary>
    private static void Record(RenderBatchReceived received, Arrivals arrivals)
    {
        Interlocked.Add(ref arrivals.Bytes, received.Bytes);
        if (received.Batch is null)
            return;
        Interlocked.Add(ref arrivals.ComponentsRendered, received.Batch.Diffs.Count);
        foreach (var frame in received.Batch.ReferenceFrames)
        {
            if (frame.Type is not (FrameType.Markup or FrameType.Text) || frame.Value is null || !frame.Value.Contains(PostText, StringComparison.Ordinal))
                continue;
            foreach (Match match in PostNumber().Matches(frame.Value))
                arrivals.Posts.TryAdd(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), received.Timestamp);
        }
    }

    /// <summary>Waits until no circuit has received a render batch for a second.</summary>
    private static async Task SettleAsync(List<CircuitClient> circuits)
    {
        var last = -1L;
        var total = circuits.Sum(c => c.Batches);
        while (total != last)
        {
            last = total;
            await Task.Delay(TimeSpan.FromSeconds(1));
            total = circuits.Sum(c => c.Batches);
        }
    }

    private static async Task<long> DatabaseCommandsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<DatabaseCommandsReport>(BenchDiagnostics.DatabaseCommandsPath.TrimStart('/'))
            ?? throw new InvalidOperationException("The node sent no database command count.")).Commands;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string ToMarkdown(Result result, BenchOptions options)
    {
        var sorted = result.Latencies.Order().ToList();
        var trips = result.RoundTrips.Order().ToList();
        var p99 = Percentile(sorted, 99);
        string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Thread fan-out: {result.Circuits} live circuits, {options.PostsPerSecond} posts/s");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}; one Release node on PostgreSQL (demo data){(options.ServerCpus is { } cpus ? $", pinned to CPU {cpus}" : "")}.");
        report.AppendLine();
        report.AppendLine("Each circuit is a real Blazor Server circuit (the bench's circuit load client, signed in as one of the demo personas) on the open network's thread. One member posts through the hub at a fixed rate. Latency = from the start of the post's `PostMessage` call (so it includes the save: an upper bound of commit → render) to the arrival of the render batch that carries the post at each circuit. Lost = a post some circuit never showed. Database commands = what the node sent to the database from the first post until every circuit had settled, divided by the posts.");
        report.AppendLine();
        report.AppendLine("| measure | value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| circuits opened / failed | {result.Opened} of {result.Circuits} in {result.OpenSeconds:0.0} s / {result.Failed} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| posts sent | {result.Posts} in {result.PostingSeconds:0.0} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| deliveries expected / received | {(long)result.Posts * result.Circuits} / {sorted.Count} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| lost | {result.Lost} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| latency p50 / p95 / p99 / max (ms) | {Ms(Percentile(sorted, 50))} / {Ms(Percentile(sorted, 95))} / {Ms(p99)} / {Ms(sorted.LastOrDefault())} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| post round trip p50 / p99 (ms) | {Ms(Percentile(trips, 50))} / {Ms(Percentile(trips, 99))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| database commands per post | {result.CommandsPerPost:0.0} ({result.DatabaseCommands} for {result.Posts} posts) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| render batches per post per circuit | {result.BatchesPerPostPerCircuit:0.00} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| components rendered per post per circuit | {result.ComponentsPerPostPerCircuit:0.0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| render batch bytes per post per circuit | {result.BytesPerPostPerCircuit:0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| target p99 ≤ {options.TargetP99Milliseconds} ms, lost = 0 | {(p99 <= options.TargetP99Milliseconds && result.Lost == 0 && result.Failed == 0 ? "met" : "NOT met")} |");
        return report.ToString();
    }
}
