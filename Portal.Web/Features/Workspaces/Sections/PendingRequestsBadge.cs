using Microsoft.AspNetCore.Components;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;

namespace Portal.Web.Features.Workspaces.Sections;

/// <summary>The members part's badge: requests to join waiting for a lead (others are shown none).</summary>
public sealed class PendingRequestsBadge : WorkspaceSectionBadge
{
    [Inject] private WorkspaceService Workspaces { get; set; } = null!;

    protected override async Task<int> CountAsync(Guid memberId) =>
        (await Workspaces.GetAsync(memberId, WorkspaceId)).PendingRequests?.Count ?? 0;

    protected override void WatchChanges()
    {
        Watch<MembershipRequested>(e => e.WorkspaceId == WorkspaceId, RecountAsync);
        Watch<MembershipChanged>(e => e.WorkspaceId == WorkspaceId, RecountAsync);
    }
}
