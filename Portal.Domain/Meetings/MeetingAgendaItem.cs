using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

public enum AgendaItemStatus
{
    Proposed = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>What an agenda item points to (something the members may already have read).</summary>
public enum AgendaLinkKind
{
    Thread = 1,
    Document = 2,
}

/// <summary>A link from an agenda item to a thread or a document. The service checks that the member who
/// sets it may see the target; readers who may not see it later get no link (the subject kind decides).</summary>
public sealed record AgendaLink(AgendaLinkKind Kind, Guid TargetId);

/// <summary>An item on one occurrence's agenda: put there by an editor (accepted at once) or proposed by a
/// member before the proposal deadline and then accepted or declined by an editor.</summary>
public sealed class MeetingAgendaItem : Entity
{
    public const int TitleMaxLength = 200;
    public const int MaxMinutes = 480;

    private MeetingAgendaItem() { }

    internal MeetingAgendaItem(Guid meetingId, Guid occurrenceId, string? title, Guid? ownerId, int? minutesAllotted, AgendaLink? link,
        int order, AgendaItemStatus status, Guid proposedById, DateTimeOffset now)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        ProposedById = proposedById;
        ProposedAt = now;
        Status = status;
        Order = order;
        Describe(title, ownerId, minutesAllotted, link);
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Who presents the item (a member), if anyone is named.</summary>
    public Guid? OwnerId { get; private set; }
    public int? MinutesAllotted { get; private set; }
    public int Order { get; private set; }
    public AgendaLinkKind? LinkKind { get; private set; }
    public Guid? LinkTargetId { get; private set; }
    public AgendaItemStatus Status { get; private set; }
    public Guid ProposedById { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public AgendaLink? Link => LinkKind is { } kind && LinkTargetId is { } id ? new AgendaLink(kind, id) : null;

    internal void Describe(string? title, Guid? ownerId, int? minutesAllotted, AgendaLink? link)
    {
        if (minutesAllotted is < 1 or > MaxMinutes)
            throw new DomainRuleException("meeting.agenda.minutes.invalid", "minutes");
        if (link is not null && !Enum.IsDefined(link.Kind))
            throw new DomainRuleException("meeting.agenda.link.invalid", "link");
        Title = Guard.RequiredText(title, TitleMaxLength, "meeting.agenda.title");
        OwnerId = ownerId;
        MinutesAllotted = minutesAllotted;
        LinkKind = link?.Kind;
        LinkTargetId = link?.TargetId;
    }

    internal void Decide(bool accept, int order, DateTimeOffset now)
    {
        if (Status != AgendaItemStatus.Proposed)
            throw new DomainRuleException("meeting.agenda.already-decided");
        Status = accept ? AgendaItemStatus.Accepted : AgendaItemStatus.Declined;
        DecidedAt = now;
        if (accept)
            Order = order;
    }

    internal void MoveTo(int order) => Order = order;
}

/// <summary>One occurrence's proposal deadline for agenda items, and whether the members were reminded of it.</summary>
public sealed class MeetingAgendaDeadline
{
    private MeetingAgendaDeadline() { }

    internal MeetingAgendaDeadline(Guid meetingId, Guid occurrenceId, DateTimeOffset deadline)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        Deadline = deadline;
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    /// <summary>The deadline the members were reminded of (a moved deadline reminds again).</summary>
    public DateTimeOffset? ReminderSentFor { get; private set; }

    internal void Move(DateTimeOffset deadline) => Deadline = deadline;

    internal void ReminderSent() => ReminderSentFor = Deadline;
}
