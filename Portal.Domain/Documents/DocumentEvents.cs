using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>Something about a document changed (metadata, a draft, a review, a publication): open
/// library pages and document pages reload it. <paramref name="WorkspaceId"/> is null for a portal-wide document.</summary>
[EventName("documents.changed")]
public sealed record DocumentChanged(Guid DocumentId, Guid? WorkspaceId) : IDomainEvent;

/// <summary>A member acknowledged a version ("read and understood"). Kept apart from
/// <see cref="DocumentChanged"/>: acknowledgements are many, and only the owner's list of readers and the
/// member's own "to read" care, not every open page of the document or every home page.</summary>
[EventName("documents.acknowledged")]
public sealed record DocumentAcknowledged(Guid DocumentId, Guid MemberId) : IDomainEvent;
