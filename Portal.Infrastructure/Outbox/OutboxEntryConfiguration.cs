using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Outbox;

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(OutboxEntry.TypeMaxLength).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(OutboxEntry.ErrorMaxLength);
        builder.Property(e => e.ClaimedBy).HasMaxLength(OutboxEntry.ClaimMaxLength);
        // The dispatcher's claim looks for pending rows by due time; cleanup by processed time.
        builder.HasIndex(e => new { e.ProcessedAt, e.DeadAt, e.AvailableAt });
        builder.HasIndex(e => e.ClaimedBy);
    }
}
