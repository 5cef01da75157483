using Portal.Domain.Common;
using Portal.Domain.MethodSupport;

namespace Portal.Tests.Domain.MethodSupport;

/// <summary>The personal-data guard: identity and coordination numbers with a valid date and Luhn checksum are
/// refused in every written form; numbers and dates that only look alike pass; phone numbers, e-mail and street
/// addresses are warned about, with their position.</summary>
public sealed class SupportPersonalDataGuardTests
{
    [Theory]
    [InlineData("811218-9876")]
    [InlineData("8112189876")]
    [InlineData("19811218-9876")]
    [InlineData("198112189876")]
    [InlineData("121212+1212")] // '+': a person of 100 or more
    [InlineData("000229-1235")] // 29 February 2000
    [InlineData("20000229-1235")]
    [InlineData("0701234569")] // a valid number of someone born 2007-01-23, even if it looks like a phone number
    public void A_valid_identity_number_is_recognised_with_or_without_century_and_separator(string text)
    {
        PersonalDataGuard.Classify(text).ShouldBe(PersonalDataKind.IdentityNumber);
    }

    [Theory]
    [InlineData("701063-2391")]
    [InlineData("7010632391")]
    [InlineData("19701063-2391")]
    public void A_coordination_number_is_recognised_by_its_day_plus_sixty(string text)
    {
        PersonalDataGuard.Classify(text).ShouldBe(PersonalDataKind.CoordinationNumber);
    }

    [Theory]
    [InlineData("811218-9875")] // checksum off by one
    [InlineData("8112189870")]
    [InlineData("701063-2390")]
    [InlineData("202100-5489")] // an organisation number: the Luhn holds, but month 21 is no month
    [InlineData("19000229-1235")] // 1900 was no leap year
    [InlineData("811232-9876")] // no 32nd day
    [InlineData("811292-9876")] // day 92 is no coordination day either
    public void Numbers_that_only_look_alike_are_not_identity_numbers(string text)
    {
        PersonalDataGuard.Classify(text).ShouldBeNull();
    }

    [Theory]
    [InlineData("Mötet 2026-11-27 kl. 14.30 gick bra.")]
    [InlineData("Beslutet 20261127 gäller.")]
    [InlineData("Regeringsuppdraget Ju2017/01271/PO redovisas i mars.")]
    [InlineData("Se ärende MS-2026-0042.")]
    [InlineData("Organisationsnummer 202100-5489.")]
    [InlineData("Fakturan 123456789012345 är betald.")]
    public void Dates_and_other_numbers_in_text_are_neither_refused_nor_warned_about(string text)
    {
        PersonalDataGuard.Scan(text).ShouldBeEmpty();
        Should.NotThrow(() => PersonalDataGuard.Refuse(text, "support.question"));
    }

    [Fact]
    public void An_identity_number_in_running_text_is_refused_beside_the_field_with_its_position_and_not_the_number()
    {
        const string text = "Flickan har personnummer 19811218-9876 enligt skolan.";

        var refused = Should.Throw<DomainRuleException>(() => PersonalDataGuard.Refuse(text, "support.question"));

        refused.Code.ShouldBe(PersonalDataGuard.RefusedCode);
        refused.Field.ShouldBe("support.question");
        refused.Message.ShouldBe($"{text.IndexOf("1981", StringComparison.Ordinal)}:13");
        refused.Message.ShouldNotContain("9876");
    }

    [Fact]
    public void Phone_numbers_email_and_street_addresses_are_warnings_with_kind_and_position()
    {
        const string text = "Ring 070-123 45 67 eller +46 8 123 456 78, mejla kontakt@exempel.se, hon bor på Storgatan 12 i Malmö.";

        var found = PersonalDataGuard.Scan(text);

        found.Select(f => f.Kind).ShouldBe([PersonalDataKind.PhoneNumber, PersonalDataKind.PhoneNumber, PersonalDataKind.EmailAddress,
            PersonalDataKind.StreetAddress]);
        found.ShouldAllBe(f => !f.IsRefused);
        text.Substring(found[0].Index, found[0].Length).ShouldBe("070-123 45 67");
        text.Substring(found[2].Index, found[2].Length).ShouldBe("kontakt@exempel.se");
        text.Substring(found[3].Index, found[3].Length).ShouldBe("Storgatan 12");
        Should.NotThrow(() => PersonalDataGuard.Refuse(text, "support.question"));
    }

    [Fact]
    public void An_identity_number_is_reported_once_and_not_again_as_a_phone_number()
    {
        var found = PersonalDataGuard.Scan("Nummer 0701234569.");

        found.Count.ShouldBe(1);
        found[0].Kind.ShouldBe(PersonalDataKind.IdentityNumber);
    }
}
