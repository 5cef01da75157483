using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Which of the minutes part's rows a use case loads with the meeting (only the one occurrence's).</summary>
[Flags]
internal enum MinutesParts
{
    Agenda = 1,
    Minutes = 2,
    Training = 4,
}

/// <summary>A meeting loaded for the minutes part, with the actor's standing in it asked of the policy once.</summary>
internal sealed record MinutesContext(Actor Actor, Meeting Meeting, MeetingOccurrence Occurrence, IReadOnlyList<Guid> WorkspaceIds,
    bool CanEdit, bool CanWrite, bool IsInvitee);

internal static class MeetingMinutesLoading
{
    /// <summary>Loads the actor, the meeting with one occurrence's rows of the asked parts, and its workspaces with
    /// the actor's own membership; a meeting (or occurrence) the actor may not see is "not found".</summary>
    public static async Task<MinutesContext> LoadForMinutesAsync(this PortalDbContext db, Guid actorId, Guid meetingId, Guid occurrenceId,
        MinutesParts parts, CancellationToken cancellationToken, bool tracked = false)
    {
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        IQueryable<Meeting> query = db.Meetings
            .Include(m => m.Workspaces)
            .Include(m => m.Invitees)
            .Include(m => m.Occurrences.Where(o => o.Id == occurrenceId));
        if (parts.HasFlag(MinutesParts.Agenda))
            query = query.Include(m => m.AgendaItems.Where(i => i.OccurrenceId == occurrenceId))
                .Include(m => m.AgendaDeadlines.Where(d => d.OccurrenceId == occurrenceId));
        if (parts.HasFlag(MinutesParts.Minutes))
            query = query.Include(m => m.Minutes.Where(x => x.OccurrenceId == occurrenceId))
                .Include(m => m.Attendance.Where(a => a.OccurrenceId == occurrenceId))
                .Include(m => m.Decisions.Where(d => d.OccurrenceId == occurrenceId))
                .Include(m => m.ActionItems.Where(a => a.OccurrenceId == occurrenceId));
        if (parts.HasFlag(MinutesParts.Training))
            query = query.Include(m => m.Registrations.Where(r => r.OccurrenceId == occurrenceId))
                .Include(m => m.OutsideParticipants.Where(p => p.OccurrenceId == occurrenceId));
        if (!tracked)
            query = query.AsNoTracking();
        var meeting = await query.AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new NotFoundException("meeting.notfound");
        var workspaces = await db.MeetingWorkspacesForAsync(actor, meeting, cancellationToken);
        if (!AccessPolicy.CanSeeMeeting(actor, meeting, workspaces))
            throw new NotFoundException("meeting.notfound");
        var occurrence = meeting.Occurrences.SingleOrDefault() ?? throw new NotFoundException("meeting.occurrence.notfound");
        return new MinutesContext(actor, meeting, occurrence, meeting.WorkspaceIds,
            AccessPolicy.CanEditMeeting(actor, meeting, workspaces),
            AccessPolicy.CanWriteMinutes(actor, meeting, workspaces),
            meeting.IsInvited(actor.MemberId));
    }

    /// <summary>Whether another member may see a meeting (an assignee of an action item).</summary>
    public static async Task<bool> CanSeeMeetingAsync(this PortalDbContext db, Actor actor, Meeting meeting, CancellationToken cancellationToken) =>
        AccessPolicy.CanSeeMeeting(actor, meeting, await db.MeetingWorkspacesForAsync(actor, meeting, cancellationToken));

    private static async Task<List<Workspace>> MeetingWorkspacesForAsync(this PortalDbContext db, Actor actor, Meeting meeting,
        CancellationToken cancellationToken)
    {
        var ids = meeting.WorkspaceIds.ToList();
        var memberId = actor.MemberId;
        return await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == memberId))
            .Where(w => ids.Contains(w.Id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Members by id with their organisation's name, for the panels (unknown ids are left out).</summary>
    public static async Task<Dictionary<Guid, MinutesPerson>> PeopleAsync(this PortalDbContext db, IEnumerable<Guid> memberIds,
        CancellationToken cancellationToken)
    {
        var ids = memberIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var rows = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.DisplayName, o.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new MinutesPerson(r.Id, r.DisplayName, r.Name));
    }
}
