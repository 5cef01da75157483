using Bunit;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Directory;

namespace Portal.Tests.Web.Directory;

public sealed class MyProfileTests : DirectoryPageTest
{
    private IRenderedComponent<MyProfile> RenderAs(Guid member)
    {
        SignInAs(member);
        var cut = Render<MyProfile>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=profile-save]"));
        return cut;
    }

    [Fact]
    public async Task A_title_too_long_shows_the_error_beside_the_field_and_keeps_the_text()
    {
        var cut = RenderAs(DemoData.Personas.RegionalCoordinator);
        var tooLong = new string('t', 300);
        cut.Find("input[data-testid=profile-title]").Change(tooLong);
        cut.Find("input[data-testid=profile-phone]").Change("040-123 45 67");

        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("Titeln får vara högst 200 tecken."));
        cut.Find("input[data-testid=profile-title]").GetAttribute("aria-invalid").ShouldBe("true");
        cut.Find("input[data-testid=profile-title]").GetAttribute("value").ShouldBe(tooLong);
        cut.Find("input[data-testid=profile-phone]").GetAttribute("value").ShouldBe("040-123 45 67");
        cut.FindAll("[data-testid=profile-saved]").ShouldBeEmpty();
        var stored = await Database.Get<DirectoryService>().GetPersonAsync(DemoData.Personas.RegionalCoordinator, DemoData.Personas.RegionalCoordinator);
        stored.Title.ShouldBe("Regionkoordinator Syd");
        stored.Phone.ShouldBeNull();
    }

    [Fact]
    public async Task Too_many_languages_show_the_error_beside_the_languages_field()
    {
        var cut = RenderAs(DemoData.Personas.RegionalCoordinator);
        var languages = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"språk{i}"));
        cut.Find("input[data-testid=profile-languages]").Change(languages);

        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => cut.Find("input[data-testid=profile-languages]").GetAttribute("aria-invalid").ShouldBe("true"));
        cut.Markup.ShouldContain("Ange högst 10 språk");
        cut.Find("input[data-testid=profile-languages]").GetAttribute("value").ShouldBe(languages);
        cut.Find("input[data-testid=profile-title]").GetAttribute("aria-invalid").ShouldBe("false");
        (await Database.Get<DirectoryService>().GetPersonAsync(DemoData.Personas.RegionalCoordinator, DemoData.Personas.RegionalCoordinator))
            .Languages.ShouldBe(["svenska", "engelska", "rumänska"]);
    }

    [Fact]
    public async Task Saving_a_valid_profile_stores_it_and_says_so()
    {
        var me = DemoData.Personas.NgoMember;
        var cut = RenderAs(me);
        cut.Find("input[data-testid=profile-title]").Change("Verksamhetsledare");
        cut.Find("input[data-testid=profile-phone]").Change("08-555 000 11");
        cut.Find("input[data-testid=profile-languages]").Change("svenska, engelska, tigrinja");
        cut.Find("input[data-testid=profile-form-ForcedLabour]").Change(true);
        cut.Find("input[data-testid=profile-form-Begging]").Change(false);

        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=profile-saved]").TextContent.ShouldContain("Profilen är sparad."));
        var stored = await Database.Get<DirectoryService>().GetPersonAsync(me, me);
        stored.Title.ShouldBe("Verksamhetsledare");
        stored.Phone.ShouldBe("08-555 000 11");
        stored.County.ShouldBe(County.Stockholm);
        stored.Languages.ShouldBe(["svenska", "engelska", "tigrinja"]);
        stored.ExploitationForms.ShouldBe([ExploitationForm.SexualPurposes, ExploitationForm.ForcedLabour]);
    }
}
