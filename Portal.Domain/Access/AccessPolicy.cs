using System.Linq.Expressions;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

/// <summary>The one place that answers "may this member see or do this to that?". Each question
/// about lists has two faces: a per-item check on a loaded aggregate and an expression that filters
/// a query. Tests prove the two faces agree on the same data.</summary>
public static class AccessPolicy
{
    // ---- Workspaces: knowing that it exists (name, purpose, leads) ----

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

    // ---- Workspaces: reading what is inside (members, threads, documents) ----
    // Need-to-know: administrators manage workspaces but do not read closed ones' contents.

    public static bool CanReadWorkspace(Actor actor, Workspace workspace) =>
        workspace.Visibility == WorkspaceVisibility.Open
        || workspace.Memberships.Any(m => m.MemberId == actor.MemberId && m.Status == MembershipStatus.Active);

    public static Expression<Func<Workspace, bool>> ReadableWorkspaces(Actor actor)
    {
        var memberId = actor.MemberId;
        return w => w.Visibility == WorkspaceVisibility.Open
            || w.Memberships.Any(m => m.MemberId == memberId && m.Status == MembershipStatus.Active);
    }

    /// <summary>The roster of a workspace: its readers, plus administrators who manage it.</summary>
    public static bool CanSeeRoster(Actor actor, Workspace workspace) =>
        actor.IsAdministrator || CanReadWorkspace(actor, workspace);

    // ---- Workspaces: acting ----

    /// <summary>Leads and members post; observers only read; non-members of an open workspace
    /// join first.</summary>
    public static bool CanContribute(Actor actor, Workspace workspace) =>
        workspace.Memberships.Any(m => m.MemberId == actor.MemberId
            && m.Status == MembershipStatus.Active
            && (m.Role == MembershipRole.Lead || m.Role == MembershipRole.Member));

    public static bool CanManageMembers(Actor actor, Workspace workspace) =>
        actor.IsAdministrator || workspace.IsLead(actor.MemberId);

    // ---- Administration ----

    public static bool CanAdminister(Actor actor) => actor.IsAdministrator;
}
