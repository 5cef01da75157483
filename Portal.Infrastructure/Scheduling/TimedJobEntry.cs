using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Scheduling;

/// <summary>The stored schedule of one timed job, shared by all nodes: when it is next due, when it
/// last completed, and the claim of the node running it now (until <see cref="LeaseUntil"/>).</summary>
public sealed class TimedJobEntry
{
    public const int NameMaxLength = 100;

    private TimedJobEntry() { }

    internal TimedJobEntry(string name, DateTimeOffset nextRunAt)
    {
        Name = name;
        NextRunAt = nextRunAt;
    }

    public string Name { get; private set; } = "";
    public DateTimeOffset NextRunAt { get; private set; }
    public DateTimeOffset? LastRunAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
}

internal sealed class TimedJobEntryConfiguration : IEntityTypeConfiguration<TimedJobEntry>
{
    public void Configure(EntityTypeBuilder<TimedJobEntry> builder)
    {
        builder.ToTable("timed_jobs");
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(TimedJobEntry.NameMaxLength);
        builder.Property(j => j.ClaimedBy).HasMaxLength(64);
    }
}
