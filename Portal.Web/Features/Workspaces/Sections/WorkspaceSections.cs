using Portal.Web.Features.Discussions;
using Portal.Web.Features.Documents;
using Portal.Web.Features.Meetings;
using Portal.Web.Features.Updates;
using Portal.Web.Resources;

namespace Portal.Web.Features.Workspaces.Sections;

/// <summary>The parts a workspace has today. Documents and meetings register theirs the same way.</summary>
public static class WorkspaceSections
{
    public static readonly WorkspaceSection Overview = new("", typeof(WorkspaceText), "Sections.Overview",
        MudBlazor.Icons.Material.Outlined.Info, 0, typeof(WorkspaceOverview));

    public static readonly WorkspaceSection Discussions = new("discussions", typeof(WorkspaceText), "Sections.Discussions",
        MudBlazor.Icons.Material.Outlined.Forum, 10, typeof(WorkspaceDiscussions))
    {
        IsShown = workspace => workspace.CanRead,
        Badge = typeof(DiscussionsBadge),
        Parameters = (workspace, _) => new Dictionary<string, object?>
        {
            [nameof(WorkspaceDiscussions.WorkspaceId)] = workspace.Id,
            [nameof(WorkspaceDiscussions.CanContribute)] = workspace.CanContribute,
        },
    };

    public static readonly WorkspaceSection Updates = new("updates", typeof(WorkspaceText), "Sections.Updates",
        MudBlazor.Icons.Material.Outlined.Campaign, 20, typeof(WorkspaceUpdates))
    {
        IsShown = workspace => workspace.CanRead,
        Badge = typeof(UpdatesBadge),
        Parameters = (workspace, _) => new Dictionary<string, object?>
        {
            [nameof(WorkspaceUpdates.WorkspaceId)] = workspace.Id,
            [nameof(WorkspaceUpdates.CanContribute)] = workspace.CanContribute,
        },
    };

    public static readonly WorkspaceSection Documents = new("documents", typeof(DocumentText), "Section.Documents",
        MudBlazor.Icons.Material.Outlined.MenuBook, 30, typeof(WorkspaceDocuments))
    {
        IsShown = workspace => workspace.CanRead,
        Parameters = (workspace, _) => new Dictionary<string, object?>
        {
            [nameof(WorkspaceDocuments.WorkspaceId)] = workspace.Id,
            [nameof(WorkspaceDocuments.CanContribute)] = workspace.CanContribute,
        },
    };

    public static readonly WorkspaceSection Meetings = new("meetings", typeof(MeetingPageText), "Section.Meetings",
        MudBlazor.Icons.Material.Outlined.Event, 40, typeof(WorkspaceMeetings))
    {
        IsShown = workspace => workspace.CanRead,
        Parameters = (workspace, _) => new Dictionary<string, object?>
        {
            [nameof(WorkspaceMeetings.WorkspaceId)] = workspace.Id,
            [nameof(WorkspaceMeetings.CanSchedule)] = MeetingOffers.CanSchedule(workspace),
        },
    };

    public static readonly WorkspaceSection Members = new("members", typeof(WorkspaceText), "Sections.Members",
        MudBlazor.Icons.Material.Outlined.Groups, 90, typeof(WorkspaceMembers))
    {
        Badge = typeof(PendingRequestsBadge),
    };

    public static IServiceCollection AddWorkspaceSections(this IServiceCollection services) => services
        .AddWorkspaceSection(Overview)
        .AddWorkspaceSection(Discussions)
        .AddWorkspaceSection(Updates)
        .AddWorkspaceSection(Documents)
        .AddWorkspaceSection(Meetings)
        .AddWorkspaceSection(Members);
}
