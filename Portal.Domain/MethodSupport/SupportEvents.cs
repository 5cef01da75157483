using Portal.Domain.Common;

namespace Portal.Domain.MethodSupport;

/// <summary>A request changed (status, assignees, replies, referrals, viewers): open pages of those who may
/// see it reload it. Carries no text, only the id.</summary>
[EventName("support.changed")]
public sealed record SupportRequestChanged(Guid RequestId) : IDomainEvent;
