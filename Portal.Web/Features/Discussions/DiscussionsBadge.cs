using Microsoft.AspNetCore.Components;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Discussions;
using Portal.Web.Features.Workspaces.Sections;

namespace Portal.Web.Features.Discussions;

/// <summary>The discussions part's badge: posts by others the member has not read, in the workspace's threads.</summary>
public sealed class DiscussionsBadge : WorkspaceSectionBadge
{
    [Inject] private DiscussionService Discussions { get; set; } = null!;

    // This workspace's threads only: the badge sits on every page of the workspace and recounts on
    // every post in it, in every circuit showing it.
    protected override Task<int> CountAsync(Guid memberId) => Discussions.CountUnreadInWorkspaceAsync(memberId, WorkspaceId);

    protected override void WatchChanges() =>
        WatchLatest<ThreadActivity>(e => e.WorkspaceIds.Contains(WorkspaceId), RecountAsync);
}
