using Microsoft.AspNetCore.Components;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Discussions;
using Portal.Web.Features.Workspaces.Sections;

namespace Portal.Web.Features.Discussions;

/// <summary>The discussions part's badge: posts by others the member has not read, in the workspace's threads.</summary>
public sealed class DiscussionsBadge : WorkspaceSectionBadge
{
    [Inject] private DiscussionService Discussions { get; set; } = null!;

    protected override async Task<int> CountAsync(Guid memberId) =>
        (await Discussions.GetUnreadSummaryAsync(memberId)).Workspaces
            .FirstOrDefault(w => w.WorkspaceId == WorkspaceId)?.UnreadCount ?? 0;

    protected override void WatchChanges() =>
        Watch<ThreadActivity>(e => e.WorkspaceIds.Contains(WorkspaceId), RecountAsync);
}
