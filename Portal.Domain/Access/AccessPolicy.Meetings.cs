using System.Linq.Expressions;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Meetings ----
    // A meeting is seen by its invitees and by the readers of any of its workspaces (the one readable rule).
    // Administrators get nothing extra: like everything inside a workspace, meetings are need-to-know, and
    // scheduling is a lead's work — an administrator who must schedule becomes a lead of the workspace first.
    // Per-item checks take the meeting's workspaces loaded with at least the actor's own membership.

    public static bool CanSeeMeeting(Actor actor, Meeting meeting, IEnumerable<Workspace> meetingWorkspaces) =>
        meeting.IsInvited(actor.MemberId) || MeetingWorkspacesOf(meeting, meetingWorkspaces).Any(w => CanReadWorkspace(actor, w));

    public static Expression<Func<Meeting, bool>> VisibleMeetings(Actor actor)
    {
        var memberId = actor.MemberId;
        return WithReadableRule<Meeting>(m =>
            m.Invitees.Any(i => i.MemberId == memberId) || m.Workspaces.Any(w => IsReadable(w.Workspace!, memberId)));
    }

    /// <summary>Schedule a meeting for a workspace: its leads. A meeting for several workspaces needs a
    /// lead of every one of them (it lands in each one's calendar).</summary>
    public static bool CanScheduleMeeting(Actor actor, Workspace workspace) => workspace.IsLead(actor.MemberId);

    /// <summary>Change or cancel: the organiser while still a lead of one of its workspaces, or a lead of
    /// its home workspace (someone must be able to take over when the organiser leaves).</summary>
    public static bool CanEditMeeting(Actor actor, Meeting meeting, IEnumerable<Workspace> meetingWorkspaces)
    {
        var workspaces = MeetingWorkspacesOf(meeting, meetingWorkspaces).ToList();
        return workspaces.Any(w => w.Id == meeting.HomeWorkspaceId && w.IsLead(actor.MemberId))
            || (meeting.OrganiserId == actor.MemberId && workspaces.Any(w => w.IsLead(actor.MemberId)));
    }

    /// <summary>Accept, maybe, decline: an invitee.</summary>
    public static bool CanReplyToMeeting(Actor actor, Meeting meeting) => meeting.IsInvited(actor.MemberId);

    /// <summary>Minutes, attendance, decisions and action items: the editors and the named secretary.</summary>
    public static bool CanWriteMinutes(Actor actor, Meeting meeting, IEnumerable<Workspace> meetingWorkspaces) =>
        CanEditMeeting(actor, meeting, meetingWorkspaces)
        || (meeting.SecretaryId == actor.MemberId && CanSeeMeeting(actor, meeting, meetingWorkspaces));

    /// <summary>Everyone's replies (by organisation): the editors; everyone else sees only their own.</summary>
    public static bool CanSeeReplies(Actor actor, Meeting meeting, IEnumerable<Workspace> meetingWorkspaces) =>
        CanEditMeeting(actor, meeting, meetingWorkspaces);

    private static IEnumerable<Workspace> MeetingWorkspacesOf(Meeting meeting, IEnumerable<Workspace> workspaces)
    {
        var ids = meeting.WorkspaceIds;
        return workspaces.Where(w => ids.Contains(w.Id));
    }
}
