using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>A member's "read and understood" of a published version. An acknowledgement of any version
/// with the same major number counts for the version in force (minor versions do not ask again).</summary>
public sealed class DocumentAcknowledgement
{
    private DocumentAcknowledgement() { }

    public DocumentAcknowledgement(Guid documentId, Guid versionId, VersionNumber number, Guid memberId, DateTimeOffset now)
    {
        DocumentId = documentId;
        VersionId = versionId;
        Major = number.Major;
        Minor = number.Minor;
        MemberId = memberId;
        AcknowledgedAt = now;
    }

    public Guid DocumentId { get; private set; }
    public Guid VersionId { get; private set; }
    public int Major { get; private set; }
    public int Minor { get; private set; }
    public Guid MemberId { get; private set; }
    public DateTimeOffset AcknowledgedAt { get; private set; }
}

/// <summary>A comment on one section of a draft (by its anchor), from an editor or a named reviewer.</summary>
public sealed class DocumentComment : Entity
{
    public const int TextMaxLength = 4000;
    public const int AnchorMaxLength = 100;

    private DocumentComment() { }

    public DocumentComment(Guid documentId, Guid versionId, string? sectionAnchor, Guid authorId, string? text, DateTimeOffset now)
    {
        DocumentId = documentId;
        VersionId = versionId;
        SectionAnchor = Guard.OptionalText(sectionAnchor, AnchorMaxLength, "document.comment.section");
        AuthorId = authorId;
        Text = Guard.RequiredText(text, TextMaxLength, "document.comment.text");
        PostedAt = now;
    }

    public Guid DocumentId { get; private set; }
    public Guid VersionId { get; private set; }
    /// <summary>The section's anchor (e.g. "avsnitt-4-2"); null for a comment on the whole draft.</summary>
    public string? SectionAnchor { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset PostedAt { get; private set; }
}
