using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Members;
using Portal.Domain.Notifications;
using Portal.Domain.Updates;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(Notification.KindMaxLength).IsRequired();
        builder.Property(n => n.SubjectKind).HasMaxLength(Notification.SubjectKindMaxLength).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.HasIndex(n => new { n.MemberId, n.CreatedAt });
        builder.HasIndex(n => new { n.MemberId, n.ReadAt });
        builder.HasIndex(n => new { n.SubjectKind, n.SubjectId });
        // No foreign key to the subject: subjects of every kind live in their own tables. A subject
        // that is gone is simply no longer visible, so its notifications drop out of the bell.
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(n => n.DomainEvents);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.MemberId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(Notification.KindMaxLength);
        builder.Property(p => p.Email).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationMuteConfiguration : IEntityTypeConfiguration<NotificationMute>
{
    public void Configure(EntityTypeBuilder<NotificationMute> builder)
    {
        builder.ToTable("notification_mutes");
        builder.HasKey(m => new { m.MemberId, m.SubjectKind, m.SubjectId });
        builder.Property(m => m.SubjectKind).HasMaxLength(Notification.SubjectKindMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.ToTable("notification_digests");
        builder.HasKey(d => new { d.MemberId, d.Period });
        builder.Property(d => d.Period).HasMaxLength(NotificationDigest.PeriodMaxLength);
        builder.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentNotificationMailConfiguration : IEntityTypeConfiguration<SentNotificationMail>
{
    public void Configure(EntityTypeBuilder<SentNotificationMail> builder)
    {
        builder.ToTable("notification_mails_sent");
        builder.HasKey(m => m.DeliveryId);
        builder.Property(m => m.DeliveryId).ValueGeneratedNever();
    }
}

internal sealed class WorkspaceUpdateConfiguration : IEntityTypeConfiguration<WorkspaceUpdate>
{
    public void Configure(EntityTypeBuilder<WorkspaceUpdate> builder)
    {
        builder.ToTable("workspace_updates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Text).HasMaxLength(WorkspaceUpdate.TextMaxLength).IsRequired();
        builder.Property(u => u.AttachmentUrl).HasMaxLength(WorkspaceUpdate.LinkMaxLength);
        builder.HasOne(u => u.Workspace).WithMany().HasForeignKey(u => u.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.WorkspaceId, u.PostedAt });
        builder.Ignore(u => u.DomainEvents);
    }
}

internal sealed class UpdatesSeenConfiguration : IEntityTypeConfiguration<UpdatesSeen>
{
    public void Configure(EntityTypeBuilder<UpdatesSeen> builder)
    {
        builder.ToTable("updates_seen");
        builder.HasKey(s => new { s.MemberId, s.WorkspaceId });
        builder.HasOne<Portal.Domain.Workspaces.Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
