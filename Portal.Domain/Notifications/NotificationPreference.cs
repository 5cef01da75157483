using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>How a member wants e-mail about one kind of notification.</summary>
public enum EmailFrequency
{
    Never = 0,
    Immediately = 1,
    DailyDigest = 2,
    WeeklyDigest = 3,
}

/// <summary>A member's choice for one kind of notification, overriding the kind's defaults. Only
/// kinds that exist may be chosen; the use case checks that against the registered kinds.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(Guid memberId, string kind, bool inPortal, EmailFrequency email, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        MemberId = memberId;
        Kind = kind;
        Change(inPortal, email, now);
    }

    public Guid MemberId { get; private set; }
    public string Kind { get; private set; } = "";
    public bool InPortal { get; private set; }
    public EmailFrequency Email { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public void Change(bool inPortal, EmailFrequency email, DateTimeOffset now)
    {
        if (!Enum.IsDefined(email))
            throw new DomainRuleException("notification.preference.email-invalid", "email");
        InPortal = inPortal;
        Email = email;
        ChangedAt = now;
    }
}

/// <summary>A member silenced one subject (a workspace or a thread): nothing about it, or about
/// subjects inside a muted workspace, reaches them, except kinds that cannot be muted.</summary>
public sealed class NotificationMute
{
    private NotificationMute() { }

    public NotificationMute(Guid memberId, string subjectKind, Guid subjectId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectKind);
        MemberId = memberId;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        MutedAt = now;
    }

    public Guid MemberId { get; private set; }
    public string SubjectKind { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public DateTimeOffset MutedAt { get; private set; }
}

/// <summary>One digest e-mail sent (or on its way) to a member for one period, e.g. "daily:2026-11-27".
/// Its key makes a second run of the digest job in the same period a no-op.</summary>
public sealed class NotificationDigest
{
    public const int PeriodMaxLength = 40;

    private NotificationDigest() { }

    public NotificationDigest(Guid memberId, string period, EmailFrequency frequency, DateTimeOffset since, DateTimeOffset until)
    {
        MemberId = memberId;
        Period = period;
        Frequency = frequency;
        Since = since;
        Until = until;
    }

    public Guid MemberId { get; private set; }
    public string Period { get; private set; } = "";
    public EmailFrequency Frequency { get; private set; }
    public DateTimeOffset Since { get; private set; }
    public DateTimeOffset Until { get; private set; }
}

/// <summary>An outbox delivery of a notification or digest mail that was handed to the transport;
/// a repeated delivery of the same message finds it and sends nothing.</summary>
public sealed class SentNotificationMail
{
    private SentNotificationMail() { }

    public SentNotificationMail(Guid deliveryId, Guid memberId, DateTimeOffset sentAt)
    {
        DeliveryId = deliveryId;
        MemberId = memberId;
        SentAt = sentAt;
    }

    public Guid DeliveryId { get; private set; }
    public Guid MemberId { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
