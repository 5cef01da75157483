using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Members;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(Workspace.NameMaxLength).IsRequired();
        builder.Property(w => w.Purpose).HasMaxLength(Workspace.PurposeMaxLength).IsRequired();
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(w => w.Memberships).WithOne().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(w => w.Name);
        builder.Ignore(w => w.DomainEvents);
        builder.Ignore(w => w.ActiveMemberships);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        // One row per member and workspace: a second request reopens it rather than adding one.
        builder.HasIndex(m => new { m.WorkspaceId, m.MemberId }).IsUnique();
        builder.HasIndex(m => new { m.MemberId, m.Status });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Message).HasMaxLength(Membership.MessageMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(m => m.DomainEvents);
    }
}
