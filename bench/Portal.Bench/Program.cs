using System.Diagnostics;
using System.Globalization;
using Portal.Bench;

// Benchmarks, see bench/README.md. Verbs: "generate" fills a database with the bench's data
// (GenerateCommand); "idle-circuits", "active-members", "search", "scale-out"… run a scenario; "summary"
// prints the latest figures of every scenario on one line (SummaryCommand). Without a verb: the hub
// fan-out benchmark, N hub clients watch one thread while one member posts at a fixed rate.
if (args is ["generate", .. var generateArgs])
    return await GenerateCommand.RunAsync(generateArgs);
if (args.FirstOrDefault() == "summary")
    return await SummaryCommand.RunAsync(args[1..]);
if (args.FirstOrDefault() == "idle-circuits")
    return await IdleCircuitsRun.RunAsync(args[1..]);
if (args.FirstOrDefault() == "active-members")
    return await ActiveMembersRun.RunAsync(args[1..]);
if (args.FirstOrDefault() == "scale-out")
    return await ScaleOutRun.RunAsync(args[1..]);
if (args.FirstOrDefault() == "search")
    return await SearchRun.RunAsync(args[1..]);
if (args.FirstOrDefault() == "page-load")
    return await PageLoadRun.RunAsync(args[1..]);
if (args.FirstOrDefault() == "fanout-circuits")
    return await FanOutCircuitsRun.RunAsync(args[1..]);

var options = BenchOptions.Parse(args);
Console.WriteLine($"Fan-out: {options.Clients} clients, {options.PostsPerSecond} posts/s for {options.Seconds} s, bus: {options.Bus}");

await using var nodes = await PortalNodes.StartAsync(options);
var result = await FanOutRun.RunAsync(options, nodes);

var report = result.ToMarkdown(options);
Console.WriteLine(report);
Directory.CreateDirectory(options.ResultsFolder);
var file = Path.Combine(options.ResultsFolder, $"fanout-{options.Bus}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
await File.WriteAllTextAsync(file, report);
Console.WriteLine($"Written to {file}");
return result.Lost == 0 ? 0 : 1;

namespace Portal.Bench
{
    public sealed record BenchOptions(int Clients, double PostsPerSecond, int Seconds, string Bus, string Postgres,
        string? Redis, string WebDll, string ResultsFolder, double TargetP99Milliseconds, string? ServerCpus = null)
    {
        public static string? Find(string[] args, string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        public static BenchOptions Parse(string[] args)
        {
            string? Find(string name) => BenchOptions.Find(args, name);
            string Get(string name, string fallback) => Find(name) ?? fallback;
            string Required(string name, string variable) =>
                Find(name) ?? Environment.GetEnvironmentVariable(variable) ?? throw new ArgumentException($"--{name} or {variable} is required.");
            var bus = Get("bus", "inprocess");
            return new BenchOptions(
                int.Parse(Get("clients", "500"), CultureInfo.InvariantCulture),
                double.Parse(Get("rate", "5"), CultureInfo.InvariantCulture),
                int.Parse(Get("seconds", "60"), CultureInfo.InvariantCulture),
                bus,
                Required("postgres", "BENCH_POSTGRES"),
                bus == "redis" ? Required("redis", "BENCH_REDIS") : null,
                Required("web", "BENCH_WEB_DLL"),
                Get("results", "bench/results"),
                double.Parse(Get("target-p99", "250"), CultureInfo.InvariantCulture),
                Find("server-cpus"));
        }
    }

    internal static class Clock
    {
        public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
    }
}
