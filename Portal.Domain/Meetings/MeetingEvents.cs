using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>Something about a meeting changed (time, place, invitees, a reply, a cancellation): open meeting
/// pages, workspace sections and home pages reload it. <paramref name="WorkspaceIds"/> are the meeting's
/// workspaces, home workspace first.</summary>
[EventName("meeting.changed")]
public sealed record MeetingChanged(Guid MeetingId, IReadOnlyList<Guid> WorkspaceIds) : IDomainEvent;
