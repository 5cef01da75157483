using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>A meeting as a subject of notifications, search hits and links: visible by the meetings part of
/// the access policy (both faces).</summary>
public sealed class MeetingSubjectKind : ISubjectKind
{
    public const string Name = "meeting";

    public string Kind => Name;

    public static SubjectRef Of(Guid meetingId) => new(Name, meetingId);

    public static string LinkTo(Guid meetingId) => $"/meetings/{meetingId}";

    public static string LinkTo(Guid meetingId, Guid occurrenceId) => $"/meetings/{meetingId}?occurrence={occurrenceId}";

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.Meetings.Where(AccessPolicy.VisibleMeetings(actor)).Select(m => m.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Meetings.AsNoTracking()
            .Where(AccessPolicy.VisibleMeetings(actor))
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, Workspaces = m.Workspaces.OrderBy(w => w.Position).Select(w => w.WorkspaceId).ToList() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => Info(r.Id, r.Title, r.Workspaces));
    }

    /// <summary>Two queries for any number of members: the meeting with those members' invitations, and its
    /// workspaces with those members' memberships; the policy's item face decides for each.</summary>
    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeForMembersAsync(PortalDbContext db, Guid id,
        IReadOnlyCollection<Actor> members, CancellationToken cancellationToken)
    {
        var memberIds = members.Select(m => m.MemberId).ToList();
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Workspaces)
            .Include(m => m.Invitees.Where(i => memberIds.Contains(i.MemberId)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
            return new Dictionary<Guid, SubjectInfo>();
        var workspaceIds = meeting.WorkspaceIds;
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => memberIds.Contains(m.MemberId)))
            .Where(w => workspaceIds.Contains(w.Id))
            .ToListAsync(cancellationToken);
        var info = Info(meeting.Id, meeting.Title, workspaceIds);
        return members.Where(m => AccessPolicy.CanSeeMeeting(m, meeting, workspaces)).ToDictionary(m => m.MemberId, _ => info);
    }

    private static SubjectInfo Info(Guid id, string title, IReadOnlyList<Guid> workspaceIds) => new(Of(id), title, LinkTo(id), workspaceIds);
}
