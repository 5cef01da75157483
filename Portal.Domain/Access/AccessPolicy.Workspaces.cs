using System.Linq.Expressions;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Knowing that a workspace exists (name, purpose, leads) ----

    public static bool CanSeeWorkspace(Actor actor, Workspace workspace) =>
        actor.IsAdministrator
        || workspace.Visibility != WorkspaceVisibility.Hidden
        || workspace.Memberships.Any(m => m.MemberId == actor.MemberId
            && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Invited));

    public static Expression<Func<Workspace, bool>> VisibleWorkspaces(Actor actor)
    {
        var memberId = actor.MemberId;
        if (actor.IsAdministrator)
            return w => true;
        return w => w.Visibility != WorkspaceVisibility.Hidden
            || w.Memberships.Any(m => m.MemberId == memberId
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Invited));
    }

    /// <summary>The roster of a workspace: its readers, plus administrators who manage it.</summary>
    public static bool CanSeeRoster(Actor actor, Workspace workspace) =>
        actor.IsAdministrator || CanReadWorkspace(actor, workspace);

    // ---- Acting in a workspace ----

    /// <summary>Leads and members post; observers only read; non-members of an open workspace
    /// join first.</summary>
    public static bool CanContribute(Actor actor, Workspace workspace) =>
        workspace.Memberships.Any(m => m.MemberId == actor.MemberId
            && m.Status == MembershipStatus.Active
            && (m.Role == MembershipRole.Lead || m.Role == MembershipRole.Member));

    public static bool CanManageMembers(Actor actor, Workspace workspace) =>
        actor.IsAdministrator || workspace.IsLead(actor.MemberId);
}
