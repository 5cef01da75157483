using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.SecretHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(f => f.SecretHash).IsUnique();
        builder.HasIndex(f => f.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(f => f.IsActive);
    }
}

internal sealed class MeetingReminderSentConfiguration : IEntityTypeConfiguration<MeetingReminderSent>
{
    public void Configure(EntityTypeBuilder<MeetingReminderSent> builder)
    {
        builder.ToTable("meeting_reminders_sent");
        builder.HasKey(r => new { r.OccurrenceId, r.Start });
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(r => r.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
