using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Members;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("support_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(SupportRequest.ReferenceMaxLength).IsRequired();
        // One number per year: the last line of defence when two submit at once (the use case retries).
        builder.HasIndex(r => new { r.Year, r.Number }).IsUnique();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.AskerOrganisationName).HasMaxLength(SupportRequest.OrganisationNameMaxLength);
        builder.Property(r => r.AskerOrganisationKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AskerContact).HasMaxLength(SupportRequest.ContactMaxLength);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Question).HasMaxLength(SupportRequest.QuestionMaxLength).IsRequired();
        builder.Property(r => r.DoneSoFar).HasMaxLength(SupportRequest.DoneSoFarMaxLength);
        builder.Property(r => r.PreferredContact).HasMaxLength(SupportRequest.ContactMaxLength);
        builder.Property(r => r.County).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(r => r.Forms)
            .HasField("_forms")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.AskerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.LoggedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AskerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Assignees).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Assignees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Viewers).WithOne().HasForeignKey(v => v.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Viewers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Replies).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Replies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Referrals).WithOne().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Referrals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => r.AskerId);
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        builder.HasIndex(r => r.ClosedAt);
        builder.Ignore(r => r.FirstResponseDue);
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class SupportAssignmentConfiguration : IEntityTypeConfiguration<SupportAssignment>
{
    public void Configure(EntityTypeBuilder<SupportAssignment> builder)
    {
        builder.ToTable("support_assignments");
        builder.HasKey(a => new { a.RequestId, a.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MemberId);
    }
}

internal sealed class SupportViewerConfiguration : IEntityTypeConfiguration<SupportViewer>
{
    public void Configure(EntityTypeBuilder<SupportViewer> builder)
    {
        builder.ToTable("support_viewers");
        builder.HasKey(v => new { v.RequestId, v.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.MemberId);
    }
}

internal sealed class SupportReplyConfiguration : IEntityTypeConfiguration<SupportReply>
{
    public void Configure(EntityTypeBuilder<SupportReply> builder)
    {
        builder.ToTable("support_replies");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Text).HasMaxLength(SupportReply.TextMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.RequestId, m.At });
    }
}

internal sealed class SupportNoteConfiguration : IEntityTypeConfiguration<SupportNote>
{
    public void Configure(EntityTypeBuilder<SupportNote> builder)
    {
        builder.ToTable("support_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(SupportNote.TextMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.RequestId, n.At });
    }
}

internal sealed class SupportReferralConfiguration : IEntityTypeConfiguration<SupportReferral>
{
    public void Configure(EntityTypeBuilder<SupportReferral> builder)
    {
        builder.ToTable("support_referrals");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Contact).HasMaxLength(SupportRequest.ContactMaxLength);
        builder.Property(f => f.Reason).HasMaxLength(SupportReferral.ReasonMaxLength).IsRequired();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.ReferredBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.RequestId, f.At });
    }
}

internal sealed class SupportDeskConfiguration : IEntityTypeConfiguration<SupportDesk>
{
    public void Configure(EntityTypeBuilder<SupportDesk> builder)
    {
        builder.ToTable("support_desks");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(d => d.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(d => d.DutyMemberIds)
            .HasField("_dutyMemberIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.DomainEvents);
    }
}
