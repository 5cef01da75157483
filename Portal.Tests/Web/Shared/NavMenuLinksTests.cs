using Portal.Web.Components.Layout;

namespace Portal.Tests.Web.Shared;

public sealed class NavMenuLinksTests
{
    [Theory]
    [InlineData("", "/", true, true)]
    [InlineData("?culture=sv", "/", true, true)]
    [InlineData("threads/1", "/", true, false)]
    [InlineData("workspaces", "/workspaces", false, true)]
    [InlineData("workspaces/", "/workspaces", false, true)]
    [InlineData("workspaces/42#top", "/workspaces", false, true)]
    [InlineData("Workspaces/42", "/workspaces", false, true)]
    [InlineData("workspacesfoo", "/workspaces", false, false)]
    [InlineData("search?q=barn", "/search", false, true)]
    [InlineData("directory/organisations/7", "/directory/people", false, false)]
    public void A_link_is_current_for_its_own_path_and_below_it_or_only_its_own_when_exact(string relativePath, string href, bool exact, bool current) =>
        NavMenuLinks.IsCurrent(relativePath, href, exact).ShouldBe(current);
}
