using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

public sealed partial class MeetingService
{
    /// <summary>How many names the scheduling form's preview lists.</summary>
    public const int PreviewNames = 25;

    /// <summary>Working hours the "find a time" suggestions keep to (Stockholm time, Monday to Friday).</summary>
    public static readonly TimeOnly WorkdayStart = new(8, 0);
    public static readonly TimeOnly WorkdayEnd = new(17, 0);

    /// <summary>Slots are tried every half hour over this many working days from the proposed day.</summary>
    public const int SuggestionWorkingDays = 10;

    /// <summary>The invitees a selection resolves to, for the scheduling form: the count and the first
    /// names. Asked by whoever may schedule in those workspaces (it lists members). The form's own
    /// <paramref name="workspaceIds"/> (home first) are needed to resolve "the whole workspace". A selection
    /// that is too large is answered with <see cref="InviteePreview.TooMany"/>, not refused.</summary>
    public async Task<InviteePreview> PreviewInviteesAsync(Guid actorId, IReadOnlyList<Guid> workspaceIds, InviteeSelection selection,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspaces = await SchedulableWorkspacesAsync(db, actor, workspaceIds, cancellationToken);
        HashSet<Guid> ids;
        try
        {
            ids = await MeetingInvitees.ResolveAsync(db, workspaces, selection, actor.MemberId, cancellationToken);
        }
        catch (DomainRuleException e) when (e.Code == "meeting.invitees.too-many")
        {
            return new InviteePreview(selection.MemberIds.Count, [], true);
        }
        var people = await db.LoadPeopleAsync(ids, cancellationToken);
        var sv = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        var first = people.Values.OrderBy(p => p.DisplayName, sv).Take(PreviewNames).Select(Person).ToList();
        return new InviteePreview(ids.Count, first, ids.Count > Meeting.MaxInvitees);
    }

    /// <summary>"Find a time": which invitees already have portal meetings overlapping the proposed time
    /// (a meeting's title only when the asker may see it), and the next slots on working days 08–17 when most
    /// of them are free — the earliest slots where the most are free, not overlapping each other.</summary>
    public async Task<FindTimeResult> FindTimeAsync(Guid actorId, FindTimeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var duration = query.LocalEnd - query.LocalStart;
        if (duration <= TimeSpan.Zero)
            throw new DomainRuleException("meeting.end.before-start", "end");
        if (duration < Meeting.MinDuration)
            throw new DomainRuleException("meeting.duration.too-short", "end");
        if (duration > Meeting.MaxDuration)
            throw new DomainRuleException("meeting.duration.too-long", "end");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspaces = await SchedulableWorkspacesAsync(db, actor, query.WorkspaceIds, cancellationToken);
        var invitees = await MeetingInvitees.ResolveAsync(db, workspaces, query.Invitees, actor.MemberId, cancellationToken);
        if (invitees.Count > Meeting.MaxInvitees)
            throw new DomainRuleException("meeting.invitees.too-many", "invitees");

        var start = MeetingSchedule.ToUtc(query.LocalStart, Zone);
        var end = MeetingSchedule.ToUtc(query.LocalEnd, Zone);
        var now = clock.GetUtcNow();
        var firstDay = DateOnly.FromDateTime(query.LocalStart);
        var today = StockholmTime.DayOf(now);
        if (firstDay < today)
            firstDay = today;
        var windowStart = MeetingSchedule.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue), Zone);
        var windowEnd = MeetingSchedule.ToUtc(firstDay.AddDays(SuggestionWorkingDays * 2 + 4).ToDateTime(TimeOnly.MinValue), Zone);
        var rangeFrom = start < windowStart ? start : windowStart;
        var rangeTo = end > windowEnd ? end : windowEnd;

        // Who is busy when: occurrences (not cancelled, of meetings not cancelled) of the invitees' meetings,
        // minus the occurrences they declined.
        var inviteeList = invitees.ToList();
        var ignore = query.IgnoreMeetingId;
        var busy = await (
                from o in db.MeetingOccurrences.AsNoTracking()
                join m in db.Meetings.AsNoTracking() on o.MeetingId equals m.Id
                from i in m.Invitees
                where inviteeList.Contains(i.MemberId) && !o.IsCancelled && m.CancelledAt == null
                    && o.End > rangeFrom && o.Start < rangeTo && (ignore == null || m.Id != ignore)
                    && !o.Replies.Any(r => r.MemberId == i.MemberId && r.Answer == ReplyAnswer.Declined)
                select new { i.MemberId, MeetingId = m.Id, m.Title, o.Start, o.End })
            .ToListAsync(cancellationToken);

        var overlapping = busy.Where(b => b.End > start && b.Start < end).ToList();
        var visible = await db.Meetings.AsNoTracking().Where(AccessPolicy.VisibleMeetings(actor))
            .Where(m => overlapping.Select(b => b.MeetingId).Distinct().Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(overlapping.Select(b => b.MemberId), cancellationToken);
        var sv = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);
        var busyInvitees = overlapping.Where(b => people.ContainsKey(b.MemberId))
            .GroupBy(b => b.MemberId)
            .Select(g => g.OrderBy(b => b.Start).First())
            .Select(b => new BusyInvitee(Person(people[b.MemberId]), b.Start, b.End, visible.Contains(b.MeetingId) ? b.Title : null))
            .OrderBy(b => b.Member.Name, sv)
            .ToList();

        var byMember = busy.GroupBy(b => b.MemberId).ToDictionary(g => g.Key, g => g.Select(b => (b.Start, b.End)).ToList());
        var suggestions = Suggest(firstDay, duration, now, invitees.Count, byMember, Math.Clamp(query.Suggestions, 1, 20));
        return new FindTimeResult(invitees.Count, busyInvitees, suggestions);
    }

    private static List<SuggestedSlot> Suggest(DateOnly firstDay, TimeSpan duration, DateTimeOffset now, int invited,
        Dictionary<Guid, List<(DateTimeOffset Start, DateTimeOffset End)>> busy, int wanted)
    {
        var candidates = new List<(DateTime LocalStart, DateTimeOffset Start, DateTimeOffset End, int Free)>();
        var day = firstDay;
        for (var workingDays = 0; workingDays < SuggestionWorkingDays; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            workingDays++;
            for (var local = day.ToDateTime(WorkdayStart); local + duration <= day.ToDateTime(WorkdayEnd); local = local.AddMinutes(30))
            {
                var start = MeetingSchedule.ToUtc(local, Zone);
                var end = MeetingSchedule.ToUtc(local + duration, Zone);
                if (start <= now)
                    continue;
                var taken = busy.Values.Count(list => list.Any(b => b.End > start && b.Start < end));
                candidates.Add((local, start, end, invited - taken));
            }
        }
        var picked = new List<(DateTime LocalStart, DateTimeOffset Start, DateTimeOffset End, int Free)>();
        foreach (var tier in candidates.Select(c => c.Free).Distinct().OrderDescending())
        {
            foreach (var candidate in candidates.Where(c => c.Free == tier))
            {
                if (picked.Count >= wanted)
                    break;
                if (picked.Any(p => p.End > candidate.Start && p.Start < candidate.End))
                    continue;
                picked.Add(candidate);
            }
            if (picked.Count >= wanted)
                break;
        }
        return picked.OrderBy(p => p.Start).Select(p => new SuggestedSlot(p.LocalStart, p.LocalStart + duration, p.Free, invited)).ToList();
    }
}
