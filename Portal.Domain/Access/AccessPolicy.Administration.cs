using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Administration: organisations, workspaces and their leads, the administrator role ----

    public static bool CanAdminister(Actor actor) => actor.IsAdministrator;

    /// <summary>Administrators manage, they do not read (ADR 0002): an administrator may appoint any
    /// <em>other</em> member lead of a workspace, but never themself — a lead reads the workspace, so
    /// that would be reading by the back door. Another administrator must do it (and it is audited).
    /// The rule holds for every workspace, open or closed (an open one's lead moderates it). Item-only:
    /// asked once per appointment, never as a query.</summary>
    public static bool CanAppointLead(Actor actor, Workspace workspace, Guid appointeeId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return CanAdminister(actor) && appointeeId != actor.MemberId;
    }
}
