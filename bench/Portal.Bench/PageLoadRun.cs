using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Bench;

/// <summary>Scenario 5, page load: the prerendered home page and a thread page, signed in, requested
/// at a fixed rate by wrk (Debian's package; bench/pageload/paced.lua gives it the fixed rate it
/// lacks), the node pinned to one CPU and wrk to another. Reports the response time distribution
/// (on loopback, a prerendered page's response time is its time to first byte: the page is written
/// in one piece once rendered) and the node's CPU time per request, read from /proc.</summary>
public static class PageLoadRun
{
    private sealed record Paced(long Requests, long DurationUs, long Bytes, long Late, long Errors, long Status,
        long P50Us, long P90Us, long P95Us, long P99Us, long MaxUs, double MeanUs);

    private sealed record Row(string Page, string Path, int PageBytes, Paced Result, double CpuMillisecondsPerRequest)
    {
        public double AchievedRate => Result.Requests / (Result.DurationUs / 1e6);
        public double P95Milliseconds => Result.P95Us / 1000.0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        string Get(string name, string fallback) => BenchOptions.Find(args, name) ?? fallback;
        var rate = double.Parse(Get("rate", "200"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Get("seconds", "30"), CultureInfo.InvariantCulture);
        // The node first runs every page until its code is compiled for good (NodeWarmUp), then each
        // page gets a short warm-up at the measured rate.
        var warmup = int.Parse(Get("warmup", "180"), CultureInfo.InvariantCulture);
        var pageWarmup = int.Parse(Get("page-warmup", "10"), CultureInfo.InvariantCulture);
        var connections = int.Parse(Get("connections", "64"), CultureInfo.InvariantCulture);
        var targetMilliseconds = double.Parse(Get("target-p95", "100"), CultureInfo.InvariantCulture);
        var loadCpus = BenchOptions.Find(args, "load-cpus");
        var script = Get("script", Path.Combine(AppContext.BaseDirectory, "pageload", "paced.lua"));
        Console.WriteLine($"Page load: {rate} requests/s for {seconds} s per page (node warm-up {warmup} s, then {pageWarmup} s per page), {connections} connections");

        await using var nodes = await PortalNodes.StartAsync(options with { Bus = "inprocess" });
        var node = nodes.Urls[0];
        var serverProcess = nodes.ProcessIds[0];
        var services = new ServiceCollection().AddLogging()
            .AddPortalInfrastructure(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = options.Postgres, MigrateOnStart = false })
            .BuildServiceProvider();
        await using var _ = services;
        // The NMT lead on NMT's method-support thread: the demo's longest thread, in a workspace of
        // several members (the home page lists their workspaces, feed and threads).
        var member = DemoData.Personas.NmtLead;
        var thread = (await services.GetRequiredService<DiscussionService>().ListThreadsAsync(member, DemoData.Workspaces.Nmt))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var cookie = await FanOutRun.SignInAsync(node, member);
        (string Page, string Path)[] pages = [("home", ""), ("thread", $"threads/{thread}")];

        await NodeWarmUp.RunAsync(node, cookie, pages.Select(p => p.Path).ToList(), TimeSpan.FromSeconds(warmup));

        var rows = new List<Row>();
        foreach (var (page, path) in pages)
        {
            var bytes = await FetchAsync(node, path, cookie);
            Console.WriteLine($"{page}: {bytes / 1024.0:0.0} KB; warming up…");
            if (pageWarmup > 0)
                await WrkAsync(node, path, cookie, rate, pageWarmup, connections, script, loadCpus);
            var cpuBefore = CpuMilliseconds(serverProcess);
            var result = await WrkAsync(node, path, cookie, rate, seconds, connections, script, loadCpus);
            var cpu = CpuMilliseconds(serverProcess) - cpuBefore;
            var row = new Row(page, "/" + path, bytes, result, result.Requests == 0 ? double.NaN : cpu / result.Requests);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page}: {row.AchievedRate:0} requests/s, p95 {row.P95Milliseconds:0.0} ms, {row.CpuMillisecondsPerRequest:0.00} ms CPU per request"));
            rows.Add(row);
        }

        var report = ToMarkdown(rows, rate, seconds, connections, targetMilliseconds, options, loadCpus);
        Console.WriteLine(report);
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"page-load-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        var worst = rows.MaxBy(r => r.P95Milliseconds)!;
        var details = new Dictionary<string, double> { ["rate"] = rate };
        foreach (var row in rows)
        {
            details[$"{row.Page}P50Ms"] = row.Result.P50Us / 1000.0;
            details[$"{row.Page}P95Ms"] = row.P95Milliseconds;
            details[$"{row.Page}P99Ms"] = row.Result.P99Us / 1000.0;
            details[$"{row.Page}CpuMsPerRequest"] = Math.Round(row.CpuMillisecondsPerRequest, 2);
            details[$"{row.Page}Kilobytes"] = Math.Round(row.PageBytes / 1024.0, 1);
            details[$"{row.Page}AchievedRate"] = Math.Round(row.AchievedRate, 1);
            details[$"{row.Page}Late"] = row.Result.Late;
            details[$"{row.Page}Errors"] = row.Result.Errors + row.Result.Status;
        }
        await new ScenarioSummary("page-load", $"p95 first byte at {rate:0} requests/s (worst page: {worst.Page})",
            worst.P95Milliseconds, "ms", targetMilliseconds, LowerIsBetter: true, details).WriteAsync(options.ResultsFolder);
        return rows.All(r => r.Result.Errors == 0 && r.Result.Status == 0) ? 0 : 1;
    }

    /// <summary>One request as the browser makes it, to check that the page answers 200 signed in
    /// (not a redirect to the sign-in page) and to know its size.</summary>
    private static async Task<int> FetchAsync(Uri node, string path, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"/{path} answered {(int)response.StatusCode}, not 200.");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static async Task<Paced> WrkAsync(Uri node, string path, string cookie, double rate, int seconds, int connections,
        string script, string? loadCpus)
    {
        string[] command = ["wrk", "-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-H", $"Cookie: {cookie}",
            "-s", script, new Uri(node, path).ToString(), "--", rate.ToString(CultureInfo.InvariantCulture), "1"];
        if (loadCpus is not null)
            command = ["taskset", "-c", loadCpus, .. command];
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("PACED ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {process.ExitCode}): {output}{errors}");
        return JsonSerializer.Deserialize<Paced>(line["PACED ".Length..], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>User and system CPU time of the node's process (all threads), from /proc/PID/stat.</summary>
    private static double CpuMilliseconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The fields after the command name (in parentheses, which may hold spaces): utime and stime
        // are the 14th and 15th of the line, the 12th and 13th after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double ClockTicksPerSecond = 100;

    private static string ToMarkdown(List<Row> rows, double rate, int seconds, int connections, double targetMilliseconds,
        BenchOptions options, string? loadCpus)
    {
        static string Ms(long microseconds) => (microseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        report.AppendLine("# Page load: first byte of prerendered pages at a fixed rate");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}; one Release node on PostgreSQL (demo data){(options.ServerCpus is { } cpus ? $", pinned to CPU {cpus}" : "")}; wrk{(loadCpus is not null ? $" on CPU {loadCpus}" : "")}, {connections} connections, {rate} requests/s for {seconds} s per page after a warm-up.");
        report.AppendLine();
        report.AppendLine("Signed in as the NMT lead (demo sign-in). Response time is wrk's, from sending the request to the last byte on loopback; a prerendered page is written in one piece once rendered, so it is the time to first byte plus a fraction of a millisecond. \"Late\" counts requests that found every connection busy at their slot (the node fell behind the rate). CPU per request is the node's user + system CPU time over the measured run divided by the requests served.");
        report.AppendLine();
        report.AppendLine("| page | size (KB) | requests/s | p50 (ms) | p90 (ms) | p95 (ms) | p99 (ms) | max (ms) | target p95 | CPU per request (ms) | late | errors |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var met = row.P95Milliseconds <= targetMilliseconds ? "met" : "NOT met";
            var r = row.Result;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Page} (`{row.Path}`) | {row.PageBytes / 1024.0:0.0} | {row.AchievedRate:0} | {Ms(r.P50Us)} | {Ms(r.P90Us)} | {Ms(r.P95Us)} | {Ms(r.P99Us)} | {Ms(r.MaxUs)} | ≤ {targetMilliseconds} ms: {met} | {row.CpuMillisecondsPerRequest:0.00} | {r.Late} | {r.Errors + r.Status} |");
        }
        return report.ToString();
    }
}
