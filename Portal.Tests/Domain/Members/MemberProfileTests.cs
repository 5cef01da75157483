using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Members;

namespace Portal.Tests.Domain.Members;

public sealed class MemberProfileTests
{
    private static Member NewMember() =>
        Member.Create(Guid.NewGuid().ToString(), "oid-1", Guid.NewGuid(), "Karin Holm", "karin.holm@polisen.example");

    [Fact]
    public void Create_normalises_the_tenant_and_takes_name_and_email()
    {
        var tenant = Guid.NewGuid();

        var member = Member.Create(tenant.ToString().ToUpperInvariant(), " oid-1 ", Guid.NewGuid(), " Karin Holm ", "karin@polisen.example");

        member.TenantId.ShouldBe(tenant.ToString("D"));
        member.ObjectId.ShouldBe("oid-1");
        member.DisplayName.ShouldBe("Karin Holm");
        member.PreferredCulture.ShouldBe("sv");
        member.IsAdministrator.ShouldBeFalse();
    }

    [Fact]
    public void Create_with_an_invalid_tenant_or_no_name_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Member.Create("polisen", "oid", Guid.NewGuid(), "Karin", null))
            .Code.ShouldBe("organisation.tenant.invalid");
        Should.Throw<DomainRuleException>(() => Member.Create(Guid.NewGuid().ToString(), "oid", Guid.NewGuid(), "  ", null))
            .Code.ShouldBe("member.name.required");
        Should.Throw<DomainRuleException>(() => Member.Create(Guid.NewGuid().ToString(), "", Guid.NewGuid(), "Karin", null))
            .Code.ShouldBe("member.objectid.required");
    }

    [Fact]
    public void Profile_keeps_exploitation_forms_and_languages_once_each()
    {
        var member = NewMember();

        member.UpdateProfile(" Kriminalinspektör ", "010-000 00 00", County.Stockholm,
            [ExploitationForm.ForcedLabour, ExploitationForm.SexualPurposes, ExploitationForm.ForcedLabour],
            ["sv", "SV", " en ", ""]);

        member.Title.ShouldBe("Kriminalinspektör");
        member.County.ShouldBe(County.Stockholm);
        member.ExploitationForms.ShouldBe(new[] { ExploitationForm.ForcedLabour, ExploitationForm.SexualPurposes }.Order().ToList());
        member.Languages.ShouldBe(["sv", "en"]);
        // Folded: lower-case and without diacritics, so "kriminalinspektor" and "Kriminalinspektör" both match.
        member.SearchText.ShouldContain("kriminalinspektor");
        // Languages are found by their names in every UI language, not by their codes inside words.
        member.SearchText.ShouldNotContain(" en");
        member.SearchText.ShouldNotContain("sv");
    }

    [Fact]
    public void Over_long_title_is_refused_beside_the_title()
    {
        var member = NewMember();

        var refusal = Should.Throw<DomainRuleException>(() =>
            member.UpdateProfile(new string('t', Member.TitleMaxLength + 1), null, null, [], []));

        refusal.Code.ShouldBe("member.title.too-long");
        refusal.Field.ShouldBe("member.title");
        member.Title.ShouldBeNull();
    }

    [Fact]
    public void Over_long_phone_is_refused()
    {
        var member = NewMember();

        Should.Throw<DomainRuleException>(() => member.UpdateProfile(null, new string('1', Member.PhoneMaxLength + 1), null, [], []))
            .Code.ShouldBe("member.phone.too-long");
    }

    [Fact]
    public void More_than_ten_languages_are_refused()
    {
        var member = NewMember();
        var eleven = SpokenLanguages.All.Take(Member.MaxLanguages + 1).ToList();

        var refusal = Should.Throw<DomainRuleException>(() => member.UpdateProfile(null, null, null, [], eleven));

        refusal.Code.ShouldBe("member.languages.too-many");
        refusal.Field.ShouldBe("member.languages");
        member.Languages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("svenska")]
    [InlineData("English")]
    [InlineData("xx")]
    public void A_language_that_is_not_a_known_code_is_refused(string language)
    {
        var member = NewMember();

        var refusal = Should.Throw<DomainRuleException>(() => member.UpdateProfile(null, null, null, [], ["sv", language]));

        refusal.Code.ShouldBe("member.languages.unknown");
        refusal.Field.ShouldBe("member.languages");
        member.Languages.ShouldBeEmpty();
    }

    [Fact]
    public void Ten_languages_are_accepted()
    {
        var member = NewMember();

        member.UpdateProfile(null, null, null, [], SpokenLanguages.All.Take(Member.MaxLanguages));

        member.Languages.Count.ShouldBe(Member.MaxLanguages);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void Supported_culture_is_remembered(string culture)
    {
        var member = NewMember();

        member.ChooseCulture(culture);

        member.PreferredCulture.ShouldBe(culture);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("sv-SE")]
    public void Unsupported_culture_is_refused_and_the_choice_stays(string culture)
    {
        var member = NewMember();
        member.ChooseCulture("en");

        Should.Throw<DomainRuleException>(() => member.ChooseCulture(culture)).Code.ShouldBe("member.culture.unsupported");

        member.PreferredCulture.ShouldBe("en");
    }
}
