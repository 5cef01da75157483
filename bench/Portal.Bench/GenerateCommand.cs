using System.Globalization;
using System.Text;
using Portal.Bench.Data;
using Portal.Infrastructure.Persistence;

namespace Portal.Bench;

/// <summary><c>Portal.Bench generate --provider sqlite|postgres --connection … [--seed 42] [--scale 1.0]
/// [--now 2026-11-02T08:00:00Z] [--manifest file.json]</c>: fills an empty database with the generated
/// volume (see bench/README.md, "Data generator").</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Find(string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        var provider = (Find("provider") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"--provider {other}: sqlite or postgres."),
        };
        var connection = Find("connection") ?? throw new ArgumentException("--connection is required (e.g. \"Data Source=bench.db\").");
        var options = new BenchDataOptions(provider, connection,
            int.Parse(Find("seed") ?? "42", CultureInfo.InvariantCulture),
            double.Parse(Find("scale") ?? "1", CultureInfo.InvariantCulture))
        {
            Now = Find("now") is { } now ? DateTimeOffset.Parse(now, CultureInfo.InvariantCulture) : BenchDataOptions.DefaultNow,
        };

        var volume = options.Volume;
        Console.WriteLine($"Generating into {provider}: seed {options.Seed}, scale {options.Scale.ToString(CultureInfo.InvariantCulture)} — " +
            $"{volume.Organisations} organisations, {volume.Members} members, {volume.Workspaces} workspaces, " +
            $"{volume.Threads} threads, {volume.Posts} posts");
        var report = await BenchDataGenerator.GenerateAsync(options, log: Console.WriteLine);
        Console.WriteLine(Describe(report));
        if (Find("manifest") is { } manifest)
        {
            await BenchManifest.Of(report.World).WriteAsync(manifest);
            Console.WriteLine($"Manifest written to {manifest}");
        }
        return 0;
    }

    private static string Describe(GenerationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| table | rows |");
        text.AppendLine("|---|---:|");
        foreach (var (table, rows) in report.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"| {table} | {rows:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Total {report.Rows.Values.Sum():N0} rows in {report.Total.TotalSeconds:0.0} s (saving {report.SaveTime.TotalSeconds:0.0} s) on {Environment.ProcessorCount} cores.");
        return text.ToString();
    }
}
