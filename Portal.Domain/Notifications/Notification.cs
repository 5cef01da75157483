using Portal.Domain.Common;
using Portal.Domain.Discussions;

namespace Portal.Domain.Notifications;

public enum NotificationKind
{
    Mention = 1,
    Reply,
    FollowedThreadPost,
}

/// <summary>Tells one member that something in a thread concerns them. At most one per member and
/// post: a mention outranks a reply, a reply outranks a post in a followed thread.</summary>
public sealed class Notification : Entity
{
    private Notification() { }

    public Guid MemberId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid PostId { get; private set; }
    public Guid ActorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid memberId, NotificationKind kind, Guid threadId, Guid postId, Guid actorId, DateTimeOffset now)
    {
        var notification = new Notification
        {
            MemberId = memberId,
            Kind = kind,
            ThreadId = threadId,
            PostId = postId,
            ActorId = actorId,
            CreatedAt = now,
        };
        notification.Raise(new NotificationCreated(memberId, notification.Id));
        return notification;
    }

    public void MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null)
            return;
        ReadAt = now;
        Raise(new NotificationRead(MemberId, Id));
    }
}
