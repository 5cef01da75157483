using Bunit;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Directory;

namespace Portal.Tests.Web.Directory;

public sealed class EnglishDirectoryTests : DirectoryPageTest
{
    protected override string Culture => "en";

    [Fact]
    public void People_search_in_English_shows_English_labels_and_terms()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo("/directory/people?q=Haddad");

        var cut = Render<PeopleSearch>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=people-count]").TextContent.ShouldBe("1 person"));
        cut.Find("h1").TextContent.ShouldBe("People");
        cut.Markup.ShouldContain("Search by name, title, e-mail or language");
        cut.Find("[data-testid=form-ForcedLabour]").TextContent.ShouldBe("Forced labour");
        cut.Find("[data-testid=person]").TextContent.ShouldContain("Forced labour");
        cut.Markup.ShouldNotContain("Tvångsarbete");
    }

    [Fact]
    public void Profile_in_English_shows_English_labels()
    {
        SignInAs(DemoData.Personas.NmtLead);

        var cut = Render<MyProfile>();

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("My profile"));
        cut.Find("[data-testid=profile-save]").TextContent.ShouldBe("Save profile");
        cut.Markup.ShouldContain("Forms of exploitation you work with");
    }

    [Fact]
    public void People_search_in_English_filters_by_language_and_names_languages_in_English()
    {
        SignInAs(DemoData.Personas.NmtLead);
        Navigation.NavigateTo("/directory/people?lang=ar");

        var cut = Render<PeopleSearch>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=people-count]").TextContent.ShouldBe("2 people"));
        cut.FindAll("[data-testid=person]").ShouldAllBe(person => person.TextContent.Contains("Swedish, Arabic, English")
            || person.TextContent.Contains("Swedish, English, Arabic"));
        cut.Markup.ShouldNotContain("arabiska");
    }
}
