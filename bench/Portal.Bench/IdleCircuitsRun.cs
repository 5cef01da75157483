using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Circuits;
using Portal.Infrastructure;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hosting;

namespace Portal.Bench;

/// <summary>Scenario 1, idle circuits: N real circuits (the circuit load client, signed in as the demo
/// personas) sit on a thread page; the node's live managed heap after a full collection, with them
/// and without them, divided by N, is the memory one idle circuit costs.</summary>
public static class IdleCircuitsRun
{
    private sealed record Row(int Circuits, HeapReport Before, HeapReport With, HeapReport After, double OpenSeconds, int Failed, long Batches)
    {
        public double PerCircuitKilobytes => (With.LiveBytes - Before.LiveBytes) / 1024.0 / Circuits;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var counts = (BenchOptions.Find(args, "circuits") ?? "100").Split(',')
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var targetKilobytes = double.Parse(BenchOptions.Find(args, "target-kb") ?? "300", CultureInfo.InvariantCulture);
        // Circuits opened at once: enough to keep the node busy, few enough that none times out.
        var parallel = int.Parse(BenchOptions.Find(args, "parallel") ?? "32", CultureInfo.InvariantCulture);
        // A folder for a heap dump of the node with the largest count's circuits open (dotnet-gcdump).
        var gcdumpFolder = BenchOptions.Find(args, "gcdump");
        Console.WriteLine($"Idle circuits: {string.Join(", ", counts)} circuits on a thread page");

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
        // One session per persona, signed in a few at a time and reused by every circuit of that persona.
        var cookies = new string[personas.Count];
        using (var signIns = new SemaphoreSlim(8))
        {
            await Task.WhenAll(personas.Select(async (persona, i) =>
            {
                await signIns.WaitAsync();
                try { cookies[i] = await FanOutRun.SignInAsync(node, persona.MemberId); }
                finally { signIns.Release(); }
            }));
        }
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromMinutes(2) };

        // Warm-up: JIT, caches and pools belong in the baseline, not in the circuits' share.
        await CloseAsync(await OpenAsync(node, path, cookies, 10, parallel));

        var rows = new List<Row>();
        foreach (var count in counts)
        {
            var before = await HeapAsync(http);
            var started = Stopwatch.GetTimestamp();
            var circuits = await OpenAsync(node, path, cookies, count, parallel);
            var openSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await SettleAsync(circuits);
            var with = await HeapAsync(http);
            if (gcdumpFolder is not null && count == counts[^1])
                await GcDumpAsync(nodes.ProcessIds[0], gcdumpFolder, count);
            var failed = circuits.Count(c => c.Error is not null);
            var batches = circuits.Sum(c => c.Batches);
            await CloseAsync(circuits);
            var after = await HeapAsync(http);
            var row = new Row(count, before, with, after, openSeconds, failed, batches);
            Console.WriteLine($"{count} circuits: {row.PerCircuitKilobytes:0.0} KB each");
            rows.Add(row);
        }

        var report = ToMarkdown(rows, targetKilobytes, options);
        Console.WriteLine(report);
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"idle-circuits-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        var largest = rows[^1];
        await new ScenarioSummary("idle-circuits", $"KB per idle circuit at {largest.Circuits}", largest.PerCircuitKilobytes, "KB",
            targetKilobytes, LowerIsBetter: true, new Dictionary<string, double>
            {
                ["circuits"] = largest.Circuits, ["failed"] = largest.Failed, ["openSeconds"] = largest.OpenSeconds,
                ["renderBatches"] = largest.Batches,
            }).WriteAsync(options.ResultsFolder);
        return rows.All(r => r.Failed == 0) ? 0 : 1;
    }

    private static async Task<List<CircuitClient>> OpenAsync(Uri node, string path, string[] cookies, int count, int parallel)
    {
        var circuits = new CircuitClient[count];
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                circuits[i] = await CircuitClient.OpenAsync(node, path, cookies[i % cookies.Length],
                    new CircuitClientOptions { Timeout = TimeSpan.FromMinutes(2) });
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. circuits];
    }

    /// <summary>Waits until no circuit has received a render batch for a second: the pages have
    /// finished their after-render work (JavaScript interop, second renders) and sit idle.</summary>
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

    /// <summary>Writes the node's heap (dotnet-gcdump collect) and its largest types (dotnet-gcdump
    /// report) to the folder: what the idle circuits hold.</summary>
    private static async Task GcDumpAsync(int processId, string folder, int circuits)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"idle-{circuits}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.gcdump");
        await RunToolAsync("dotnet-gcdump", ["collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file]);
        var report = await RunToolAsync("dotnet-gcdump", ["report", file]);
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".txt"), report);
        Console.WriteLine($"Heap dump written to {file}");
    }

    private static async Task<string> RunToolAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {await error}");
        return await output;
    }

    private static async Task CloseAsync(List<CircuitClient> circuits)
    {
        foreach (var chunk in circuits.Chunk(32))
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
    }

    private static async Task<HeapReport> HeapAsync(HttpClient http) =>
        await http.GetFromJsonAsync<HeapReport>(BenchDiagnostics.HeapPath.TrimStart('/'))
        ?? throw new InvalidOperationException("The node sent no heap report.");

    private static string ToMarkdown(List<Row> rows, double targetKilobytes, BenchOptions options)
    {
        static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        report.AppendLine("# Idle circuits: managed heap per live circuit on a thread page");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}; one Release node on PostgreSQL (demo data){(options.ServerCpus is { } cpus ? $", pinned to CPU {cpus}" : "")}.");
        report.AppendLine();
        report.AppendLine("Each circuit is a real Blazor Server circuit opened by the bench's circuit load client (prerendered page, `/_blazor`, every render batch acknowledged), signed in as one of the demo personas, on the open network's thread. Heap = live managed bytes after a full compacting collection, read from the node's bench-only heap report; \"after\" is once the circuits have been closed.");
        report.AppendLine();
        report.AppendLine("| circuits | heap before (MB) | heap with circuits (MB) | heap after closing (MB) | per circuit (KB) | target | opened in (s) | render batches | failed |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var met = row.PerCircuitKilobytes <= targetKilobytes ? "met" : "NOT met";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Circuits} | {Mb(row.Before.LiveBytes)} | {Mb(row.With.LiveBytes)} | {Mb(row.After.LiveBytes)} | {row.PerCircuitKilobytes:0.0} | ≤ {targetKilobytes} KB: {met} | {row.OpenSeconds:0.0} | {row.Batches} | {row.Failed} |");
        }
        return report.ToString();
    }
}
