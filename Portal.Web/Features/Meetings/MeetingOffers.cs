using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;

namespace Portal.Web.Features.Meetings;

/// <summary>What the pages offer before the use case decides: scheduling is for the workspace's active
/// leads (AccessPolicy.CanScheduleMeeting; administrators are not offered it, as the policy refuses them).
/// The service checks again; this only keeps a button from being there that could not work.</summary>
public static class MeetingOffers
{
    public static bool CanSchedule(WorkspaceDetails workspace) =>
        workspace.Mine is { Status: MembershipStatus.Active, Role: MembershipRole.Lead };
}
