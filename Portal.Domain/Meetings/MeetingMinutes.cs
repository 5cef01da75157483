using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>The minutes of one occurrence: Markdown text (rendered through the sanitiser), written by the
/// meeting's editors or its named secretary after the meeting.</summary>
public sealed class MeetingMinutes
{
    public const int TextMaxLength = 50_000;

    private MeetingMinutes() { }

    internal MeetingMinutes(Guid meetingId, Guid occurrenceId)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? WrittenById { get; private set; }
    public DateTimeOffset? WrittenAt { get; private set; }

    internal void Write(string? text, Guid writerId, DateTimeOffset now)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > TextMaxLength)
            throw new DomainRuleException("meeting.minutes.text.too-long", "text");
        Text = trimmed;
        WrittenById = writerId;
        WrittenAt = now;
    }
}

/// <summary>Whether an invitee was at an occurrence (recorded with the minutes).</summary>
public sealed class MeetingAttendance
{
    private MeetingAttendance() { }

    internal MeetingAttendance(Guid meetingId, Guid occurrenceId, Guid memberId, bool present)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        MemberId = memberId;
        Present = present;
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public Guid MemberId { get; private set; }
    public bool Present { get; private set; }

    internal void Mark(bool present) => Present = present;
}

/// <summary>A decision recorded in the minutes of an occurrence.</summary>
public sealed class MeetingDecision : Entity
{
    public const int TextMaxLength = 2000;

    private MeetingDecision() { }

    internal MeetingDecision(Guid meetingId, Guid occurrenceId, string? text, int order, Guid recordedById, DateTimeOffset now)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        Text = Guard.RequiredText(text, TextMaxLength, "meeting.decision.text");
        Order = order;
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public string Text { get; private set; } = "";
    public int Order { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>Something a member agreed to do by a Swedish day, recorded in the minutes. Shown on the
/// assignee's home page until done; overdue ones are flagged to the assignee and the lead once per due day.</summary>
public sealed class MeetingActionItem : Entity
{
    public const int TextMaxLength = 500;

    private MeetingActionItem() { }

    internal MeetingActionItem(Guid meetingId, Guid occurrenceId, string? text, Guid assigneeId, DateOnly dueOn, Guid recordedById,
        DateTimeOffset now)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        RecordedById = recordedById;
        RecordedAt = now;
        Describe(text, assigneeId, dueOn);
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AssigneeId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public Guid? DoneById { get; private set; }
    /// <summary>The due day the assignee and lead were told was passed (a moved due day flags again).</summary>
    public DateOnly? OverdueNotifiedFor { get; private set; }

    public bool IsDone => DoneAt is not null;

    public bool IsOverdueOn(DateOnly today) => !IsDone && DueOn < today;

    internal void Describe(string? text, Guid assigneeId, DateOnly dueOn)
    {
        Text = Guard.RequiredText(text, TextMaxLength, "meeting.action.text");
        AssigneeId = assigneeId;
        DueOn = dueOn;
    }

    internal void MarkDone(bool done, Guid memberId, DateTimeOffset now)
    {
        if (done == IsDone)
            throw new DomainRuleException(done ? "meeting.action.already-done" : "meeting.action.not-done");
        DoneAt = done ? now : null;
        DoneById = done ? memberId : null;
    }

    internal void OverdueNotified() => OverdueNotifiedFor = DueOn;
}
