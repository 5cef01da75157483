using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Domain.Directory;
using Portal.Domain.Members;
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
        var eleven = SpokenLanguages.All.Take(11).ToList();
        await ChooseLanguagesAsync(cut, eleven);

        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("Välj högst 10 språk."));
        cut.Find("input[data-testid=profile-title]").GetAttribute("aria-invalid").ShouldBe("false");
        LanguageSelect(cut).Instance.GetState(x => x.SelectedValues)!.ShouldBe(eleven, ignoreOrder: true);
        (await Database.Get<DirectoryService>().GetPersonAsync(DemoData.Personas.RegionalCoordinator, DemoData.Personas.RegionalCoordinator))
            .Languages.ShouldBe(["sv", "en", "ro"]);
    }

    [Fact]
    public void The_languages_field_offers_every_language_by_its_Swedish_name_and_shows_the_chosen_ones()
    {
        var cut = RenderAs(DemoData.Personas.RegionalCoordinator);

        var select = LanguageSelect(cut);
        select.Instance.GetState(x => x.SelectedValues)!.ShouldBe(["sv", "en", "ro"], ignoreOrder: true);
        select.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ShouldBe(SpokenLanguages.All, ignoreOrder: true);
        select.Instance.ToStringFunc!("ro").ShouldBe("rumänska");
    }

    [Fact]
    public async Task Saving_a_valid_profile_stores_it_and_says_so()
    {
        var me = DemoData.Personas.NgoMember;
        var cut = RenderAs(me);
        cut.Find("input[data-testid=profile-title]").Change("Verksamhetsledare");
        cut.Find("input[data-testid=profile-phone]").Change("08-555 000 11");
        await ChooseLanguagesAsync(cut, ["sv", "en", "ti"]);
        cut.Find("input[data-testid=profile-form-ForcedLabour]").Change(true);
        cut.Find("input[data-testid=profile-form-Begging]").Change(false);

        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=profile-saved]").TextContent.ShouldContain("Profilen är sparad."));
        var stored = await Database.Get<DirectoryService>().GetPersonAsync(me, me);
        stored.Title.ShouldBe("Verksamhetsledare");
        stored.Phone.ShouldBe("08-555 000 11");
        stored.County.ShouldBe(County.Stockholm);
        stored.Languages.ShouldBe(["sv", "en", "ti"], ignoreOrder: true);
        stored.ExploitationForms.ShouldBe([ExploitationForm.SexualPurposes, ExploitationForm.ForcedLabour]);
    }

    private static IRenderedComponent<MudSelect<string>> LanguageSelect(IRenderedComponent<MyProfile> cut) =>
        cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "profile-languages");

    // What choosing in the list does: the select reports the chosen codes.
    private static Task ChooseLanguagesAsync(IRenderedComponent<MyProfile> cut, IReadOnlyList<string> codes) =>
        cut.InvokeAsync(() => LanguageSelect(cut).Instance.SelectedValuesChanged.InvokeAsync(codes));
}
