using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Workspaces;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>The editor page's view of a document: its metadata, the aggregate version a save must start
/// from, the open draft (null when there is none) and what the actor may do with it.</summary>
public sealed record DraftPageView(
    Guid DocumentId,
    DocumentMetadata Metadata,
    Guid? WorkspaceId,
    string? WorkspaceName,
    PersonRef? Owner,
    long Version,
    VersionNumber? LatestPublished,
    DraftView? Draft,
    bool CanEdit,
    bool CanStartDraft,
    bool CanReview,
    bool IsAuthor);

public sealed record DraftView(
    Guid VersionId,
    VersionNumber Number,
    bool Major,
    string Body,
    string ChangeNote,
    PersonRef? Author,
    DateTimeOffset LastEditedAt,
    IReadOnlyList<ReviewerView> Reviewers,
    PublishReadiness Readiness,
    IReadOnlyList<DraftCommentView> Comments);

public sealed record ReviewerView(PersonRef Person, ReviewDecision Decision, string? Comment, DateTimeOffset? DecidedAt);

/// <summary>Whether the draft may be published now and, if not, exactly what is missing (the publish
/// panel says this instead of offering a button that fails).</summary>
public sealed record PublishReadiness(bool NoReviewers, IReadOnlyList<PersonRef> WaitingFor, IReadOnlyList<PersonRef> ChangesRequestedBy,
    bool ChangeNoteMissing)
{
    public bool CanPublish => !NoReviewers && WaitingFor.Count == 0 && ChangesRequestedBy.Count == 0 && !ChangeNoteMissing;
}

public sealed record DraftCommentView(Guid Id, string? SectionAnchor, PersonRef? Author, string Text, DateTimeOffset PostedAt);
