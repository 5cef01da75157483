using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>What is recorded of an occurrence: the minutes text, who was there, the decisions and the action
/// items. These change nothing calendars see, so they touch the root (concurrency) and tell open pages, but
/// do not raise the calendar <see cref="Sequence"/>.</summary>
public sealed partial class Meeting
{
    public const int MaxDecisionsPerOccurrence = 100;
    public const int MaxActionItemsPerOccurrence = 100;

    private readonly List<MeetingMinutes> _minutes = [];
    private readonly List<MeetingAttendance> _attendance = [];
    private readonly List<MeetingDecision> _decisions = [];
    private readonly List<MeetingActionItem> _actionItems = [];

    public IReadOnlyCollection<MeetingMinutes> Minutes => _minutes.AsReadOnly();
    public IReadOnlyCollection<MeetingAttendance> Attendance => _attendance.AsReadOnly();
    public IReadOnlyCollection<MeetingDecision> Decisions => _decisions.AsReadOnly();
    public IReadOnlyCollection<MeetingActionItem> ActionItems => _actionItems.AsReadOnly();

    public MeetingMinutes? MinutesOf(Guid occurrenceId) => _minutes.SingleOrDefault(m => m.OccurrenceId == occurrenceId);

    public void WriteMinutes(Guid occurrenceId, string? text, Guid writerId, DateTimeOffset now)
    {
        MinutesOccurrence(occurrenceId);
        var minutes = MinutesOf(occurrenceId);
        if (minutes is null)
        {
            minutes = new MeetingMinutes(Id, occurrenceId);
            _minutes.Add(minutes);
        }
        minutes.Write(text, writerId, now);
        MinutesChanged();
    }

    /// <summary>Present or absent, per invitee (others were not asked to come, so they are not recorded).</summary>
    public void RecordAttendance(Guid occurrenceId, Guid memberId, bool present)
    {
        MinutesOccurrence(occurrenceId);
        if (!IsInvitee(memberId))
            throw new DomainRuleException("meeting.attendance.not-invited", "attendance");
        var row = _attendance.SingleOrDefault(a => a.OccurrenceId == occurrenceId && a.MemberId == memberId);
        if (row is null)
            _attendance.Add(new MeetingAttendance(Id, occurrenceId, memberId, present));
        else
            row.Mark(present);
        MinutesChanged();
    }

    public MeetingDecision AddDecision(Guid occurrenceId, string? text, Guid recordedById, DateTimeOffset now)
    {
        MinutesOccurrence(occurrenceId);
        var existing = _decisions.Where(d => d.OccurrenceId == occurrenceId).ToList();
        if (existing.Count >= MaxDecisionsPerOccurrence)
            throw new DomainRuleException("meeting.decision.too-many");
        var decision = new MeetingDecision(Id, occurrenceId, text, existing.Select(d => d.Order).DefaultIfEmpty(0).Max() + 1, recordedById, now);
        _decisions.Add(decision);
        MinutesChanged();
        return decision;
    }

    public void RemoveDecision(Guid decisionId)
    {
        _decisions.Remove(_decisions.SingleOrDefault(d => d.Id == decisionId) ?? throw new NotFoundException("meeting.decision.notfound"));
        MinutesChanged();
    }

    /// <summary>An action item for someone who may see the meeting (the service checks that), due on a Swedish
    /// day from today up to two years ahead.</summary>
    public MeetingActionItem AddActionItem(Guid occurrenceId, string? text, Guid assigneeId, DateOnly dueOn, Guid recordedById,
        DateOnly today, DateTimeOffset now)
    {
        MinutesOccurrence(occurrenceId);
        if (_actionItems.Count(a => a.OccurrenceId == occurrenceId) >= MaxActionItemsPerOccurrence)
            throw new DomainRuleException("meeting.action.too-many");
        CheckDue(dueOn, today);
        var item = new MeetingActionItem(Id, occurrenceId, text, assigneeId, dueOn, recordedById, now);
        _actionItems.Add(item);
        MinutesChanged();
        return item;
    }

    public void ChangeActionItem(Guid itemId, string? text, Guid assigneeId, DateOnly dueOn, DateOnly today)
    {
        var item = ActionItem(itemId);
        if (dueOn != item.DueOn)
            CheckDue(dueOn, today);
        item.Describe(text, assigneeId, dueOn);
        MinutesChanged();
    }

    public void RemoveActionItem(Guid itemId)
    {
        _actionItems.Remove(ActionItem(itemId));
        MinutesChanged();
    }

    public MeetingActionItem MarkActionItemDone(Guid itemId, bool done, Guid memberId, DateTimeOffset now)
    {
        var item = ActionItem(itemId);
        item.MarkDone(done, memberId, now);
        MinutesChanged();
        return item;
    }

    /// <summary>Touches the root so that two overdue runs meeting on the same item cannot both notify.</summary>
    public void ActionItemOverdueNotified(Guid itemId)
    {
        ActionItem(itemId).OverdueNotified();
        Touch();
    }

    public MeetingActionItem ActionItem(Guid itemId) =>
        _actionItems.SingleOrDefault(a => a.Id == itemId) ?? throw new NotFoundException("meeting.action.notfound");

    private static void CheckDue(DateOnly dueOn, DateOnly today)
    {
        if (dueOn < today)
            throw new DomainRuleException("meeting.action.due.past", "dueOn");
        if (dueOn > today.AddYears(2))
            throw new DomainRuleException("meeting.action.due.too-far", "dueOn");
    }
}
