using Bunit;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.MethodSupport;

namespace Portal.Tests.Web.MethodSupport;

/// <summary>The ask form and the request page on the real use cases: the personal-data guard speaks beside
/// the field and keeps the text; each role sees only the controls its use cases allow.</summary>
public sealed class SupportPagesTests : PortalBunitContext
{
    private static readonly Guid Ola = DemoData.IdFor("member:ola.svensson");          // social services, Malmö
    private static readonly Guid Erik = DemoData.IdFor("member:erik.sandberg");        // NMT, on duty
    private static readonly Guid Johan = DemoData.IdFor("member:johan.berg");          // NMT, assigned to the child request
    private static readonly Guid Kristina = DemoData.IdFor("member:kristina.wennberg"); // asked the Uppsala request
    private static readonly Guid UppsalaRequest = DemoData.IdFor("support:2026-0003");
    private const string IdentityNumber = "19811218-9876";

    /// <summary>Types as the member does (the field is immediate, with a short debounce) and leaves the field.</summary>
    private static void Type(IRenderedComponent<SupportAskPage> cut, string text)
    {
        cut.Find("textarea[data-testid=support-question]").Input(text);
        cut.Find("textarea[data-testid=support-question]").Blur();
        // The field passes the text on after its debounce; submitting before that would send an empty question.
        cut.WaitForAssertion(() => cut.FindComponent<SupportQuestionFields>().Instance.Model.Question.ShouldBe(text), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_identity_number_is_refused_beside_the_question_and_the_text_stays()
    {
        SignInAs(Ola);
        var cut = Render<SupportAskPage>();
        var typed = $"Flickan har personnummer {IdentityNumber} och bor hos en släkting.";

        Type(cut, typed);

        cut.WaitForAssertion(() => cut.Find("[data-testid=support-ask-form]").TextContent.ShouldContain("Personnummer: ta bort det"));
        cut.Find("[data-testid=support-submit]").Click();
        // The server refuses it too, beside the same field, and the text is still there to rephrase.
        cut.WaitForAssertion(() => cut.Find("[data-testid=support-ask-form]").TextContent.ShouldContain("Texten innehåller ett personnummer"));
        cut.Find("textarea[data-testid=support-question]").GetAttribute("value").ShouldBe(typed);
    }

    [Fact]
    public void A_phone_number_and_an_email_address_are_warned_about_with_the_reason_and_the_text_stays()
    {
        SignInAs(Ola);
        var cut = Render<SupportAskPage>();
        var typed = "Ring henne på 070-123 45 67 eller skriv till anna.svensson@example.com.";

        Type(cut, typed);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=support-question-warning]").Count.ShouldBe(2));
        var warnings = string.Join(" ", cut.FindAll("[data-testid=support-question-warning]").Select(w => w.TextContent));
        warnings.ShouldContain("Telefonnummer");
        warnings.ShouldContain("E-postadress");
        cut.Find("textarea[data-testid=support-question]").GetAttribute("value").ShouldBe(typed);
    }

    [Fact]
    public void Submitting_without_a_county_says_so_beside_the_county_and_keeps_the_question()
    {
        SignInAs(Ola);
        var cut = Render<SupportAskPage>();
        Type(cut, "Hur går vi vidare med en misstänkt arbetskraftsexploatering?");

        cut.Find("[data-testid=support-submit]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=support-ask-form]").QuerySelector(".mud-input-error").ShouldNotBeNull(), TimeSpan.FromSeconds(10));
        cut.Find("textarea[data-testid=support-question]").GetAttribute("value").ShouldBe("Hur går vi vidare med en misstänkt arbetskraftsexploatering?");
    }

    [Fact]
    public void The_duty_member_may_assign_and_see_notes_but_not_answer_refer_or_close()
    {
        SignInAs(Erik);
        var cut = Render<SupportRequestPage>(p => p.Add(c => c.Id, DemoData.MethodSupport.OpenChildRequest));

        cut.WaitForAssertion(() => cut.Find("[data-testid=support-reference]").TextContent.ShouldContain(DemoData.MethodSupport.OpenChildReference));
        cut.Find("[data-testid=support-child-flag]");
        cut.FindAll("[data-testid=support-assign-panel]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=support-notes]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=support-refer-panel]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-social-services-panel]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-close]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-viewer-panel]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-reply-send]").ShouldBeEmpty();
    }

    [Fact]
    public void The_assignee_answers_refers_and_confirms_social_services_but_does_not_assign()
    {
        SignInAs(Johan);
        var cut = Render<SupportRequestPage>(p => p.Add(c => c.Id, DemoData.MethodSupport.OpenChildRequest));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=support-refer-panel]").Count.ShouldBe(1));
        cut.FindAll("[data-testid=support-social-services-panel]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=support-reply-send]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=support-notes]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=support-assign-panel]").ShouldBeEmpty();
        // Not answered yet: closing is not offered.
        cut.FindAll("[data-testid=support-close]").ShouldBeEmpty();

        cut.Find("[data-testid=support-social-yes]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=support-social-services]").TextContent.ShouldContain("Ja"));
    }

    [Fact]
    public void The_asker_follows_up_and_shares_but_sees_no_notes_and_no_triage()
    {
        SignInAs(Kristina);
        var cut = Render<SupportRequestPage>(p => p.Add(c => c.Id, UppsalaRequest));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=support-viewer-panel]").Count.ShouldBe(1));
        cut.FindAll("[data-testid=support-reply-send]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=support-notes]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-assign-panel]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-refer-panel]").ShouldBeEmpty();
        cut.FindAll("[data-testid=support-close]").ShouldBeEmpty();
    }

    [Fact]
    public void Someone_else_is_told_the_request_is_not_found()
    {
        SignInAs(Ola);
        var cut = Render<SupportRequestPage>(p => p.Add(c => c.Id, DemoData.MethodSupport.OpenChildRequest));

        cut.WaitForAssertion(() => cut.Find("[data-testid=support-not-found]"));
        cut.Markup.ShouldNotContain(DemoData.MethodSupport.OpenChildReference);
        cut.Markup.ShouldNotContain("15-åring");
    }

    [Fact]
    public void The_duty_member_sees_the_queue_with_the_child_request_flagged()
    {
        SignInAs(Erik);
        var cut = Render<SupportListPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=support-queue]"));
        var row = cut.FindAll("[data-testid=support-queue] [data-testid=support-row]")
            .Single(r => r.GetAttribute("data-reference") == DemoData.MethodSupport.OpenChildReference);
        row.QuerySelector("[data-testid=support-row-child]").ShouldNotBeNull();
    }
}
