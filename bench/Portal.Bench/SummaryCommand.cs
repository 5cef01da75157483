using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Portal.Bench;

/// <summary>"summary": the figures of the latest run of every scenario (bench/results/latest/*.json,
/// written by <see cref="ScenarioSummary"/>) on one line against their targets, kept as a run file in
/// bench/results/runs/, and compared with an earlier run file as ratios (this run / that run: below 1
/// is better for memory and latency, above 1 for members held).</summary>
public static class SummaryCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var results = BenchOptions.Find(args, "results") ?? "bench/results";
        var since = BenchOptions.Find(args, "since") is { } started
            ? DateTime.Parse(started, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTime.MinValue;
        var latest = Path.Combine(results, "latest");
        var summaries = Directory.Exists(latest)
            ? Directory.GetFiles(latest, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<ScenarioSummary>(File.ReadAllText(f))!)
                .Where(s => s.RunAt >= since)
                .ToList()
            : [];
        if (summaries.Count == 0)
        {
            Console.Error.WriteLine($"No scenario figures in {latest}{(since > DateTime.MinValue ? $" since {since:u}" : "")}.");
            return 1;
        }

        var runs = Path.Combine(results, "runs");
        Directory.CreateDirectory(runs);
        var compareWith = BenchOptions.Find(args, "compare")
            ?? Directory.GetFiles(runs, "run-*.json").Order(StringComparer.Ordinal).LastOrDefault();
        var earlier = compareWith is null
            ? new Dictionary<string, ScenarioSummary>()
            : JsonSerializer.Deserialize<List<ScenarioSummary>>(File.ReadAllText(compareWith))!.ToDictionary(s => s.Scenario);

        Console.WriteLine(Line(summaries, earlier));
        if (compareWith is not null)
            Console.WriteLine($"(ratios against {Path.GetFileName(compareWith)})");
        var file = Path.Combine(runs, $"run-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summaries, Json));
        Console.WriteLine($"Written to {file}");
        return summaries.All(s => s.Met) ? 0 : 2;
    }

    /// <summary>E.g. "idle-circuits 712 KB (≤ 300: NOT met, ×0.95) | search 31 ms (≤ 50: met) | …".</summary>
    public static string Line(IReadOnlyList<ScenarioSummary> summaries, IReadOnlyDictionary<string, ScenarioSummary> earlier)
    {
        var line = new StringBuilder();
        foreach (var summary in summaries)
        {
            if (line.Length > 0)
                line.Append(" | ");
            // A scenario that measured nothing (no arrivals at all) writes the largest double, never NaN, as JSON has none.
            var measured = summary.Value < double.MaxValue / 2;
            var value = measured ? string.Create(CultureInfo.InvariantCulture, $"{summary.Value:0.#} {summary.Unit}") : "nothing measured";
            line.Append(CultureInfo.InvariantCulture,
                $"{summary.Scenario} {value} ({(summary.LowerIsBetter ? "≤" : "≥")} {summary.Target:0.#}: {(summary.Met ? "met" : "NOT met")}");
            if (measured && earlier.TryGetValue(summary.Scenario, out var before) && before.Value != 0 && before.Value < double.MaxValue / 2)
                line.Append(CultureInfo.InvariantCulture, $", ×{summary.Value / before.Value:0.00}");
            line.Append(')');
        }
        return line.ToString();
    }
}
