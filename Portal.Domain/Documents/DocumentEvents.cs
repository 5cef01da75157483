using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>Something about a document changed (metadata, a draft, a review, a publication): open
/// library pages and document pages reload it. <paramref name="WorkspaceId"/> is null for a portal-wide document.</summary>
[EventName("documents.changed")]
public sealed record DocumentChanged(Guid DocumentId, Guid? WorkspaceId) : IDomainEvent;
