using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bench.Data;
using Portal.Infrastructure;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Bench;

/// <summary>Scenario 4, search: the mixed query set (<see cref="SearchQueries"/>) asked one after the
/// other through the product's <see cref="SearchService"/> (the same call the search page makes: terms,
/// access per member, filters, grouping, ranking, the page of hits with snippets) on generated data,
/// on SQLite and PostgreSQL; p50/p95/p99 of each call. With <c>--generate</c> it first fills each
/// (empty) database and reports how long that took.</summary>
public static class SearchRun
{
    private sealed record Database(string Name, DatabaseProvider Provider, string Connection);

    private sealed record Timing(SearchQuery Query, double Milliseconds, double CpuMilliseconds, int Total);

    private sealed record Result(Database Database, double? GenerationSeconds, IReadOnlyList<Timing> Timings, bool CpuCountsServer)
    {
        public double Percentile(double p, string? category = null) =>
            SearchPercentile.Of(Timings.Where(t => category is null || t.Query.Category == category).Select(t => t.Milliseconds), p);

        public double CpuPercentile(double p) => SearchPercentile.Of(Timings.Select(t => t.CpuMilliseconds), p);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string? Find(string name) => BenchOptions.Find(args, name);
        var generate = args.Contains("--generate");
        var scale = double.Parse(Find("scale") ?? "1", CultureInfo.InvariantCulture);
        var seed = int.Parse(Find("seed") ?? "42", CultureInfo.InvariantCulture);
        var count = int.Parse(Find("queries") ?? "200", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Find("warmup") ?? "20", CultureInfo.InvariantCulture);
        var targetP95 = double.Parse(Find("target-p95") ?? "50", CultureInfo.InvariantCulture);
        var resultsFolder = Find("results") ?? "bench/results";
        var manifestPath = Find("manifest");
        var databases = new List<Database>();
        if (Find("sqlite") is { } sqlite)
            databases.Add(new Database("SQLite", DatabaseProvider.Sqlite, sqlite));
        if (Find("postgres") is { } postgres)
            databases.Add(new Database("PostgreSQL", DatabaseProvider.Postgres, postgres));
        if (databases.Count == 0)
            throw new ArgumentException("--sqlite \"Data Source=…\" and/or --postgres \"Host=…\" is required.");
        if (!generate && manifestPath is null)
            throw new ArgumentException("--manifest file.json (written by generate) is required unless --generate.");

        BenchManifest? manifest = generate ? null : await BenchManifest.ReadAsync(manifestPath!);
        var results = new List<Result>();
        foreach (var database in databases)
        {
            double? generationSeconds = null;
            if (generate)
            {
                Console.WriteLine($"Generating into {database.Name} at scale {scale.ToString(CultureInfo.InvariantCulture)}…");
                var report = await BenchDataGenerator.GenerateAsync(new BenchDataOptions(database.Provider, database.Connection, seed, scale),
                    log: line => Console.WriteLine("  " + line));
                generationSeconds = report.Total.TotalSeconds;
                Console.WriteLine($"  {database.Name}: generated in {generationSeconds:0.0} s");
                manifest ??= BenchManifest.Of(report.World);
                if (manifestPath is not null)
                    await manifest.WriteAsync(manifestPath);
            }
            var queries = SearchQueries.Build(manifest!, count, seed);
            results.Add(await MeasureAsync(database, generationSeconds, queries, warmup));
        }

        var markdown = ToMarkdown(results, manifest!, count, targetP95);
        Console.WriteLine(markdown);
        Directory.CreateDirectory(resultsFolder);
        var file = Path.Combine(resultsFolder, $"search-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine($"Written to {file}");

        var worst = results.MaxBy(r => r.Percentile(95))!;
        var details = new Dictionary<string, double> { ["posts"] = manifest!.Volume.Posts, ["queries"] = count };
        foreach (var result in results)
        {
            var key = result.Database.Provider.ToString().ToLowerInvariant();
            details[key + "P50"] = result.Percentile(50);
            details[key + "P95"] = result.Percentile(95);
            details[key + "P99"] = result.Percentile(99);
            details[key + "CpuP95"] = result.CpuPercentile(95);
            if (result.GenerationSeconds is { } seconds)
                details[key + "GenerationSeconds"] = seconds;
        }
        await new ScenarioSummary("search", $"search p95 at {manifest.Volume.Posts} posts ({worst.Database.Name}, the slower)",
            worst.Percentile(95), "ms", targetP95, LowerIsBetter: true, details).WriteAsync(resultsFolder);
        return 0;
    }

    private static async Task<Result> MeasureAsync(Database database, double? generationSeconds, IReadOnlyList<SearchQuery> queries,
        int warmup)
    {
        var services = new ServiceCollection().AddLogging()
            .AddPortalInfrastructure(new DatabaseOptions { Provider = database.Provider, ConnectionString = database.Connection, MigrateOnStart = false })
            .BuildServiceProvider();
        await using var _ = services;
        var search = services.GetRequiredService<SearchService>();
        var cpu = new CpuClock(database.Provider == DatabaseProvider.Postgres ? await PostmasterPidAsync(services) : null);

        // Warm-up: JIT, the connection pool and the database's caches are not what a query costs.
        Console.WriteLine($"{database.Name}: {warmup} warm-up queries, then {queries.Count}…");
        foreach (var query in queries.Take(warmup))
            await search.SearchAsync(query.MemberId, query.Text, query.Filters);

        var timings = new List<Timing>(queries.Count);
        foreach (var query in queries)
        {
            var cpuStarted = cpu.Start();
            var started = Stopwatch.GetTimestamp();
            var results = await search.SearchAsync(query.MemberId, query.Text, query.Filters);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            timings.Add(new Timing(query, elapsed, cpu.Elapsed(cpuStarted) / 1e6, results.TotalCount));
        }
        var p95 = SearchPercentile.Of(timings.Select(t => t.Milliseconds), 95);
        Console.WriteLine($"{database.Name}: p50 {SearchPercentile.Of(timings.Select(t => t.Milliseconds), 50):0.0} ms, p95 {p95:0.0} ms");
        return new Result(database, generationSeconds, timings, cpu.CountsServer);
    }

    /// <summary>The PostgreSQL server's postmaster, to count its backends' CPU, when it runs on this
    /// machine and its data directory is readable (else only this process's CPU is counted).</summary>
    private static async Task<int?> PostmasterPidAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW data_directory";
        return await command.ExecuteScalarAsync() is string folder ? CpuClock.PostmasterPid(folder) : null;
    }

    private static string ToMarkdown(List<Result> results, BenchManifest manifest, int count, double targetP95)
    {
        var report = new StringBuilder();
        report.AppendLine("# Search: mixed queries on generated data");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}. Generated data: seed {manifest.Seed}, scale {manifest.Scale.ToString(CultureInfo.InvariantCulture)} — {manifest.Volume.Members:N0} members, {manifest.Volume.Workspaces} workspaces, {manifest.Volume.Threads:N0} threads, {manifest.Volume.Posts:N0} posts.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{count} queries (a fifth each: single words, other word forms, phrases, a word with a filter, names), one after the other, each as a generated member drawn at random, through `SearchService.SearchAsync` (first page of 20 hits), after a warm-up. Time = the whole call, in process, database on loopback or a local file.");
        report.AppendLine();
        report.AppendLine("| database | generated in (s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | target p95 | hits (median) | CPU p50 / p95 / p99 (ms) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var r in results)
        {
            var met = r.Percentile(95) <= targetP95 ? "met" : "NOT met";
            var hits = r.Timings.Select(t => (double)t.Total).Order().ElementAt(r.Timings.Count / 2);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Database.Name} | {(r.GenerationSeconds is { } s ? s.ToString("0", CultureInfo.InvariantCulture) : "–")} | {r.Percentile(50):0.0} | {r.Percentile(95):0.0} | {r.Percentile(99):0.0} | {r.Timings.Max(t => t.Milliseconds):0.0} | ≤ {targetP95} ms: {met} | {hits:0} | {r.CpuPercentile(50):0.0} / {r.CpuPercentile(95):0.0} / {r.CpuPercentile(99):0.0}{(r.CpuCountsServer || r.Database.Provider == DatabaseProvider.Sqlite ? "" : " (client only)")} |");
        }
        report.AppendLine();
        report.AppendLine("CPU = time on a core of the bench process (SQLite runs in it) and, for PostgreSQL, of the server's processes, from /proc/*/schedstat: what a query costs whatever else runs on the machine. On a loaded machine the wall times mostly measure waiting for a core; compare CPU before/after.");
        report.AppendLine();
        report.AppendLine("By kind of query, p50 / p95 (ms):");
        report.AppendLine();
        report.AppendLine("| kind | " + string.Join(" | ", results.Select(r => r.Database.Name)) + " |");
        report.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var category in results[0].Timings.Select(t => t.Query.Category).Distinct())
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {category} | {string.Join(" | ", results.Select(r => $"{r.Percentile(50, category):0.0} / {r.Percentile(95, category):0.0}"))} |");
        foreach (var r in results)
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Slowest on {r.Database.Name}:");
            report.AppendLine();
            foreach (var t in r.Timings.OrderByDescending(t => t.Milliseconds).Take(5))
                report.AppendLine(CultureInfo.InvariantCulture, $"- {t.Milliseconds:0.0} ms (CPU {t.CpuMilliseconds:0.0} ms), {t.Total} hits — {t.Query}");
        }
        return report.ToString();
    }
}

internal static class SearchPercentile
{
    /// <summary>Nearest-rank percentile.</summary>
    public static double Of(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
