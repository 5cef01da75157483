using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.WriteLimits;

/// <summary>One counted write by a member: what <see cref="WriteLimiter"/> counts against the limit of
/// its kind. Written in the same transaction as the write itself, so a refused or failed write leaves
/// none; a member's rows older than the longest window are pruned when they next write.</summary>
public sealed class RecentWrite
{
    public const int KindMaxLength = 50;

    private RecentWrite() { }

    public RecentWrite(Guid memberId, string kind, int count, DateTimeOffset writtenAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Id = Guid.CreateVersion7(writtenAt);
        MemberId = memberId;
        Kind = kind;
        Count = count;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary>A registered kind, e.g. <c>post</c>; a stable string (it is also a setting's name).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>How much this write counts (a post with three mentions counts 3 mentions).</summary>
    public int Count { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }
}

internal sealed class RecentWriteConfiguration : IEntityTypeConfiguration<RecentWrite>
{
    public void Configure(EntityTypeBuilder<RecentWrite> builder)
    {
        builder.ToTable("recent_writes");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Kind).HasMaxLength(RecentWrite.KindMaxLength).IsRequired();
        builder.HasIndex(w => new { w.MemberId, w.Kind, w.WrittenAt });
        // No foreign key: a counter, not part of the member's record.
    }
}
