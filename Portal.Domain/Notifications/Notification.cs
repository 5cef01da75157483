using Portal.Domain.Common;
using Portal.Domain.Discussions;

namespace Portal.Domain.Notifications;

/// <summary>Tells one member that something about a subject (a thread, a workspace, later a document
/// or a meeting) concerns them. The kind is a stable string registered by the feature that raises it
/// ("discussion.mention", "membership.approved"); the part is what inside the subject it is about
/// (a post), if anything.</summary>
public sealed class Notification : Entity
{
    public const int KindMaxLength = 60;
    public const int SubjectKindMaxLength = 40;
    public const int TextMaxLength = 500;

    private Notification() { }

    public Guid MemberId { get; private set; }
    public string Kind { get; private set; } = "";
    public string SubjectKind { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public Guid? PartId { get; private set; }
    public Guid? ActorId { get; private set; }
    /// <summary>A short text shown with the notification, e.g. the reason a request was declined.</summary>
    public string? Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid memberId, string kind, string subjectKind, Guid subjectId, Guid? partId, Guid? actorId,
        string? text, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectKind);
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is { Length: > TextMaxLength })
            trimmed = trimmed[..(TextMaxLength - 1)] + "…";
        var notification = new Notification
        {
            MemberId = memberId,
            Kind = kind,
            SubjectKind = subjectKind,
            SubjectId = subjectId,
            PartId = partId,
            ActorId = actorId,
            Text = trimmed,
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
