using System.Linq.Expressions;
using Portal.Domain.Updates;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Workspace updates: read with the workspace ----

    public static bool CanSeeUpdate(Actor actor, WorkspaceUpdate update, Workspace workspace) =>
        update.WorkspaceId == workspace.Id && CanReadWorkspace(actor, workspace);

    public static Expression<Func<WorkspaceUpdate, bool>> VisibleUpdates(Actor actor)
    {
        var memberId = actor.MemberId;
        return WithReadableRule<WorkspaceUpdate>(u => IsReadable(u.Workspace!, memberId));
    }

    public static bool CanPostUpdate(Actor actor, Workspace workspace) => CanContribute(actor, workspace);

    /// <summary>Leads pin their workspace's updates to the top of its feed.</summary>
    public static bool CanPinUpdate(Actor actor, Workspace workspace) => workspace.IsLead(actor.MemberId);

    /// <summary>The query face of <see cref="CanPinUpdate"/>: the workspaces whose updates the actor
    /// may pin (a feed shows the pin button by it).</summary>
    public static Expression<Func<Workspace, bool>> WorkspacesWhereUpdatesMayBePinned(Actor actor)
    {
        var memberId = actor.MemberId;
        return w => w.Memberships.Any(m => m.MemberId == memberId
            && m.Status == MembershipStatus.Active && m.Role == MembershipRole.Lead);
    }
}
