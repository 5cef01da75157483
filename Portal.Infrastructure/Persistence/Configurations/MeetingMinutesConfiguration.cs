using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Infrastructure.Persistence.Configurations;

// The minutes part of the Meeting aggregate: every row carries its meeting (the aggregate's key, so that a use
// case loads one occurrence's rows with a filtered include) and its occurrence (deleted with it).

internal sealed class MeetingAgendaItemConfiguration : IEntityTypeConfiguration<MeetingAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaItem> builder)
    {
        builder.ToTable("meeting_agenda_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(MeetingAgendaItem.TitleMaxLength).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.LinkKind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Meeting>().WithMany(m => m.AgendaItems).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(i => i.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.ProposedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.MeetingId, i.OccurrenceId });
        builder.Ignore(i => i.Link);
        builder.Ignore(i => i.DomainEvents);
    }
}

internal sealed class MeetingAgendaDeadlineConfiguration : IEntityTypeConfiguration<MeetingAgendaDeadline>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaDeadline> builder)
    {
        builder.ToTable("meeting_agenda_deadlines");
        builder.HasKey(d => d.OccurrenceId);
        builder.HasOne<Meeting>().WithMany(m => m.AgendaDeadlines).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(d => d.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.Deadline);
    }
}

internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> builder)
    {
        builder.ToTable("meeting_minutes");
        builder.HasKey(m => m.OccurrenceId);
        builder.Property(m => m.Text).HasMaxLength(MeetingMinutes.TextMaxLength).IsRequired();
        builder.HasOne<Meeting>().WithMany(m => m.Minutes).HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(m => m.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.WrittenById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MeetingId);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.ToTable("meeting_attendance");
        builder.HasKey(a => new { a.OccurrenceId, a.MemberId });
        builder.HasOne<Meeting>().WithMany(m => m.Attendance).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(a => a.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MeetingId);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ToTable("meeting_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Text).HasMaxLength(MeetingDecision.TextMaxLength).IsRequired();
        builder.HasOne<Meeting>().WithMany(m => m.Decisions).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(d => d.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.MeetingId, d.OccurrenceId });
        builder.Ignore(d => d.DomainEvents);
    }
}

internal sealed class MeetingActionItemConfiguration : IEntityTypeConfiguration<MeetingActionItem>
{
    public void Configure(EntityTypeBuilder<MeetingActionItem> builder)
    {
        builder.ToTable("meeting_action_items");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(MeetingActionItem.TextMaxLength).IsRequired();
        builder.HasOne<Meeting>().WithMany(m => m.ActionItems).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(a => a.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.DoneById).OnDelete(DeleteBehavior.Restrict);
        // The home page's "my open items" and the overdue job's scan.
        builder.HasIndex(a => new { a.AssigneeId, a.DoneAt });
        builder.HasIndex(a => new { a.DueOn, a.DoneAt });
        builder.HasIndex(a => new { a.MeetingId, a.OccurrenceId });
        builder.Ignore(a => a.IsDone);
        builder.Ignore(a => a.DomainEvents);
    }
}

internal sealed class TrainingRegistrationConfiguration : IEntityTypeConfiguration<TrainingRegistration>
{
    public void Configure(EntityTypeBuilder<TrainingRegistration> builder)
    {
        builder.ToTable("training_registrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Meeting>().WithMany(m => m.Registrations).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(r => r.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        // One registration per member and occurrence: the last line of defence behind the aggregate's rule.
        builder.HasIndex(r => new { r.OccurrenceId, r.MemberId }).IsUnique();
        builder.HasIndex(r => r.MeetingId);
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class TrainingOutsideParticipantConfiguration : IEntityTypeConfiguration<TrainingOutsideParticipant>
{
    public void Configure(EntityTypeBuilder<TrainingOutsideParticipant> builder)
    {
        builder.ToTable("training_outside_participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(TrainingOutsideParticipant.NameMaxLength);
        builder.Property(p => p.OrganisationName).HasMaxLength(TrainingOutsideParticipant.OrganisationMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.County).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Meeting>().WithMany(m => m.OutsideParticipants).HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingOccurrence>().WithMany().HasForeignKey(p => p.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MeetingId, p.OccurrenceId });
        builder.Ignore(p => p.IsNamed);
        builder.Ignore(p => p.DomainEvents);
    }
}
