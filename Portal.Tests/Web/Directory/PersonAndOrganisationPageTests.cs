using Bunit;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Directory;

namespace Portal.Tests.Web.Directory;

public sealed class PersonAndOrganisationPageTests : DirectoryPageTest
{
    [Fact]
    public void Person_page_shows_the_profile_card()
    {
        SignInAs(DemoData.Personas.NgoMember);

        var cut = Render<PersonPage>(p => p.Add(x => x.Id, DemoData.Personas.RegionalCoordinator));

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("Ola Svensson"));
        var details = cut.Find("[data-testid=person-details]");
        details.TextContent.ShouldContain("Regionkoordinator Syd");
        details.TextContent.ShouldContain("Malmö stad – Socialtjänsten");
        details.TextContent.ShouldContain("Skåne");
        details.TextContent.ShouldContain("Tvångsarbete");
        details.TextContent.ShouldContain("rumänska");
        details.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("mailto:ola.svensson@malmo-stad.example");
    }

    [Fact]
    public void Person_page_for_an_unknown_id_says_so_kindly()
    {
        SignInAs(DemoData.Personas.NgoMember);

        var cut = Render<PersonPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        cut.WaitForAssertion(() => cut.Find("[data-testid=person-notfound]").TextContent.ShouldContain("finns inte i katalogen"));
        cut.FindAll("[data-testid=person-details]").ShouldBeEmpty();
    }

    [Fact]
    public void Organisation_page_lists_its_people_and_contact()
    {
        SignInAs(DemoData.Personas.NmtLead);

        var cut = Render<OrganisationPage>(p => p.Add(x => x.Id, DemoData.IdFor("org:av")));

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("Arbetsmiljöverket"));
        NamesOn(cut).ShouldBe(["Lena Grahn", "Per Axelsson"]);
        cut.Markup.ShouldContain("mailto:arbetsmiljoverket@av.example");
        cut.Find("[data-testid=organisation-counties]").TextContent.ShouldContain("Hela landet");
    }

    [Fact]
    public void Organisation_page_lists_its_units()
    {
        SignInAs(DemoData.Personas.NmtLead);

        var cut = Render<OrganisationPage>(p => p.Add(x => x.Id, DemoData.IdFor("org:polisen")));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=organisation]").Count.ShouldBe(5));
        var units = cut.FindAll("[data-testid=organisation] h3").Select(h => h.TextContent.Trim()).ToList();
        units.ShouldContain(u => u.StartsWith("Polisen – Region Syd"));
        units.ShouldContain(u => u.StartsWith("Polisen – Nationella operativa avdelningen"));
    }

    [Fact]
    public void Organisation_search_shows_served_counties_briefly_and_the_support_line()
    {
        SignInAs(DemoData.Personas.NmtLead);

        var cut = Render<OrganisationSearch>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=organisations-count]"));
        Input(cut, "organisation-text").Change("region syd");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=organisation]").Count.ShouldBe(1));
        var card = cut.Find("[data-testid=organisation]");
        card.QuerySelector("[data-testid=organisation-counties]")!.TextContent.ShouldContain("Kronobergs län, Kalmar län, Blekinge län, Skåne län");
        card.TextContent.ShouldContain("Del av Polismyndigheten");
        card.QuerySelector("[data-testid=organisation-members]")!.TextContent.ShouldBe("1 person i katalogen");

        Input(cut, "organisation-text").Change("Nationell samordnare");
        cut.WaitForAssertion(() =>
        {
            var coordinator = cut.Find("[data-testid=organisation]");
            coordinator.TextContent.ShouldContain("Hela landet");
            coordinator.TextContent.ShouldContain("010-000 00 00 (stödtelefon för yrkesverksamma)");
            coordinator.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("mailto:nationell.samordnare@lansstyrelsen.example");
        });
    }

    [Fact]
    public void Organisation_search_without_matches_shows_the_empty_message()
    {
        SignInAs(DemoData.Personas.NmtLead);

        var cut = Render<OrganisationSearch>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=organisations-count]"));
        Input(cut, "organisation-text").Change("ingen sådan organisation");

        cut.WaitForAssertion(() => cut.Find("[data-testid=organisations-empty]"));
        cut.FindAll("[data-testid=organisation]").ShouldBeEmpty();
    }
}
