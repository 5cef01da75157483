using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Web.Directory;

/// <summary>Shared helpers for the directory's page tests.</summary>
public abstract class DirectoryPageTest : PortalBunitContext
{
    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>The names on the person cards, in the order shown.</summary>
    protected static List<string> NamesOn(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[data-testid=person] h2, [data-testid=person] h3").Select(h => h.TextContent.Trim()).ToList();

    protected static IElement Input(IRenderedComponent<IComponent> cut, string testId) =>
        cut.Find($"input[data-testid={testId}]");
}
