using System.Globalization;
using System.Text.Json;

namespace Portal.Bench;

/// <summary>One scenario's headline figure against its target, written beside the scenario's report
/// as <c>bench/results/latest/&lt;scenario&gt;.json</c> (and kept with a timestamp in
/// <c>bench/results/history/</c>), so that <c>bench/run-all.sh</c> can print every figure on one line
/// and compare a run with an earlier one on the same machine as a ratio.</summary>
/// <param name="Scenario">Stable name: idle-circuits, fanout-circuits, active-members, search, page-load.</param>
/// <param name="Figure">What the value is, e.g. "KB per idle circuit at 5000".</param>
/// <param name="Value">The measured figure.</param>
/// <param name="Unit">KB, ms, members…</param>
/// <param name="Target">The issue's target for it.</param>
/// <param name="LowerIsBetter">true for memory and latency, false for capacity (members held).</param>
/// <param name="Details">Other figures worth keeping (p50, p95, lost…), by name.</param>
public sealed record ScenarioSummary(string Scenario, string Figure, double Value, string Unit, double Target,
    bool LowerIsBetter, IReadOnlyDictionary<string, double>? Details = null)
{
    public bool Met => LowerIsBetter ? Value <= Target : Value >= Target;

    public DateTime RunAt { get; init; } = DateTime.UtcNow;

    public string Machine { get; init; } = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes latest/&lt;scenario&gt;.json and history/&lt;scenario&gt;-&lt;time&gt;.json under the results folder.</summary>
    public async Task WriteAsync(string resultsFolder)
    {
        var latest = Path.Combine(resultsFolder, "latest");
        var history = Path.Combine(resultsFolder, "history");
        Directory.CreateDirectory(latest);
        Directory.CreateDirectory(history);
        var json = JsonSerializer.Serialize(this, Json);
        await File.WriteAllTextAsync(Path.Combine(latest, Scenario + ".json"), json);
        await File.WriteAllTextAsync(Path.Combine(history,
            $"{Scenario}-{RunAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json"), json);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario}: {Value:0.#} {Unit} ({(LowerIsBetter ? "≤" : "≥")} {Target:0.#}: {(Met ? "met" : "NOT met")})");
}
