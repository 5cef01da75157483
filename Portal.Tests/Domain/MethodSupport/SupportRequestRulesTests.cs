using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;

namespace Portal.Tests.Domain.MethodSupport;

/// <summary>The lifecycle of a method-support request in the aggregate alone: new → in progress → answered /
/// referred → closed, first response, the child perspective, erasure, and bad input.</summary>
public sealed class SupportRequestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _asker = Guid.NewGuid();
    private readonly Guid _duty = Guid.NewGuid();
    private readonly Guid _assignee = Guid.NewGuid();

    private static SupportQuestion Question(string? text = "Hur går vi vidare?", bool child = false, SupportUrgency urgency = SupportUrgency.ThisWeek) =>
        new(text, null, [ExploitationForm.ForcedLabour], child, County.Skane, urgency, null);

    private SupportRequest Submitted(bool child = false, SupportUrgency urgency = SupportUrgency.ThisWeek) =>
        SupportRequest.Submit(new SupportAsker(_asker, Guid.NewGuid(), null, OrganisationKind.Municipality, null), Question(child: child, urgency: urgency),
            SupportChannel.Portal, null, 2026, 42, Now);

    [Fact]
    public void A_submitted_request_is_new_under_its_pseudonym_reference()
    {
        var request = Submitted();

        request.Reference.ShouldBe("MS-2026-0042");
        request.Status.ShouldBe(SupportStatus.New);
        // Only the id goes out, so an open queue can show it without anything of the request on the bus.
        request.DomainEvents.ShouldHaveSingleItem().ShouldBe(new SupportRequestChanged(request.Id));
    }

    [Fact]
    public void Assigning_puts_it_in_progress_and_the_first_reply_answers_it_and_is_the_first_response()
    {
        var request = Submitted();

        request.Assign([_assignee], _duty, Now.AddHours(1)).ShouldBe([_assignee]);
        request.Status.ShouldBe(SupportStatus.InProgress);
        request.Reply(_assignee, fromTeam: true, "Kontakta polisen.", Now.AddHours(2));
        request.Reply(_assignee, fromTeam: true, "Och Arbetsmiljöverket.", Now.AddHours(3));

        request.Status.ShouldBe(SupportStatus.Answered);
        request.FirstResponseAt.ShouldBe(Now.AddHours(2));
        request.DomainEvents.OfType<SupportRequestChanged>().Count().ShouldBe(1);
    }

    [Fact]
    public void A_follow_up_from_the_asker_is_no_response()
    {
        var request = Submitted();

        request.Reply(_asker, fromTeam: false, "Ett tillägg.", Now.AddHours(1));

        request.FirstResponseAt.ShouldBeNull();
        request.Status.ShouldBe(SupportStatus.New);
    }

    [Fact]
    public void A_referral_is_a_first_response_and_refers_the_request()
    {
        var request = Submitted();
        request.Assign([_assignee], _duty, Now);

        request.Refer(Guid.NewGuid(), "funktion@av.example", new DateOnly(2026, 11, 27), "Arbetsvillkoren.", _assignee, Now.AddHours(5));

        request.Status.ShouldBe(SupportStatus.Referred);
        request.FirstResponseAt.ShouldBe(Now.AddHours(5));
    }

    [Fact]
    public void Only_an_answered_or_referred_request_closes_and_a_closed_one_takes_no_more_replies()
    {
        var request = Submitted();
        request.Assign([_assignee], _duty, Now);
        Should.Throw<DomainRuleException>(() => request.Close(_assignee, Now)).Code.ShouldBe("support.close.not-answered");

        request.Reply(_assignee, true, "Svar.", Now);
        request.Close(_assignee, Now.AddDays(1));

        request.Status.ShouldBe(SupportStatus.Closed);
        Should.Throw<DomainRuleException>(() => request.Reply(_asker, false, "Tack", Now.AddDays(2))).Code.ShouldBe("support.closed");
        Should.Throw<DomainRuleException>(() => request.Assign([_duty], _duty, Now.AddDays(2))).Code.ShouldBe("support.closed");
    }

    [Fact]
    public void With_a_child_concerned_the_assignee_confirms_social_services_before_closing()
    {
        var request = Submitted(child: true);
        request.Assign([_assignee], _duty, Now);
        request.Reply(_assignee, true, "Svar.", Now);

        Should.Throw<DomainRuleException>(() => request.Close(_assignee, Now)).Code.ShouldBe("support.close.social-services-unconfirmed");
        request.ConfirmSocialServices(true, _assignee);
        request.Close(_assignee, Now);

        request.SocialServicesInvolved.ShouldBe(true);
        request.Status.ShouldBe(SupportStatus.Closed);
    }

    [Fact]
    public void Social_services_are_confirmed_only_where_a_child_is_concerned()
    {
        Should.Throw<DomainRuleException>(() => Submitted().ConfirmSocialServices(true, _assignee)).Code.ShouldBe("support.social-services.no-child");
    }

    [Fact]
    public void Overdue_means_no_first_response_within_the_urgency_limit()
    {
        var today = Submitted(urgency: SupportUrgency.Today);

        today.IsOverdue(Now.AddHours(7)).ShouldBeFalse();
        today.IsOverdue(Now.AddHours(9)).ShouldBeTrue();
        today.Reply(_assignee, true, "Svar.", Now.AddHours(10));
        today.IsOverdue(Now.AddHours(11)).ShouldBeFalse();
        Submitted(urgency: SupportUrgency.NoRush).IsOverdue(Now.AddDays(13)).ShouldBeFalse();
    }

    [Fact]
    public void Erasure_takes_every_text_of_a_closed_request_and_keeps_what_the_figures_count()
    {
        var request = Submitted(child: true);
        request.Assign([_assignee], _duty, Now);
        request.Note(_assignee, "Intern anteckning.", Now);
        request.Refer(Guid.NewGuid(), "kontakt@polisen.example", new DateOnly(2026, 11, 27), "Brott.", _assignee, Now);
        request.Reply(_assignee, true, "Svar.", Now);
        request.ConfirmSocialServices(false, _assignee);
        Should.Throw<DomainRuleException>(() => request.Erase(Now)).Code.ShouldBe("support.erase.not-closed");
        request.Close(_assignee, Now);

        request.Erase(Now.AddYears(2));

        request.Question.ShouldBeEmpty();
        request.Replies.ShouldAllBe(r => r.Text == "");
        request.Notes.ShouldAllBe(n => n.Text == "");
        request.Referrals.ShouldAllBe(f => f.Reason == "" && f.Contact == null);
        request.ErasedAt.ShouldBe(Now.AddYears(2));
        request.Forms.ShouldBe([ExploitationForm.ForcedLabour]);
        (request.County, request.ChildConcerned, request.FirstResponseAt).ShouldBe((County.Skane, true, (DateTimeOffset?)Now));
        Should.Throw<DomainRuleException>(() => request.Note(_assignee, "Efteråt", Now)).Code.ShouldBe("support.erased");
    }

    [Theory]
    [InlineData(null, "support.question.required")]
    [InlineData("   ", "support.question.required")]
    [InlineData("Hon har personnummer 811218-9876.", "support.personal-identity-number")]
    public void A_bad_question_is_refused_beside_the_question(string? text, string code)
    {
        var refused = Should.Throw<DomainRuleException>(() => SupportRequest.Submit(
            new SupportAsker(_asker, Guid.NewGuid(), null, OrganisationKind.Ngo, null), Question(text), SupportChannel.Portal, null, 2026, 1, Now));

        refused.Code.ShouldBe(code);
        refused.Field.ShouldBe("support.question");
    }

    [Fact]
    public void An_identity_number_is_refused_in_every_free_text()
    {
        var request = Submitted();
        request.Assign([_assignee], _duty, Now);

        Should.Throw<DomainRuleException>(() => request.Reply(_assignee, true, "Gäller 7010632391", Now)).Field.ShouldBe("support.reply");
        Should.Throw<DomainRuleException>(() => request.Note(_assignee, "Gäller 701063-2391", Now)).Field.ShouldBe("support.note");
        Should.Throw<DomainRuleException>(() => request.Refer(Guid.NewGuid(), null, new DateOnly(2026, 1, 1), "811218-9876", _assignee, Now))
            .Field.ShouldBe("support.referral.reason");
        request.Replies.ShouldBeEmpty();
    }

    [Fact]
    public void A_logged_request_needs_an_organisation_and_a_functional_contact()
    {
        var logger = Guid.NewGuid();
        Should.Throw<DomainRuleException>(() => SupportRequest.Submit(new SupportAsker(null, null, null, OrganisationKind.StateAgency, "Växeln"),
            Question(), SupportChannel.Phone, logger, 2026, 1, Now)).Code.ShouldBe("support.organisation.required");
        Should.Throw<DomainRuleException>(() => SupportRequest.Submit(new SupportAsker(null, null, "Kommunen", OrganisationKind.Municipality, null),
            Question(), SupportChannel.Phone, logger, 2026, 1, Now)).Code.ShouldBe("support.contact.required");

        var logged = SupportRequest.Submit(new SupportAsker(null, null, "Ny kommun", OrganisationKind.Municipality, "Socialjouren, växeln"),
            Question(), SupportChannel.Email, logger, 2026, 1, Now);
        (logged.AskerOrganisationName, logged.Channel, logged.LoggedById).ShouldBe(("Ny kommun", SupportChannel.Email, (Guid?)logger));
    }

    [Fact]
    public void The_asker_adds_viewers_but_not_themselves_and_not_beyond_ten()
    {
        var request = Submitted();
        Should.Throw<DomainRuleException>(() => request.AddViewer(_asker, _asker, Now)).Code.ShouldBe("support.viewer.is-asker");
        for (var i = 0; i < SupportRequest.MaxViewers; i++)
            request.AddViewer(Guid.NewGuid(), _asker, Now);
        Should.Throw<DomainRuleException>(() => request.AddViewer(Guid.NewGuid(), _asker, Now)).Code.ShouldBe("support.viewers.too-many");
    }
}
