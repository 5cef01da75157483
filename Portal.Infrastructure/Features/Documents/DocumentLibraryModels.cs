using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Workspaces;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>What the library shows. Null means "any". An audience of children or adults also finds the
/// documents written for both (they are about children too); "both" finds only those.</summary>
public sealed record DocumentFilter(
    DocumentType? Type = null,
    ExploitationForm? Form = null,
    DocumentAudience? Audience = null,
    Guid? OrganisationId = null,
    Guid? WorkspaceId = null,
    bool PortalWideOnly = false)
{
    public static DocumentFilter None { get; } = new();
}

public enum DocumentSort
{
    Title = 0,
    LastPublished = 1,
    ReviewDue = 2,
}

/// <summary>A published version as the library and the home page name it.</summary>
public sealed record VersionRef(Guid Id, VersionNumber Number, DateOnly EffectiveFrom);

public sealed record DocumentListItem(
    Guid Id,
    string Title,
    DocumentType Type,
    DocumentAudience Audience,
    IReadOnlyList<ExploitationForm> Forms,
    Guid? WorkspaceId,
    string? WorkspaceName,
    Guid OwnerOrganisationId,
    string OwnerOrganisationName,
    VersionRef? InForce,
    VersionRef? Upcoming,
    DateTimeOffset? LastPublishedAt,
    bool DraftInProgress,
    DateOnly ReviewDueOn,
    bool IsOverdue,
    bool NeedsAcknowledgement);

public enum VersionStanding
{
    Draft = 0,
    InForce = 1,
    Upcoming = 2,
    /// <summary>A later version is in force: kept, read-only, marked so.</summary>
    Superseded = 3,
}

public sealed record VersionHistoryEntry(Guid Id, VersionNumber Number, VersionStanding Standing, DateOnly? EffectiveFrom,
    DateTimeOffset? PublishedAt, string ChangeNote);

public sealed record AttachmentView(Guid Id, string FileName, long Size, string ContentType)
{
    public string Link => $"/documents/files/{Id}";
}

/// <summary>The version a reader is shown: its text as safe HTML, its sections, its place in the history.</summary>
public sealed record ShownVersion(
    Guid Id,
    VersionNumber Number,
    VersionStanding Standing,
    DateOnly EffectiveFrom,
    DateTimeOffset PublishedAt,
    PersonRef? PublishedBy,
    string ChangeNote,
    string Html,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>A document as a reader sees it. <see cref="Shown"/> is null while nothing is published yet (only
/// its editors and reviewers know the document then, and they go to the draft).</summary>
public sealed record DocumentView(
    Guid Id,
    string Title,
    string? Summary,
    DocumentType Type,
    DocumentAudience Audience,
    IReadOnlyList<ExploitationForm> Forms,
    Guid? WorkspaceId,
    string? WorkspaceName,
    Guid OwnerOrganisationId,
    string OwnerOrganisationName,
    PersonRef? Owner,
    DateOnly ReviewDueOn,
    bool IsOverdue,
    ShownVersion? Shown,
    VersionRef? InForce,
    IReadOnlyList<VersionHistoryEntry> History,
    bool CanEdit,
    bool CanSeeDraft,
    Guid? DraftId,
    VersionNumber? DraftNumber,
    bool CanReview,
    bool CanAcknowledge,
    bool HasAcknowledged,
    bool CanSeeAcknowledgements)
{
    public int PublishedCount => History.Count(h => h.Standing != VersionStanding.Draft);
}

/// <summary>A document in force that the member has yet to acknowledge (the home page's "documents to read").</summary>
public sealed record DocumentToRead(Guid DocumentId, string Title, Guid? WorkspaceId, string? WorkspaceName, VersionRef Version);
