using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Discussions;
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
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(n => new { n.MemberId, n.CreatedAt });
        builder.HasIndex(n => new { n.MemberId, n.ReadAt });
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(n => n.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Post>().WithMany().HasForeignKey(n => n.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(n => n.DomainEvents);
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
