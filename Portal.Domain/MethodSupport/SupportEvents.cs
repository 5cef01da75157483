using Portal.Domain.Common;

namespace Portal.Domain.MethodSupport;

/// <summary>A request changed (status, assignees, replies, referrals, viewers): open pages of those who may
/// see it reload it. Carries no text, only the id.</summary>
[EventName("support.changed")]
public sealed record SupportRequestChanged(Guid RequestId) : IDomainEvent;

/// <summary>The desk moved or its duty roster changed: who sees which request changed with it, so open
/// request pages and lists re-check. Carries only the desk's id.</summary>
[EventName("support.desk-changed")]
public sealed record SupportDeskChanged(Guid DeskId) : IDomainEvent;
