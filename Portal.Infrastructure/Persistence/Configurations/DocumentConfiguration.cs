using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Documents;
using Portal.Domain.Members;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class GuidanceDocumentConfiguration : IEntityTypeConfiguration<GuidanceDocument>
{
    public void Configure(EntityTypeBuilder<GuidanceDocument> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(GuidanceDocument.TitleMaxLength).IsRequired();
        builder.Property(d => d.Summary).HasMaxLength(GuidanceDocument.SummaryMaxLength);
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Audience).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(d => d.ExploitationForms)
            .HasField("_exploitationForms")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(d => d.Workspace).WithMany().HasForeignKey(d => d.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => d.WorkspaceId);
        builder.HasIndex(d => d.ReviewDueOn);
        builder.Ignore(d => d.Draft);
        builder.Ignore(d => d.Published);
        builder.Ignore(d => d.LatestPublished);
        builder.Ignore(d => d.DomainEvents);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("document_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Body).HasMaxLength(DocumentVersion.BodyMaxLength).IsRequired();
        builder.Property(v => v.ChangeNote).HasMaxLength(DocumentVersion.ChangeNoteMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // A document has one version of each number: the last line of defence for "one draft at a time".
        builder.HasIndex(v => new { v.DocumentId, v.Major, v.Minor }).IsUnique();
        builder.HasMany(v => v.Reviews).WithOne().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(v => v.Attachments).WithOne().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(v => v.Number);
        builder.Ignore(v => v.IsSignedOff);
        builder.Ignore(v => v.DomainEvents);
    }
}

internal sealed class DocumentReviewConfiguration : IEntityTypeConfiguration<DocumentReview>
{
    public void Configure(EntityTypeBuilder<DocumentReview> builder)
    {
        builder.ToTable("document_reviews");
        builder.HasKey(r => new { r.VersionId, r.ReviewerId });
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(DocumentReview.CommentMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ReviewerId);
    }
}

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> builder)
    {
        builder.ToTable("document_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(DocumentAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(200).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.StorageKey);
    }
}

internal sealed class DocumentAcknowledgementConfiguration : IEntityTypeConfiguration<DocumentAcknowledgement>
{
    public void Configure(EntityTypeBuilder<DocumentAcknowledgement> builder)
    {
        builder.ToTable("document_acknowledgements");
        // One row per member and version; "has read the version in force" looks for the same major number.
        builder.HasKey(a => new { a.DocumentId, a.MemberId, a.VersionId });
        builder.HasOne<GuidanceDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MemberId, a.DocumentId, a.Major });
    }
}

internal sealed class DocumentCommentConfiguration : IEntityTypeConfiguration<DocumentComment>
{
    public void Configure(EntityTypeBuilder<DocumentComment> builder)
    {
        builder.ToTable("document_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SectionAnchor).HasMaxLength(DocumentComment.AnchorMaxLength);
        builder.Property(c => c.Text).HasMaxLength(DocumentComment.TextMaxLength).IsRequired();
        builder.HasOne<GuidanceDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.VersionId, c.PostedAt });
        builder.Ignore(c => c.DomainEvents);
    }
}
