using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Search;

namespace Portal.Tests.Web.Discussions;

public sealed class SearchPageTests : DiscussionPageTestBase
{
    [Fact]
    public void Search_page_marks_the_matching_words_and_links_to_the_post()
    {
        SignInAs(DemoData.Personas.RegionalCoordinator);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=barnet");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=search-hit]").ShouldNotBeEmpty());
        var hit = cut.FindAll("[data-testid=search-hit]").First(h => h.TextContent.Contains(DemoData.Threads.ChildConcerned));
        var marks = hit.QuerySelectorAll("[data-testid=snippet] mark").Select(m => m.TextContent.ToLowerInvariant()).ToList();
        marks.ShouldNotBeEmpty();
        marks.ShouldAllBe(m => m.StartsWith("barn"));
        hit.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/threads/");
        hit.QuerySelector("[data-testid=child-flag]").ShouldNotBeNull();
        cut.Find("[data-testid=search-count]").TextContent.ShouldContain("barnet");
    }

    [Fact]
    public void Search_shows_nothing_from_a_closed_workspace_the_member_is_not_in()
    {
        SignInAs(DemoData.Personas.NgoMember);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=bärplockare");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=search-count]").TextContent.ShouldStartWith("0 träffar"));
        cut.FindAll("[data-testid=search-hit]").ShouldBeEmpty();
    }
}
