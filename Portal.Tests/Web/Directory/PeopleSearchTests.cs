using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Directory;

namespace Portal.Tests.Web.Directory;

public sealed class PeopleSearchTests : DirectoryPageTest
{
    private IRenderedComponent<IComponent> RenderAt(string uri)
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo(uri);
        var cut = Render<PeopleSearch>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=people-count]"));
        return cut;
    }

    [Fact]
    public void Choosing_forced_labour_in_Skane_lists_the_people_who_work_with_it_there()
    {
        var cut = RenderAt("/directory/people?county=Skane");

        cut.Find("[data-testid=form-ForcedLabour]").Click();

        cut.WaitForAssertion(() =>
        {
            var names = NamesOn(cut);
            names.ShouldContain("Per Axelsson");
            names.ShouldContain("Nora Haddad");
            names.ShouldContain("Ola Svensson");
            // National police, placed in Stockholm: not Skåne's contact although the unit serves the whole country.
            names.ShouldNotContain("Karin Holm");
            // Region Skåne's curator works with sexual purposes only.
            names.ShouldNotContain("Rebecka Ling");
        });
        var query = new Uri(Navigation.Uri).Query;
        query.ShouldContain("county=Skane");
        query.ShouldContain("form=ForcedLabour");
        cut.Find("[data-testid=form-ForcedLabour]").GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public async Task A_link_with_filters_shows_that_search_and_its_count()
    {
        var cut = RenderAt("/directory/people?form=ForcedLabour&county=Skane");

        var expected = await Database.Get<DirectoryService>().SearchPeopleAsync(DemoData.Personas.NmtLead,
            new PeopleQuery(County: County.Skane, Form: ExploitationForm.ForcedLabour));
        expected.Total.ShouldBeGreaterThan(1);
        cut.WaitForAssertion(() =>
        {
            cut.Find("[data-testid=people-count]").TextContent.ShouldBe($"{expected.Total} personer");
            NamesOn(cut).ShouldBe(expected.People.Select(p => p.DisplayName).ToList());
        });
    }

    [Fact]
    public void Text_search_finds_a_person_by_name()
    {
        var cut = RenderAt("/directory/people");

        Input(cut, "filter-text").Change("Haddad");

        cut.WaitForAssertion(() => NamesOn(cut).ShouldBe(["Nora Haddad"]));
        new Uri(Navigation.Uri).Query.ShouldContain("q=Haddad");
        cut.Find("[data-testid=people-count]").TextContent.ShouldBe("1 person");
    }

    [Fact]
    public void A_search_without_matches_shows_the_empty_message()
    {
        var cut = RenderAt("/directory/people?q=finns-inte-alls");

        cut.WaitForAssertion(() => cut.Find("[data-testid=people-empty]").TextContent.ShouldContain("Ingen person matchar"));
        cut.Find("[data-testid=people-count]").TextContent.ShouldBe("0 personer");
        NamesOn(cut).ShouldBeEmpty();
    }

    [Fact]
    public async Task Moving_to_another_address_of_the_page_as_back_does_shows_that_search()
    {
        var cut = RenderAt("/directory/people?q=Haddad");
        cut.WaitForAssertion(() => NamesOn(cut).ShouldBe(["Nora Haddad"]));

        // The browser's back button arrives as a location change to the earlier address.
        await cut.InvokeAsync(() => Navigation.NavigateTo("/directory/people?q=Axelsson"));

        cut.WaitForAssertion(() => NamesOn(cut).ShouldBe(["Per Axelsson"]));
        cut.Find("[data-testid=form-ForcedLabour]").GetAttribute("aria-pressed").ShouldBe("false");
    }

    [Fact]
    public async Task More_than_fifty_people_are_shown_fifty_a_page_with_paging()
    {
        // The demo has 46 people; ten more first-time sign-ins make two pages.
        var signIn = Database.Get<SignInService>();
        for (var i = 1; i <= 10; i++)
            await signIn.SignInFromEntraAsync(DemoData.TenantFor("skatteverket"), $"oid-paging-{i}", $"Öhman Test {i:00}", null);

        var cut = RenderAt("/directory/people");
        cut.WaitForAssertion(() => NamesOn(cut).Count.ShouldBe(PeopleFilter.PageSize));
        cut.Find("[data-testid=people-count]").TextContent.ShouldBe("56 personer");
        cut.FindAll(".mud-pagination").Count.ShouldBe(1);

        await cut.InvokeAsync(() => Navigation.NavigateTo("/directory/people?page=2"));

        cut.WaitForAssertion(() => NamesOn(cut).Count.ShouldBe(6));
        NamesOn(cut).ShouldAllBe(name => name.StartsWith("Öhman Test"));
    }

    [Fact]
    public void A_person_card_links_to_the_person_and_their_organisation_and_mails_them()
    {
        var cut = RenderAt("/directory/people?q=Haddad");

        cut.WaitForAssertion(() => NamesOn(cut).ShouldBe(["Nora Haddad"]));
        var card = cut.Find("[data-testid=person]");
        card.QuerySelector("h2 a")!.GetAttribute("href").ShouldBe($"/directory/people/{DemoData.IdFor("member:nora.haddad")}");
        card.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))
            .ShouldContain($"/directory/organisations/{DemoData.IdFor("org:polisen-syd")}");
        card.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("mailto:nora.haddad@polisen-syd.example");
        card.TextContent.ShouldContain("Tvångsarbete");
        card.TextContent.ShouldContain("arabiska");
    }
}
