using Portal.Infrastructure.Persistence;

namespace Portal.Bench.Data;

/// <summary>Where to generate and how much. The same seed, scale and time give the same data.</summary>
public sealed record BenchDataOptions(DatabaseProvider Provider, string ConnectionString, int Seed = 42, double Scale = 1.0)
{
    /// <summary>The fixed "now" of the generated world: everything happened in the year before it.
    /// Fixed rather than the clock's, so that a seed always gives the same rows.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; init; } = DefaultNow;

    public Volume Volume => Volume.For(Scale);
}

/// <summary>How many of each: issue 8's realistic volume times the scale, with small floors so that a
/// tiny scale still has every kind of organisation and workspace.</summary>
public sealed record Volume(int Organisations, int Members, int Workspaces, int Threads, int Posts)
{
    public static readonly Volume Full = new(120, 2_000, 150, 10_000, 200_000);

    public static Volume For(double scale)
    {
        if (scale is <= 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be above 0 and at most 100.");
        int Scaled(int full, int floor) => Math.Max(floor, (int)Math.Round(full * scale));
        var threads = Scaled(Full.Threads, 10);
        return new Volume(
            Scaled(Full.Organisations, 6),
            Scaled(Full.Members, 12),
            Scaled(Full.Workspaces, 6),
            threads,
            Math.Max(threads, Scaled(Full.Posts, 10)));
    }
}
