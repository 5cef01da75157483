using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Subjects;
using Portal.Web.Features.Search;

namespace Portal.Tests.Web.Discussions;

public sealed class SearchPageTests : DiscussionPageTestBase
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    // MudBlazor puts the test id on the input itself for some fields and on a wrapper for others.
    private static IElement InputOf(IRenderedComponent<SearchPage> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input") ?? throw new InvalidOperationException(testId);
    }

    [Fact]
    public void Search_page_marks_the_matching_words_and_links_to_the_post()
    {
        SignInAs(DemoData.Personas.RegionalCoordinator);
        Navigation.NavigateTo("/search?q=barnet");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=search-hit]").ShouldNotBeEmpty());
        var hit = cut.FindAll("[data-testid=search-hit]").Single(h => h.TextContent.Contains(DemoData.Threads.ChildConcerned));
        var marks = hit.QuerySelectorAll("[data-testid=snippet] mark").Select(m => m.TextContent.ToLowerInvariant()).ToList();
        marks.ShouldNotBeEmpty();
        marks.ShouldAllBe(m => m.StartsWith("barn"));
        hit.QuerySelector("[data-testid=hit-title] a")!.GetAttribute("href")!.ShouldStartWith("/threads/");
        hit.QuerySelectorAll("[data-testid=hit-part] a").ShouldAllBe(a => a.GetAttribute("href")!.Contains("#post-"));
        hit.QuerySelector("[data-testid=child-flag]").ShouldNotBeNull();
        cut.Find("[data-testid=search-count]").TextContent.ShouldContain("barnet");
    }

    [Fact]
    public void A_thread_is_shown_once_with_its_matching_posts_under_it()
    {
        SignInAs(DemoData.Personas.RegionalCoordinator);
        // "barn" is said in the title and in several posts of the child thread.
        Navigation.NavigateTo("/search?q=barn");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=search-hit]").ShouldNotBeEmpty());
        var hits = cut.FindAll("[data-testid=search-hit]").Where(h => h.TextContent.Contains(DemoData.Threads.ChildConcerned)).ToList();
        var hit = hits.ShouldHaveSingleItem();
        hit.QuerySelectorAll("[data-testid=hit-part]").Length.ShouldBeInRange(2, 3);
        hit.QuerySelector("[data-testid=hit-title] mark")!.TextContent.ShouldBe("Barn");
    }

    [Fact]
    public void Past_the_bound_the_count_says_at_least_and_how_to_narrow_the_search()
    {
        // "barn" is in the child thread's title and several of its posts: more than two texts.
        Services.AddSingleton(new SearchService(Database.Get<IDbContextFactory<PortalDbContext>>(), Database.Get<DatabaseOptions>(),
            Database.Get<SubjectRegistry>(), Database.Get<IEnumerable<ISearchSource>>()) { CandidateLimit = 2 });
        SignInAs(DemoData.Personas.RegionalCoordinator);
        Navigation.NavigateTo("/search?q=barn");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=search-count]").TextContent.ShouldStartWith("Minst "));
        cut.Find("[data-testid=search-count]").TextContent.ShouldContain("bara de 2 senaste texterna");
        cut.FindAll("[data-testid=search-hit]").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("malmo")]
    [InlineData("Malmö")]
    public void People_and_organisations_are_found_without_diacritics(string query)
    {
        SignInAs(DemoData.Personas.NgoMember);
        Navigation.NavigateTo($"/search?q={Uri.EscapeDataString(query)}");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=organisation-hit]").Select(h => h.TextContent.Trim())
            .ShouldBe(["Malmö stad – Socialtjänsten"]));
        cut.FindAll("[data-testid=person-hit]").ShouldContain(h => h.TextContent.Contains("Ola Svensson"));
    }

    [Fact]
    public void A_title_typed_without_diacritics_finds_the_people_who_hold_it()
    {
        SignInAs(DemoData.Personas.NgoMember);
        Navigation.NavigateTo("/search?q=lanssamordnare");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=person-hit]").ShouldNotBeEmpty());
        cut.FindAll("[data-testid=person-hit]").ShouldAllBe(h => h.TextContent.Contains("Länssamordnare"));
        cut.Find("[data-testid=people-all]").TextContent.ShouldContain("21");
    }

    [Fact]
    public void Search_shows_nothing_from_a_closed_workspace_the_member_is_not_in()
    {
        SignInAs(DemoData.Personas.NgoMember);
        Navigation.NavigateTo("/search?q=bärplockare");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=search-count]").TextContent.ShouldStartWith("0 träffar"));
        cut.FindAll("[data-testid=search-hit]").ShouldBeEmpty();
    }

    [Fact]
    public void Filters_from_the_address_narrow_the_results_and_show_in_the_fields()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo($"/search?q=samverkan&workspace={DemoData.Workspaces.RegionalCoordinators}&child=true");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=search-hit]").ShouldHaveSingleItem()
            .TextContent.ShouldContain(DemoData.Threads.ChildConcerned));
        InputOf(cut, "filter-workspace").GetAttribute("value").ShouldBe("Regionkoordinatorernas nätverk");
        InputOf(cut, "filter-child").HasAttribute("checked").ShouldBeTrue();
        cut.Find("[data-testid=filter-clear]").ShouldNotBeNull();
    }

    [Fact]
    public void Form_and_kind_filters_from_the_address_narrow_the_results()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo("/search?q=samverkan&form=CriminalActivities&kind=thread");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=search-hit]").ShouldHaveSingleItem()
            .TextContent.ShouldContain(DemoData.Threads.ChildConcerned));
        InputOf(cut, "filter-form").GetAttribute("value").ShouldBe("Kriminella handlingar");
        InputOf(cut, "filter-kind").GetAttribute("value").ShouldBe("Diskussionstråd");
    }

    [Fact]
    public void Changing_a_filter_puts_it_in_the_address_and_keeps_the_query()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo("/search?q=samverkan");
        var cut = Render<SearchPage>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=search-hit]").ShouldNotBeEmpty());

        InputOf(cut, "filter-child").Change(true);

        cut.WaitForAssertion(() => Navigation.Uri.ShouldContain("child=true"));
        Navigation.Uri.ShouldContain("q=samverkan");
    }

    [Fact]
    public void An_end_date_before_the_start_says_so_beside_the_field_and_keeps_both()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo("/search?q=samverkan&from=2026-05-10&to=2026-05-01");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FieldAround("[data-testid=filter-to]").TextContent.ShouldContain("Slutdatumet kan inte vara före startdatumet."));
        InputOf(cut, "filter-from").GetAttribute("value").ShouldBe("2026-05-10");
        InputOf(cut, "filter-to").GetAttribute("value").ShouldBe("2026-05-01");
        cut.FindAll("[data-testid=search-hit]").ShouldBeEmpty();
    }

    [Fact]
    public void The_same_box_finds_people_and_organisations()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo("/search?q=Arbetsmiljöverket");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=organisation-hit]").ShouldNotBeEmpty());
        cut.FindAll("[data-testid=organisation-hit]").ShouldContain(o => o.TextContent.Contains("Arbetsmiljöverket"));
        cut.FindAll("[data-testid=person-hit]").ShouldContain(p => p.TextContent.Contains("Per Axelsson"));
    }
}
