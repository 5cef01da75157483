using Portal.Domain.Common;

namespace Portal.Domain.Discussions;

/// <summary>What changed in a thread. Live views and the hub react to it by fetching what changed
/// since the last sequence they saw, so a lost event is caught up by the next one.</summary>
public enum ThreadActivityKind
{
    ThreadStarted,
    PostAdded,
    PostEdited,
    PostDeleted,
    PostRemoved,
    ReactionChanged,
    ThreadPinned,
    ThreadLocked,
}

/// <summary>Something happened in a thread; <paramref name="Sequence"/> is the thread's sequence
/// number after the change (pin and lock carry the thread's current sequence).</summary>
[EventName("discussion.thread-activity")]
public sealed record ThreadActivity(Guid ThreadId, long Sequence, ThreadActivityKind Kind, Guid? PostId, Guid ActorId,
    IReadOnlyList<Guid> WorkspaceIds) : IDomainEvent;

/// <summary>A notification was written for a member (the bell counts it).</summary>
[EventName("notification.created")]
public sealed record NotificationCreated(Guid MemberId, Guid NotificationId) : IDomainEvent;

/// <summary>A member's notification was read (in any tab, on any node): their bell counts again.</summary>
[EventName("notification.read")]
public sealed record NotificationRead(Guid MemberId, Guid NotificationId) : IDomainEvent;

/// <summary>A short update was posted to a workspace's feed.</summary>
[EventName("update.posted")]
public sealed record UpdatePosted(Guid WorkspaceId, Guid UpdateId) : IDomainEvent;
