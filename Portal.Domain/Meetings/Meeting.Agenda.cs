using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>The agenda of each occurrence. Editors put items on it directly; members propose items until
/// the occurrence's proposal deadline (or its start when no deadline is set), and an editor accepts or
/// declines each proposal. Items are children of the meeting so that two editors ordering the same agenda
/// cannot both win (the root's version).</summary>
public sealed partial class Meeting
{
    public const int MaxAgendaItemsPerOccurrence = 50;

    private readonly List<MeetingAgendaItem> _agendaItems = [];
    private readonly List<MeetingAgendaDeadline> _agendaDeadlines = [];

    public IReadOnlyCollection<MeetingAgendaItem> AgendaItems => _agendaItems.AsReadOnly();
    public IReadOnlyCollection<MeetingAgendaDeadline> AgendaDeadlines => _agendaDeadlines.AsReadOnly();

    /// <summary>The accepted items of an occurrence in their order.</summary>
    public IReadOnlyList<MeetingAgendaItem> AgendaOf(Guid occurrenceId) =>
        _agendaItems.Where(i => i.OccurrenceId == occurrenceId && i.Status == AgendaItemStatus.Accepted).OrderBy(i => i.Order).ToList();

    /// <summary>Until when members may propose items: the deadline set for the occurrence, else its start.</summary>
    public DateTimeOffset ProposalDeadlineOf(Guid occurrenceId) =>
        _agendaDeadlines.SingleOrDefault(d => d.OccurrenceId == occurrenceId)?.Deadline ?? MinutesOccurrence(occurrenceId).Start;

    public MeetingAgendaItem AddAgendaItem(Guid occurrenceId, string? title, Guid? ownerId, int? minutesAllotted, AgendaLink? link,
        Guid editorId, DateTimeOffset now)
    {
        OpenOccurrence(occurrenceId);
        RequireAgendaRoom(occurrenceId);
        var item = new MeetingAgendaItem(Id, occurrenceId, title, ownerId, minutesAllotted, link, NextAgendaOrder(occurrenceId),
            AgendaItemStatus.Accepted, editorId, now);
        _agendaItems.Add(item);
        MinutesChanged();
        return item;
    }

    /// <summary>A member's proposal, refused after the deadline (<c>meeting.proposal-deadline-passed</c>).</summary>
    public MeetingAgendaItem ProposeAgendaItem(Guid occurrenceId, string? title, int? minutesAllotted, AgendaLink? link,
        Guid proposerId, DateTimeOffset now)
    {
        OpenOccurrence(occurrenceId);
        if (now >= ProposalDeadlineOf(occurrenceId))
            throw new DomainRuleException("meeting.proposal-deadline-passed");
        RequireAgendaRoom(occurrenceId);
        var item = new MeetingAgendaItem(Id, occurrenceId, title, proposerId, minutesAllotted, link, 0, AgendaItemStatus.Proposed,
            proposerId, now);
        _agendaItems.Add(item);
        MinutesChanged();
        return item;
    }

    /// <summary>An editor accepts a proposal (it goes last on the agenda) or declines it.</summary>
    public MeetingAgendaItem DecideAgendaItem(Guid itemId, bool accept, DateTimeOffset now)
    {
        var item = AgendaItem(itemId);
        item.Decide(accept, NextAgendaOrder(item.OccurrenceId), now);
        MinutesChanged();
        return item;
    }

    public void EditAgendaItem(Guid itemId, string? title, Guid? ownerId, int? minutesAllotted, AgendaLink? link)
    {
        AgendaItem(itemId).Describe(title, ownerId, minutesAllotted, link);
        MinutesChanged();
    }

    public void RemoveAgendaItem(Guid itemId)
    {
        var item = AgendaItem(itemId);
        _agendaItems.Remove(item);
        Renumber(item.OccurrenceId);
        MinutesChanged();
    }

    /// <summary>Moves an accepted item one step up (-1) or down (+1) on its occurrence's agenda.</summary>
    public void MoveAgendaItem(Guid itemId, int step)
    {
        var item = AgendaItem(itemId);
        if (item.Status != AgendaItemStatus.Accepted || step is not (-1 or 1))
            throw new DomainRuleException("meeting.agenda.move.invalid");
        var agenda = AgendaOf(item.OccurrenceId).ToList();
        var index = agenda.IndexOf(item);
        var target = index + step;
        if (target < 0 || target >= agenda.Count)
            throw new DomainRuleException("meeting.agenda.move.invalid");
        agenda.RemoveAt(index);
        agenda.Insert(target, item);
        for (var i = 0; i < agenda.Count; i++)
            agenda[i].MoveTo(i + 1);
        MinutesChanged();
    }

    /// <summary>Sets (or with null clears) the proposal deadline; it must fall before the occurrence starts.</summary>
    public void SetProposalDeadline(Guid occurrenceId, DateTimeOffset? deadline, DateTimeOffset now)
    {
        var occurrence = OpenOccurrence(occurrenceId);
        var existing = _agendaDeadlines.SingleOrDefault(d => d.OccurrenceId == occurrenceId);
        if (deadline is null)
        {
            if (existing is not null)
                _agendaDeadlines.Remove(existing);
        }
        else
        {
            if (deadline >= occurrence.Start)
                throw new DomainRuleException("meeting.agenda.deadline.after-start", "deadline");
            if (deadline <= now)
                throw new DomainRuleException("meeting.agenda.deadline.past", "deadline");
            if (existing is null)
                _agendaDeadlines.Add(new MeetingAgendaDeadline(Id, occurrenceId, deadline.Value));
            else
                existing.Move(deadline.Value);
        }
        MinutesChanged();
    }

    /// <summary>Touches the root so that two reminder runs meeting on the same deadline cannot both notify.</summary>
    public void ProposalDeadlineReminderSent(Guid occurrenceId)
    {
        var deadline = _agendaDeadlines.SingleOrDefault(d => d.OccurrenceId == occurrenceId)
            ?? throw new NotFoundException("meeting.occurrence.notfound");
        deadline.ReminderSent();
        Touch();
    }

    private MeetingAgendaItem AgendaItem(Guid itemId) =>
        _agendaItems.SingleOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("meeting.agenda.notfound");

    private void RequireAgendaRoom(Guid occurrenceId)
    {
        if (_agendaItems.Count(i => i.OccurrenceId == occurrenceId && i.Status != AgendaItemStatus.Declined) >= MaxAgendaItemsPerOccurrence)
            throw new DomainRuleException("meeting.agenda.too-many");
    }

    private int NextAgendaOrder(Guid occurrenceId) =>
        _agendaItems.Where(i => i.OccurrenceId == occurrenceId && i.Status == AgendaItemStatus.Accepted)
            .Select(i => i.Order).DefaultIfEmpty(0).Max() + 1;

    private void Renumber(Guid occurrenceId)
    {
        var agenda = AgendaOf(occurrenceId);
        for (var i = 0; i < agenda.Count; i++)
            agenda[i].MoveTo(i + 1);
    }
}
