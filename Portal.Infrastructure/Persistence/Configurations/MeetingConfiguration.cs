using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    /// <summary>A wall-clock time is no instant: stored as ISO text so that neither provider reads a zone into it.</summary>
    private static readonly ValueConverter<DateTime, string> LocalTime = new(
        v => v.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        v => DateTime.SpecifyKind(DateTime.ParseExact(v, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Unspecified));

    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Uid).HasMaxLength(100).IsRequired();
        builder.HasIndex(m => m.Uid).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Meeting.DescriptionMaxLength).IsRequired();
        builder.Property(m => m.Address).HasMaxLength(Meeting.AddressMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(Meeting.OnlineLinkMaxLength);
        builder.Property(m => m.SeriesStartLocal).HasConversion(LocalTime).HasMaxLength(19);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.OrganiserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.SecretaryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Domain.Workspaces.Workspace>().WithMany().HasForeignKey(m => m.HomeWorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(m => m.Recurrence, r =>
        {
            r.Property(x => x.Frequency).HasColumnName("RecurrenceFrequency").HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.Interval).HasColumnName("RecurrenceInterval");
            r.Property(x => x.WeekOfMonth).HasColumnName("RecurrenceWeekOfMonth");
            r.Property(x => x.Count).HasColumnName("RecurrenceCount");
            r.Property(x => x.Until).HasColumnName("RecurrenceUntil");
        });
        builder.HasMany(m => m.Workspaces).WithOne().HasForeignKey(w => w.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Workspaces).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Occurrences).WithOne().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Occurrences).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Invitees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.SplitFromMeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.HomeWorkspaceId);
        builder.Ignore(m => m.WorkspaceIds);
        builder.Ignore(m => m.IsSeries);
        builder.Ignore(m => m.IsCancelled);
        builder.Ignore(m => m.Duration);
        builder.Ignore(m => m.OccurrencesInOrder);
        builder.Ignore(m => m.DomainEvents);
    }
}

internal sealed class MeetingWorkspaceConfiguration : IEntityTypeConfiguration<MeetingWorkspace>
{
    public void Configure(EntityTypeBuilder<MeetingWorkspace> builder)
    {
        builder.ToTable("meeting_workspaces");
        builder.HasKey(w => new { w.MeetingId, w.WorkspaceId });
        builder.HasOne(w => w.Workspace).WithMany().HasForeignKey(w => w.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.WorkspaceId);
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> builder)
    {
        builder.ToTable("meeting_invitees");
        builder.HasKey(i => new { i.MeetingId, i.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        // "My meetings" and the feed start from the member.
        builder.HasIndex(i => i.MemberId);
    }
}

internal sealed class MeetingOccurrenceConfiguration : IEntityTypeConfiguration<MeetingOccurrence>
{
    public void Configure(EntityTypeBuilder<MeetingOccurrence> builder)
    {
        builder.ToTable("meeting_occurrences");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasMany(o => o.Replies).WithOne().HasForeignKey(r => r.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Replies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => new { o.MeetingId, o.OriginalStart });
        // Calendars, "upcoming" and reminders ask by time.
        builder.HasIndex(o => o.Start);
        builder.Ignore(o => o.IsMoved);
        builder.Ignore(o => o.DomainEvents);
    }
}

internal sealed class MeetingReplyConfiguration : IEntityTypeConfiguration<MeetingReply>
{
    public void Configure(EntityTypeBuilder<MeetingReply> builder)
    {
        builder.ToTable("meeting_replies");
        builder.HasKey(r => new { r.OccurrenceId, r.MemberId });
        builder.Property(r => r.Answer).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Comment).HasMaxLength(MeetingReply.CommentMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.MemberId);
    }
}
