using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>A meeting with what its access rules look at: its workspaces, invitees, occurrences and replies,
/// and its workspaces with the actor's own membership.</summary>
internal sealed record LoadedMeeting(Meeting Meeting, IReadOnlyList<Workspace> Workspaces);

internal static class MeetingLoading
{
    /// <summary>Loads a meeting the actor may see, or says it does not exist (never whether it exists but
    /// is hidden). Tracked unless <paramref name="tracked"/> is false.</summary>
    public static async Task<LoadedMeeting> LoadVisibleMeetingAsync(this PortalDbContext db, Actor actor, Guid meetingId,
        CancellationToken cancellationToken, bool tracked = true)
    {
        var query = db.Meetings
            .Include(m => m.Workspaces)
            .Include(m => m.Invitees)
            .Include(m => m.Occurrences).ThenInclude(o => o.Replies)
            .AsSplitQuery();
        var meeting = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
            throw new NotFoundException("meeting.notfound");
        var workspaces = await db.LoadMeetingWorkspacesAsync(actor, meeting.WorkspaceIds, cancellationToken);
        if (!AccessPolicy.CanSeeMeeting(actor, meeting, workspaces))
            throw new NotFoundException("meeting.notfound");
        return new LoadedMeeting(meeting, workspaces);
    }

    /// <summary>The meeting an occurrence belongs to, if the actor may see it.</summary>
    public static async Task<LoadedMeeting> LoadVisibleMeetingOfOccurrenceAsync(this PortalDbContext db, Actor actor, Guid occurrenceId,
        CancellationToken cancellationToken, bool tracked = true)
    {
        var meetingId = await db.MeetingOccurrences.AsNoTracking().Where(o => o.Id == occurrenceId).Select(o => (Guid?)o.MeetingId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("meeting.notfound");
        return await db.LoadVisibleMeetingAsync(actor, meetingId, cancellationToken, tracked);
    }

    /// <summary>Workspaces with the actor's membership (for the policy's item face).</summary>
    public static async Task<IReadOnlyList<Workspace>> LoadMeetingWorkspacesAsync(this PortalDbContext db, Actor actor,
        IReadOnlyCollection<Guid> workspaceIds, CancellationToken cancellationToken) =>
        await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .Where(w => workspaceIds.Contains(w.Id))
            .ToListAsync(cancellationToken);
}
