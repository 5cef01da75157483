using Microsoft.AspNetCore.Components;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Updates;
using Portal.Web.Features.Workspaces.Sections;

namespace Portal.Web.Features.Updates;

/// <summary>The updates part's badge: updates by others since the member last had the part open.</summary>
public sealed class UpdatesBadge : WorkspaceSectionBadge
{
    [Inject] private UpdateService Updates { get; set; } = null!;

    protected override Task<int> CountAsync(Guid memberId) => Updates.CountNewAsync(memberId, WorkspaceId);

    protected override Task SeenAsync(Guid memberId) => Updates.MarkSeenAsync(memberId, WorkspaceId);

    protected override void WatchChanges() =>
        Watch<UpdatePosted>(e => e.WorkspaceId == WorkspaceId, RecountAsync);
}
