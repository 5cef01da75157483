using Microsoft.AspNetCore.Components;
using Portal.Infrastructure.Features.Workspaces;

namespace Portal.Web.Features.Workspaces.Sections;

/// <summary>One part of a workspace's own navigation (ADR 0021): <see cref="Key"/> is the last segment
/// of its address (empty for the overview), <see cref="Component"/> shows it. A feature adds a part by
/// registering one of these with <see cref="WorkspaceSectionRegistration.AddWorkspaceSection"/>.</summary>
public sealed record WorkspaceSection(string Key, Type LabelResource, string LabelKey, string Icon, int Order, Type Component)
{
    /// <summary>Whether the part is offered to this member for this workspace (its services check again).</summary>
    public Func<WorkspaceDetails, bool> IsShown { get; init; } = _ => true;

    /// <summary>A <see cref="WorkspaceSectionBadge"/> component counting what is new to the member, or null for no badge.</summary>
    public Type? Badge { get; init; }

    /// <summary>The component's parameters; by default <c>Workspace</c> and <c>OnChanged</c> (reload the workspace).</summary>
    public Func<WorkspaceDetails, EventCallback, IDictionary<string, object?>> Parameters { get; init; } =
        (workspace, changed) => new Dictionary<string, object?> { ["Workspace"] = workspace, ["OnChanged"] = changed };

    public string Href(Guid workspaceId) => Key.Length == 0 ? $"/workspaces/{workspaceId}" : $"/workspaces/{workspaceId}/{Key}";
}

public static class WorkspaceSectionRegistration
{
    public static IServiceCollection AddWorkspaceSection(this IServiceCollection services, WorkspaceSection section)
    {
        if (section.Badge is { } badge && !typeof(WorkspaceSectionBadge).IsAssignableFrom(badge))
            throw new ArgumentException($"{badge} is not a {nameof(WorkspaceSectionBadge)}.", nameof(section));
        return services.AddSingleton(section);
    }
}
