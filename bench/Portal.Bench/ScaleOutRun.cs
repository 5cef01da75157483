using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Circuits;
using Portal.Infrastructure;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hubs;

namespace Portal.Bench;

/// <summary>The scale-out rehearsal: two Release nodes (PostgreSQL, the Redis event bus, shared Data
/// Protection keys) behind haproxy with sticky sessions. Circuits are opened through haproxy, half held
/// on each node; one member posts through node B. Measured: post → render batch at the circuits on A
/// (crossing Redis) and on B; then B is killed and started again, and the same is measured while A's
/// circuits are expected to live on untouched. <c>--hold</c> only starts it all and waits, for a person
/// with a browser.</summary>
public static class ScaleOutRun
{
    /// <summary>One circuit and when each measured post reached its page.</summary>
    private sealed class Watcher(CircuitClient circuit, string node)
    {
        public CircuitClient Circuit { get; set; } = circuit;
        public string Node { get; } = node;
        public ConcurrentDictionary<string, long> Arrivals { get; } = new();
    }

    private sealed record Phase(string Name, int Posts, List<double> CrossNode, List<double> SameNode, long Lost);

    public static async Task<int> RunAsync(string[] args)
    {
        // Always the Redis bus: two nodes without it would each keep their events to themselves (and
        // BenchOptions reads --redis only when told --bus redis).
        var parsed = BenchOptions.Parse(args);
        var options = parsed with
        {
            Bus = "redis",
            Redis = parsed.Redis ?? BenchOptions.Find(args, "redis") ?? Environment.GetEnvironmentVariable("BENCH_REDIS")
                ?? throw new ArgumentException("--redis or BENCH_REDIS is required: the nodes share events over Redis."),
        };
        var config = BenchOptions.Find(args, "haproxy") ?? "bench/scaleout/haproxy.cfg";
        var circuitCount = int.Parse(BenchOptions.Find(args, "circuits") ?? "40", CultureInfo.InvariantCulture);
        var posts = int.Parse(BenchOptions.Find(args, "posts") ?? "20", CultureInfo.InvariantCulture);
        var rate = double.Parse(BenchOptions.Find(args, "rate") ?? "2", CultureInfo.InvariantCulture);
        var targetP95 = double.Parse(BenchOptions.Find(args, "target-p95") ?? "250", CultureInfo.InvariantCulture);
        var frontPort = int.Parse(BenchOptions.Find(args, "port") ?? "0", CultureInfo.InvariantCulture);

        await using var nodes = await PortalNodes.StartAsync(options);
        await using var front = await HaproxyFront.StartAsync(config, nodes.Urls, frontPort);
        Console.WriteLine($"haproxy at {front.Url} → node a {nodes.Urls[0]}, node b {nodes.Urls[1]} (sticky cookie {HaproxyFront.NodeCookie})");
        if (args.Contains("--hold"))
        {
            Console.WriteLine("Open the address above in a browser and pick a persona. Press Enter (or Ctrl-C) to stop.");
            var stop = new TaskCompletionSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
            await Task.WhenAny(stop.Task, Task.Run(Console.ReadLine));
            return 0;
        }

        var services = new ServiceCollection().AddLogging()
            .AddPortalInfrastructure(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = options.Postgres, MigrateOnStart = false })
            .BuildServiceProvider();
        await using var _ = services;
        var personas = await services.GetRequiredService<SignInService>().ListPersonasAsync();
        var thread = (await services.GetRequiredService<DiscussionService>()
                .ListThreadsAsync(DemoData.Personas.Administrator, DemoData.Workspaces.InformationNetwork))
            .Single(t => t.Title == DemoData.Threads.OpenNetwork).Id;
        var path = $"threads/{thread}";

        // Sessions are signed in on node A and used on both: the keys are shared.
        var signIns = personas.Take(circuitCount).ToList();
        Console.WriteLine($"Signing in {signIns.Count} personas on node a…");
        var cookies = new List<string>();
        foreach (var persona in signIns)
            cookies.Add(await FanOutRun.SignInAsync(nodes.Urls[0], persona.MemberId));
        // The poster: the administrator, a member of the open network.
        var poster = await FanOutRun.SignInAsync(nodes.Urls[0], DemoData.Personas.Administrator);

        Console.WriteLine($"Opening {circuitCount} circuits through haproxy, every other one held on node b…");
        var sent = new ConcurrentDictionary<string, long>();
        var watchers = await OpenAsync(front.Url, path, cookies, Enumerable.Range(0, circuitCount)
            .Select(i => HaproxyFront.NodeNames[i % 2]).ToList(), sent);

        var phases = new List<Phase>();
        phases.Add(await PostThroughBAsync("steady", front, poster, thread, posts, rate, watchers, sent));

        Console.WriteLine("Killing node b and starting it again…");
        var restart = Stopwatch.StartNew();
        await nodes.RestartAsync(1);
        await front.WaitForNodeAsync("b", TimeSpan.FromMinutes(2));
        var restartSeconds = restart.Elapsed.TotalSeconds;
        var onA = watchers.Where(w => w.Node == "a").ToList();
        var onB = watchers.Where(w => w.Node == "b").ToList();
        var survivedOnA = onA.Count(w => w.Circuit.Error is null);
        var closedOnB = onB.Count(w => w.Circuit.Error is not null);
        // B's browsers start over: a fresh page, a fresh circuit on the new node b.
        var reopen = Stopwatch.StartNew();
        var reopened = await OpenAsync(front.Url, path, cookies, onB.Select(_ => "b").ToList(), sent);
        foreach (var (watcher, fresh) in onB.Zip(reopened))
        {
            fresh.Circuit.BatchReceived += batch => Record(watcher, batch, sent);
            await watcher.Circuit.DisposeAsync();
            watcher.Circuit = fresh.Circuit;
        }
        var reopenSeconds = reopen.Elapsed.TotalSeconds;
        phases.Add(await PostThroughBAsync("after b's restart", front, poster, thread, posts, rate, watchers, sent));
        var failedAtEnd = watchers.Count(w => w.Circuit.Error is not null);

        var crossNode = phases.SelectMany(p => p.CrossNode).Order().ToList();
        var report = ToMarkdown(options, circuitCount, rate, phases, onA.Count, survivedOnA, closedOnB, restartSeconds, reopenSeconds,
            failedAtEnd, targetP95);
        Console.WriteLine(report);
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"scale-out-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        var lost = phases.Sum(p => p.Lost);
        // Nothing arrived on node a: no percentile, and the target is not met (JSON has no NaN).
        await new ScenarioSummary("scale-out", "p95 ms, post through node b → page on node a",
            crossNode.Count == 0 ? double.MaxValue : Percentile(crossNode, 95), "ms",
            targetP95, LowerIsBetter: true, new Dictionary<string, double>
            {
                ["p50"] = crossNode.Count == 0 ? double.MaxValue : Percentile(crossNode, 50),
                ["p99"] = crossNode.Count == 0 ? double.MaxValue : Percentile(crossNode, 99), ["lost"] = lost,
                ["circuitsOnA"] = onA.Count, ["survivedOnA"] = survivedOnA, ["restartSeconds"] = restartSeconds,
                ["reopenSeconds"] = reopenSeconds,
            }).WriteAsync(options.ResultsFolder);
        foreach (var watcher in watchers)
            await watcher.Circuit.DisposeAsync();
        return lost == 0 && survivedOnA == onA.Count && failedAtEnd == 0 ? 0 : 1;
    }

    private static async Task<List<Watcher>> OpenAsync(Uri front, string path, List<string> cookies, List<string> nodeOfEach,
        ConcurrentDictionary<string, long> sent)
    {
        var watchers = new Watcher[nodeOfEach.Count];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(nodeOfEach.Select(async (node, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var circuit = await CircuitClient.OpenAsync(front, path, HaproxyFront.Pinned(cookies[i % cookies.Count], node),
                    new CircuitClientOptions { Timeout = TimeSpan.FromMinutes(2) });
                var watcher = watchers[i] = new Watcher(circuit, node);
                circuit.BatchReceived += batch => Record(watcher, batch, sent);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. watchers];
    }

    /// <summary>Notes which measured posts a render batch brought to the page, at the batch's arrival.</summary>
    private static void Record(Watcher watcher, RenderBatchReceived batch, ConcurrentDictionary<string, long> sent)
    {
        if (sent.IsEmpty || !ReferenceEquals(batch.Circuit, watcher.Circuit))
            return;
        var text = batch.Circuit.Text;
        foreach (var token in sent.Keys)
        {
            if (!watcher.Arrivals.ContainsKey(token) && text.Contains(token, StringComparison.Ordinal))
                watcher.Arrivals.TryAdd(token, batch.Timestamp);
        }
    }

    /// <summary>One member posts through node b at a fixed rate; latency is from the start of each post's
    /// call to the render batch that brings it to each page (an upper bound of commit → render).</summary>
    private static async Task<Phase> PostThroughBAsync(string name, HaproxyFront front, string posterCookie, Guid thread, int posts,
        double rate, List<Watcher> watchers, ConcurrentDictionary<string, long> sent)
    {
        Console.WriteLine($"Posting {posts} through node b ({name})…");
        await using var poster = new HubConnectionBuilder()
            .WithUrl(new Uri(front.Url, DiscussionHub.Path.TrimStart('/')), o => o.Headers["Cookie"] = HaproxyFront.Pinned(posterCookie, "b"))
            .Build();
        await poster.StartAsync();
        var tokens = new List<string>();
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < posts; k++)
        {
            var due = start + (long)(k * interval);
            var wait = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
            if (wait > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            var token = $"Skalprov {name} #{k:000}.";
            tokens.Add(token);
            sent[token] = Stopwatch.GetTimestamp();
            await poster.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, token, (Guid?)null);
        }

        // The last arrivals (30 s: a loaded machine is slow), ending early once every page has every post.
        var grace = Stopwatch.StartNew();
        while (grace.Elapsed < TimeSpan.FromSeconds(30) && watchers.Any(w => tokens.Any(t => !w.Arrivals.ContainsKey(t))))
            await Task.Delay(100);

        var crossNode = new List<double>();
        var sameNode = new List<double>();
        long lost = 0;
        foreach (var watcher in watchers)
        {
            foreach (var token in tokens)
            {
                if (watcher.Arrivals.TryGetValue(token, out var at))
                    (watcher.Node == "a" ? crossNode : sameNode).Add((at - sent[token]) * 1000.0 / Stopwatch.Frequency);
                else
                    lost++;
            }
        }
        crossNode.Sort();
        sameNode.Sort();
        return new Phase(name, posts, crossNode, sameNode, lost);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string ToMarkdown(BenchOptions options, int circuits, double rate, List<Phase> phases, int onA, int survivedOnA,
        int closedOnB, double restartSeconds, double reopenSeconds, int failedAtEnd, double targetP95)
    {
        static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        // Nothing arrived: say so rather than print NaN.
        static string Spread(List<double> sorted) => sorted.Count == 0
            ? "– (nothing arrived)"
            : $"{Ms(Percentile(sorted, 50))} / {Ms(Percentile(sorted, 95))} / {Ms(Percentile(sorted, 99))} / {Ms(sorted[^1])}";
        var crossNode = phases.SelectMany(p => p.CrossNode).Order().ToList();
        var p95 = Percentile(crossNode, 95);
        var lost = phases.Sum(p => p.Lost);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Scale-out rehearsal: two nodes behind haproxy, {circuits} circuits, posts through node b at {rate}/s");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}; two Release nodes on one PostgreSQL (demo data), the Redis event bus, one Data Protection key folder; haproxy with a sticky cookie in front{(options.ServerCpus is { } cpus ? $"; nodes pinned to CPU {cpus}" : "")}.");
        report.AppendLine();
        report.AppendLine("Circuits are real Blazor Server circuits (the bench's circuit load client) opened through haproxy on the open network's thread, every other one held on node b by the sticky cookie; sessions were signed in on node a. One member posts through node b (the hub, through haproxy). Latency = from the start of the post's call to the render batch that brings the post to the page: on node a the event crosses Redis. Then node b is killed and started again on its port; node a's circuits should live on, node b's pages open afresh on the new node b, and the posting is repeated.");
        report.AppendLine();
        report.AppendLine("| phase | posts | node a (cross-node) p50 / p95 / p99 / max (ms) | node b (same node) p50 / p95 / p99 / max (ms) | lost |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var phase in phases)
            report.AppendLine(CultureInfo.InvariantCulture, $"| {phase.Name} | {phase.Posts} | {Spread(phase.CrossNode)} | {Spread(phase.SameNode)} | {phase.Lost} |");
        report.AppendLine();
        report.AppendLine("| measure | value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| node a's circuits alive after b's restart | {survivedOnA} of {onA} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| node b's circuits closed by its restart | {closedOnB} of {circuits - onA} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| node b killed → ready through haproxy (s) | {restartSeconds:0.0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| node b's pages opened again (s) | {reopenSeconds:0.0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| circuits failed at the end | {failedAtEnd} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| target: cross-node p95 ≤ {targetP95} ms, nothing lost, every circuit on a alive | {(p95 <= targetP95 && lost == 0 && survivedOnA == onA ? "met" : "NOT met")} |");
        return report.ToString();
    }
}
