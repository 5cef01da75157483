using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

public sealed partial class MeetingService
{
    /// <summary>Longest span a list asks for at once (a month view with its edges is ~6 weeks).</summary>
    public static readonly TimeSpan MaxListSpan = TimeSpan.FromDays(400);

    /// <summary>The meeting page. Without <paramref name="occurrenceId"/> the occurrence shown is the next one
    /// not yet over (the last one when all are over).</summary>
    public async Task<MeetingView> GetAsync(Guid actorId, Guid meetingId, Guid? occurrenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (meeting, workspaces) = await db.LoadVisibleMeetingAsync(actor, meetingId, cancellationToken, tracked: false);
        var now = clock.GetUtcNow();
        var ordered = meeting.OccurrencesInOrder.ToList();
        var occurrence = occurrenceId is { } id
            ? ordered.SingleOrDefault(o => o.Id == id) ?? throw new NotFoundException("meeting.occurrence.notfound")
            : ordered.FirstOrDefault(o => o.End > now && !o.IsCancelled) ?? ordered.FirstOrDefault(o => o.End > now) ?? ordered[^1];

        var canSeeReplies = AccessPolicy.CanSeeReplies(actor, meeting, workspaces);
        var inviteeIds = meeting.Invitees.Select(i => i.MemberId).ToList();
        var peopleIds = new List<Guid> { meeting.OrganiserId };
        if (meeting.SecretaryId is { } secretaryId)
            peopleIds.Add(secretaryId);
        if (canSeeReplies)
            peopleIds.AddRange(inviteeIds);
        var people = await db.LoadPeopleAsync(peopleIds, cancellationToken);
        var names = await db.Workspaces.AsNoTracking().Where(w => meeting.WorkspaceIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);

        IReadOnlyList<OrganisationReplies> byOrganisation = [];
        ReplyCounts? counts = null;
        if (canSeeReplies)
        {
            var replies = occurrence.Replies.ToDictionary(r => r.MemberId);
            var views = inviteeIds.Where(people.ContainsKey).Select(memberId =>
            {
                replies.TryGetValue(memberId, out var reply);
                return new MeetingReplyView(Person(people[memberId]), reply?.Answer, reply?.Comment, reply?.RepliedAt);
            }).ToList();
            byOrganisation = views.GroupBy(v => (v.Member.OrganisationId, v.Member.OrganisationName))
                .OrderBy(g => g.Key.OrganisationName, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))
                .Select(g =>
                {
                    var list = g.OrderBy(v => v.Member.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).ToList();
                    return new OrganisationReplies(g.Key.OrganisationId, g.Key.OrganisationName, list,
                        list.Count(v => v.Answer == ReplyAnswer.Accepted), list.Count(v => v.Answer == ReplyAnswer.Maybe),
                        list.Count(v => v.Answer == ReplyAnswer.Declined), list.Count(v => v.Answer is null));
                }).ToList();
            counts = new ReplyCounts(views.Count(v => v.Answer == ReplyAnswer.Accepted), views.Count(v => v.Answer == ReplyAnswer.Maybe),
                views.Count(v => v.Answer == ReplyAnswer.Declined), views.Count(v => v.Answer is null));
        }
        var mine = occurrence.ReplyOf(actor.MemberId);
        var invited = meeting.IsInvited(actor.MemberId);
        return new MeetingView(
            meeting.Id, meeting.Uid, meeting.Sequence, meeting.Version, meeting.Kind, meeting.Title, meeting.Description,
            meeting.Address, meeting.OnlineLink,
            PersonOrUnknown(people, meeting.OrganiserId),
            meeting.SecretaryId is { } s ? PersonOrUnknown(people, s) : null,
            meeting.WorkspaceIds.Where(names.ContainsKey).Select(w => new MeetingWorkspaceView(w, names[w])).ToList(),
            meeting.Recurrence, meeting.SeriesStartLocal, meeting.DurationMinutes, meeting.Seats, meeting.CancelledAt,
            inviteeIds.Count,
            ordered.Select(View).ToList(),
            View(occurrence),
            mine?.Answer, mine?.Comment, invited,
            CanEdit: AccessPolicy.CanEditMeeting(actor, meeting, workspaces) && !meeting.IsCancelled,
            CanReply: AccessPolicy.CanReplyToMeeting(actor, meeting) && !meeting.IsCancelled && !occurrence.IsCancelled && occurrence.End > now,
            CanWriteMinutes: AccessPolicy.CanWriteMinutes(actor, meeting, workspaces),
            CanSeeReplies: canSeeReplies,
            byOrganisation, counts);
    }

    /// <summary>A workspace's meetings in a period (occurrences overlapping it), for its readers.</summary>
    public async Task<IReadOnlyList<OccurrenceSummary>> ListForWorkspaceAsync(Guid actorId, Guid workspaceId, DateTimeOffset fromUtc,
        DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        CheckSpan(fromUtc, toUtc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = (await db.LoadMeetingWorkspacesAsync(actor, [workspaceId], cancellationToken)).SingleOrDefault();
        if (workspace is null || !AccessPolicy.CanReadWorkspace(actor, workspace))
            throw new NotFoundException("workspace.notfound");
        var meetings = db.Meetings.Where(AccessPolicy.VisibleMeetings(actor)).Where(m => m.Workspaces.Any(w => w.WorkspaceId == workspaceId));
        return await SummariesAsync(db, actor, meetings, fromUtc, toUtc, int.MaxValue, cancellationToken);
    }

    /// <summary>Every occurrence in a period of every meeting the member is invited to, across workspaces
    /// ("My meetings", the personal feed).</summary>
    public async Task<IReadOnlyList<OccurrenceSummary>> ListMineAsync(Guid actorId, DateTimeOffset fromUtc, DateTimeOffset toUtc,
        CancellationToken cancellationToken = default)
    {
        CheckSpan(fromUtc, toUtc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var memberId = actor.MemberId;
        var meetings = db.Meetings.Where(m => m.Invitees.Any(i => i.MemberId == memberId));
        return await SummariesAsync(db, actor, meetings, fromUtc, toUtc, int.MaxValue, cancellationToken);
    }

    /// <summary>The member's next occurrences not yet over, for the home page (cancelled ones included,
    /// marked, so that nobody travels to a cancelled meeting).</summary>
    public async Task<IReadOnlyList<OccurrenceSummary>> UpcomingAsync(Guid actorId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var memberId = actor.MemberId;
        var now = clock.GetUtcNow();
        var meetings = db.Meetings.Where(m => m.Invitees.Any(i => i.MemberId == memberId));
        return await SummariesAsync(db, actor, meetings, now, now.AddYears(3), Math.Clamp(take, 1, 50), cancellationToken);
    }

    private static void CheckSpan(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        if (toUtc <= fromUtc || toUtc - fromUtc > MaxListSpan)
            throw new DomainRuleException("meeting.period.invalid", "period");
    }

    private static async Task<IReadOnlyList<OccurrenceSummary>> SummariesAsync(PortalDbContext db, Actor actor, IQueryable<Meeting> meetings,
        DateTimeOffset fromUtc, DateTimeOffset toUtc, int take, CancellationToken cancellationToken)
    {
        var memberId = actor.MemberId;
        var rows = await (
                from o in db.MeetingOccurrences.AsNoTracking()
                join m in meetings.AsNoTracking() on o.MeetingId equals m.Id
                join w in db.Workspaces.AsNoTracking() on m.HomeWorkspaceId equals w.Id
                where o.End > fromUtc && o.Start < toUtc
                orderby o.Start, m.Title
                select new
                {
                    m.Id, OccurrenceId = o.Id, m.Kind, m.Title, o.Start, o.End, m.Address, m.OnlineLink,
                    Cancelled = o.IsCancelled || m.CancelledAt != null,
                    Series = m.Recurrence != null,
                    m.HomeWorkspaceId, WorkspaceName = w.Name,
                    Invited = m.Invitees.Any(i => i.MemberId == memberId),
                    Answer = o.Replies.Where(r => r.MemberId == memberId).Select(r => (ReplyAnswer?)r.Answer).FirstOrDefault(),
                })
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OccurrenceSummary(r.Id, r.OccurrenceId, r.Kind, r.Title, r.Start, r.End, r.Address, r.OnlineLink != null,
            r.Cancelled, r.Series, r.HomeWorkspaceId, r.WorkspaceName, r.Invited, r.Answer)).ToList();
    }

    private static OccurrenceView View(MeetingOccurrence o) => new(o.Id, o.OriginalStart, o.Start, o.End, o.IsCancelled, o.IsMoved);

    private static MeetingPerson Person(Workspaces.PersonRef p) => new(p.MemberId, p.DisplayName, p.OrganisationId, p.OrganisationName);

    private static MeetingPerson PersonOrUnknown(Dictionary<Guid, Workspaces.PersonRef> people, Guid memberId) =>
        people.TryGetValue(memberId, out var p) ? Person(p) : new MeetingPerson(memberId, "", Guid.Empty, "");
}
