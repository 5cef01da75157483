using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Minutes of an occurrence: the text, attendance, decisions and action items, written by the meeting's
/// editors and its named secretary; action items on the assignee's home page. Every call loads the actor and
/// asks the policy; a meeting the actor may not see is "not found".</summary>
public sealed class MeetingMinutesService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, Notifier notifier,
    WriteLimiter limiter, MeetingMinutesIndexer indexer, Documents.DocumentRenderer markdown)
{
    public async Task<MinutesView> GetAsync(Guid actorId, Guid meetingId, Guid occurrenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Minutes, cancellationToken);
        var meeting = context.Meeting;
        var minutes = meeting.MinutesOf(occurrenceId);
        var today = StockholmTime.Today(clock);
        var actions = meeting.ActionItems.Where(a => a.OccurrenceId == occurrenceId).OrderBy(a => a.DueOn).ThenBy(a => a.RecordedAt).ToList();
        var invitees = meeting.Invitees.Select(i => i.MemberId).ToList();
        var people = await db.PeopleAsync(invitees.Concat(actions.Select(a => a.AssigneeId)).Append(minutes?.WrittenById ?? Guid.Empty),
            cancellationToken);
        var attendance = context.CanWrite || context.CanEdit
            ? invitees.Where(people.ContainsKey).Select(id => new AttendanceRow(people[id],
                    meeting.Attendance.SingleOrDefault(a => a.OccurrenceId == occurrenceId && a.MemberId == id)?.Present))
                .OrderBy(r => r.Person.OrganisationName).ThenBy(r => r.Person.Name).ToList()
            : [];
        return new MinutesView(meeting.Id, occurrenceId, meeting.Version, context.CanWrite,
            RenderHtml(minutes?.Text), context.CanWrite ? minutes?.Text ?? "" : null,
            minutes?.WrittenById is { } writer ? people.GetValueOrDefault(writer) : null, minutes?.WrittenAt,
            attendance,
            meeting.Decisions.Where(d => d.OccurrenceId == occurrenceId).OrderBy(d => d.Order).Select(d => new DecisionView(d.Id, d.Order, d.Text)).ToList(),
            actions.Select(a => new ActionItemView(a.Id, a.Text, people.GetValueOrDefault(a.AssigneeId), a.DueOn, a.IsDone, a.IsOverdueOn(today),
                context.CanWrite || a.AssigneeId == context.Actor.MemberId)).ToList(),
            context.CanWrite ? invitees.Where(people.ContainsKey).Select(id => people[id]).OrderBy(p => p.Name).ToList() : []);
    }

    /// <summary>Saves the minutes text from the snapshot the writer loaded; someone else's save in between is
    /// refused (<c>meeting.changed-concurrently</c>) so neither text is lost without the writer knowing.</summary>
    public Task<long> WriteAsync(Guid actorId, Guid meetingId, Guid occurrenceId, long expectedVersion, string? text,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, expectedVersion, "text", async (db, context, now) =>
        {
            context.Meeting.WriteMinutes(occurrenceId, text, context.Actor.MemberId, now);
            await indexer.IndexMinutesAsync(db, context.Meeting, context.Occurrence, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<long> RecordAttendanceAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid memberId, bool present,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, null, "attendance", (_, context, _) =>
        {
            context.Meeting.RecordAttendance(occurrenceId, memberId, present);
            return Task.FromResult<Func<Task>?>(null);
        }, cancellationToken);

    public Task<long> AddDecisionAsync(Guid actorId, Guid meetingId, Guid occurrenceId, string? text,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, null, "decision", async (db, context, now) =>
        {
            context.Meeting.AddDecision(occurrenceId, text, context.Actor.MemberId, now);
            await indexer.IndexMinutesAsync(db, context.Meeting, context.Occurrence, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<long> RemoveDecisionAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid decisionId,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, null, null, async (db, context, _) =>
        {
            context.Meeting.RemoveDecision(decisionId);
            await indexer.IndexMinutesAsync(db, context.Meeting, context.Occurrence, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>An action item for someone who may see the meeting; they are told at once (<c>meeting-action-assigned</c>).</summary>
    public async Task<Guid> AddActionItemAsync(Guid actorId, Guid meetingId, Guid occurrenceId, string? text, Guid assigneeId,
        DateOnly dueOn, CancellationToken cancellationToken = default)
    {
        Guid id = default;
        await ChangeAsync(actorId, meetingId, occurrenceId, null, "actionText", async (db, context, now) =>
        {
            await RequireAssignableAsync(db, context.Meeting, assigneeId, cancellationToken);
            var item = context.Meeting.AddActionItem(occurrenceId, text, assigneeId, dueOn, context.Actor.MemberId, StockholmTime.DayOf(now), now);
            id = item.Id;
            return () => notifier.NotifyAsync(db, MeetingMinutesNotificationKinds.ActionAssigned, MeetingSubjectKind.Of(meetingId), item.Id,
                context.Actor.MemberId, [assigneeId], now, Excerpt(item.Text), cancellationToken);
        }, cancellationToken);
        return id;
    }

    public Task<long> RemoveActionItemAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid itemId,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, null, null, (_, context, _) =>
        {
            context.Meeting.RemoveActionItem(itemId);
            return Task.FromResult<Func<Task>?>(null);
        }, cancellationToken);

    /// <summary>The assignee (or a minutes writer) marks an action item done, or open again.</summary>
    public async Task MarkDoneAsync(Guid actorId, Guid meetingId, Guid itemId, bool done, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var occurrenceId = await db.Set<MeetingActionItem>().Where(a => a.Id == itemId && a.MeetingId == meetingId)
            .Select(a => (Guid?)a.OccurrenceId).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("meeting.action.notfound");
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Minutes, cancellationToken, tracked: true);
        var item = context.Meeting.ActionItem(itemId);
        if (!context.CanWrite && item.AssigneeId != context.Actor.MemberId)
            throw new AccessDeniedException("meeting.action.denied");
        var now = clock.GetUtcNow();
        context.Meeting.MarkActionItemDone(itemId, done, context.Actor.MemberId, now);
        await limiter.SaveAsync(db, context.Actor, now, MeetingMinutesWrites.Minutes, null, null, cancellationToken);
    }

    /// <summary>The member's open action items across every meeting they may still see, oldest due first.</summary>
    public async Task<IReadOnlyList<MyActionItem>> MineAsync(Guid actorId, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var today = StockholmTime.Today(clock);
        var rows = await db.Set<MeetingActionItem>().AsNoTracking()
            .Where(a => a.AssigneeId == actor.MemberId && a.DoneAt == null)
            .Where(a => db.Meetings.Where(AccessPolicy.VisibleMeetings(actor)).Any(m => m.Id == a.MeetingId))
            .Join(db.Set<MeetingOccurrence>(), a => a.OccurrenceId, o => o.Id, (a, o) => new { a, o.Start })
            .Join(db.Meetings, x => x.a.MeetingId, m => m.Id, (x, m) => new { x.a, x.Start, m.Title })
            .OrderBy(x => x.a.DueOn).ThenBy(x => x.a.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new MyActionItem(x.a.Id, x.a.MeetingId, x.a.OccurrenceId, x.Title, x.Start, x.a.Text, x.a.DueOn,
            x.a.IsOverdueOn(today))).ToList();
    }

    private string RenderHtml(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : markdown.Render(text).Html;

    /// <summary>Load, ask the policy (writers only), change, save with the counted write; returns the new version.</summary>
    private async Task<long> ChangeAsync(Guid actorId, Guid meetingId, Guid occurrenceId, long? expectedVersion, string? field,
        Func<PortalDbContext, MinutesContext, DateTimeOffset, Task<Func<Task>?>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Minutes, cancellationToken, tracked: true);
        if (!context.CanWrite)
            throw new AccessDeniedException("meeting.minutes.denied");
        if (expectedVersion is { } expected && context.Meeting.Version != expected)
            throw new DomainRuleException(MeetingMinutesWrites.ChangedConcurrently);
        var now = clock.GetUtcNow();
        var notify = await change(db, context, now);
        await limiter.SaveAsync(db, context.Actor, now, MeetingMinutesWrites.Minutes, field, notify, cancellationToken);
        return context.Meeting.Version;
    }

    /// <summary>An action item goes to someone who may see the meeting: an invitee or a reader of one of its workspaces.</summary>
    private static async Task RequireAssignableAsync(PortalDbContext db, Meeting meeting, Guid assigneeId, CancellationToken cancellationToken)
    {
        var loaded = await db.LoadActorsAsync([assigneeId], cancellationToken);
        if (loaded[assigneeId].Actor is not { } assignee || !await db.CanSeeMeetingAsync(assignee, meeting, cancellationToken))
            throw new DomainRuleException("meeting.action.assignee.invalid", "assignee");
    }

    internal static string? Excerpt(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length <= 200 ? text.Trim() : text.Trim()[..199] + "…";
}
