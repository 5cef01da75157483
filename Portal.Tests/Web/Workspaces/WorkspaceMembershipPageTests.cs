using Bunit;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Workspaces;

namespace Portal.Tests.Web.Workspaces;

/// <summary>The workspace page as members in different standings see and use it, on the real use
/// cases and a real SQLite database with the demo data.</summary>
public sealed class WorkspaceMembershipPageTests : PortalBunitContext
{
    private static readonly Guid Nmt = DemoData.Workspaces.Nmt;
    private static readonly Guid Requester = DemoData.Personas.RegionalCoordinator;

    private WorkspaceService Workspaces => Database.Get<WorkspaceService>();

    /// <summary>The overview (my membership) or another part of the workspace, such as "members"
    /// (roster, requests and invitations).</summary>
    private IRenderedComponent<WorkspacePage> RenderNmt(string? section = null)
    {
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, Nmt).Add(x => x.Section, section));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=section-content][data-section='{section ?? ""}']"));
        return cut;
    }

    [Fact]
    public void Non_member_of_a_closed_workspace_sees_purpose_and_leads_but_no_roster()
    {
        SignInAs(Requester);

        var cut = RenderNmt();

        cut.Find("[data-testid=purpose]").TextContent.ShouldContain("Nationellt metodstödsteam");
        cut.Find("[data-testid=leads]").TextContent.ShouldContain("Erik Sandberg");
        cut.FindAll("[data-testid=roster]").ShouldBeEmpty();
        cut.FindAll("[data-testid=roster-entry]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("Karin Holm"); // an ordinary member, not a lead
        cut.Find("[data-testid=my-status]").TextContent.ShouldContain("Inte medlem");

        var members = RenderNmt("members");
        members.Find("[data-testid=roster-hidden]");
        members.FindAll("[data-testid=roster-entry]").ShouldBeEmpty();
        members.Markup.ShouldNotContain("Karin Holm");
    }

    [Fact]
    public async Task Request_with_a_message_gives_pending_status_on_the_page_and_in_the_service()
    {
        SignInAs(Requester);
        var cut = RenderNmt();

        cut.Find("[data-testid=request-join]").Click();
        var field = cut.FieldAround("textarea[data-testid=request-message]");
        field.QuerySelector("label")!.TextContent.ShouldBe("Meddelande till ledarna");
        cut.Find("textarea[data-testid=request-message]").Change("Jag är regionkoordinator i Syd och vill delta.");
        cut.Find("[data-testid=send-request]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=my-status]").TextContent.ShouldContain("Ansökan väntar"));
        cut.FindAll("[data-testid=request-form]").ShouldBeEmpty();
        var mine = (await Workspaces.GetAsync(Requester, Nmt)).Mine!;
        mine.Status.ShouldBe(MembershipStatus.Requested);
        mine.Message.ShouldBe("Jag är regionkoordinator i Syd och vill delta.");
    }

    [Fact]
    public async Task Lead_approves_a_pending_request_and_the_requester_then_sees_the_roster()
    {
        await Workspaces.RequestToJoinAsync(Requester, Nmt, "Jag vill delta i metodstödet.");
        SignInAs(DemoData.Personas.NmtLead);
        var asLead = RenderNmt("members");

        var request = asLead.Find("[data-testid=pending-requests] [data-testid=pending-request]");
        request.TextContent.ShouldContain("Ola Svensson");
        request.TextContent.ShouldContain("Jag vill delta i metodstödet.");
        request.QuerySelector("[data-testid=approve-request]")!.Click();

        asLead.WaitForAssertion(() => asLead.FindAll("[data-testid=pending-request]").ShouldBeEmpty());
        asLead.FindAll("[data-testid=roster-entry]").ShouldContain(e => e.TextContent.Contains("Ola Svensson"));

        SignInAs(Requester);
        var asRequester = RenderNmt();
        asRequester.Find("[data-testid=my-status]").TextContent.ShouldContain("Medlem");
        var roster = RenderNmt("members").FindAll("[data-testid=roster] [data-testid=roster-entry]");
        roster.ShouldContain(e => e.TextContent.Contains("Karin Holm"));
        roster.ShouldContain(e => e.TextContent.Contains("Ola Svensson"));
    }

    [Fact]
    public async Task Lead_withdraws_an_unanswered_invitation_and_the_invitee_can_no_longer_accept()
    {
        await Workspaces.InviteAsync(DemoData.Personas.NmtLead, Nmt, Requester, MembershipRole.Member);
        SignInAs(DemoData.Personas.NmtLead);
        var cut = RenderNmt("members");

        var invitation = cut.Find("[data-testid=pending-invitations] [data-testid=pending-invitation]");
        invitation.TextContent.ShouldContain("Ola Svensson");
        invitation.QuerySelector("[data-testid=cancel-invitation]")!.Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=pending-invitation]").ShouldBeEmpty());
        (await Workspaces.GetAsync(Requester, Nmt)).Mine!.Status.ShouldBe(MembershipStatus.Withdrawn);
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Workspaces.AcceptInvitationAsync(Requester, Nmt));
        refusal.Code.ShouldBe("membership.invitation.not-pending");
    }

    [Fact]
    public async Task Member_who_is_not_a_lead_sees_the_roster_but_no_requests_or_approve_buttons()
    {
        await Workspaces.RequestToJoinAsync(Requester, Nmt, "Jag vill delta.");
        SignInAs(DemoData.Personas.NmtPolice);

        var cut = RenderNmt("members");

        cut.FindAll("[data-testid=roster-entry]").ShouldNotBeEmpty();
        cut.FindAll("[data-testid=pending-requests]").ShouldBeEmpty();
        cut.FindAll("[data-testid=approve-request]").ShouldBeEmpty();
        cut.FindAll("[data-testid=decline-request]").ShouldBeEmpty();
        cut.FindAll("[data-testid=invite-form]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("Ola Svensson");
    }

    [Fact]
    public async Task Too_long_message_shows_the_rule_beside_the_field_keeps_the_text_and_sends_nothing()
    {
        SignInAs(Requester);
        var cut = RenderNmt();
        var text = new string('a', Membership.MessageMaxLength + 1);

        cut.Find("[data-testid=request-join]").Click();
        cut.Find("textarea[data-testid=request-message]").Change(text);
        cut.Find("[data-testid=send-request]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("textarea[data-testid=request-message]").TextContent
            .ShouldContain("Meddelandet får vara högst 1 000 tecken."));
        cut.Find("textarea[data-testid=request-message]").GetAttribute("value").ShouldBe(text);
        cut.Find("[data-testid=my-status]").TextContent.ShouldContain("Inte medlem");
        (await Workspaces.GetAsync(Requester, Nmt)).Mine.ShouldBeNull();
    }

    [Fact]
    public async Task Last_lead_leaving_is_refused_with_the_message_and_stays_lead()
    {
        SignInAs(DemoData.Personas.NmtLead);
        var cut = RenderNmt();

        cut.Find("[data-testid=leave]").Click();
        cut.Find("[data-testid=confirm-leave]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=membership-error]").TextContent
            .ShouldContain("Arbetsrummet måste ha minst en ledare"));
        cut.Find("[data-testid=my-status]").TextContent.ShouldContain("Medlem (Ledare)");
        (await Workspaces.GetAsync(DemoData.Personas.NmtLead, Nmt)).Mine!.Status.ShouldBe(MembershipStatus.Active);
    }

    [Fact]
    public async Task Lead_declines_with_a_reason_and_the_requester_sees_declined_and_the_reason()
    {
        await Workspaces.RequestToJoinAsync(Requester, Nmt, "Får jag vara med?");
        SignInAs(DemoData.Personas.NmtLead);
        var asLead = RenderNmt("members");

        asLead.Find("textarea[data-testid=decline-reason-input]").Change("NMT är fullt just nu; gå med i regionnätverket.");
        asLead.Find("[data-testid=decline-request]").Click();
        asLead.WaitForAssertion(() => asLead.FindAll("[data-testid=pending-request]").ShouldBeEmpty());

        SignInAs(Requester);
        var asRequester = RenderNmt();
        asRequester.Find("[data-testid=my-status]").TextContent.ShouldContain("Avböjd");
        asRequester.Find("[data-testid=decline-reason]").TextContent.ShouldContain("NMT är fullt just nu");
        asRequester.FindAll("[data-testid=request-join]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_request_withdrawn_meanwhile_leaves_the_leads_open_page_without_reload()
    {
        // The page follows membership events, so the lead no longer gets to decide a stale request.
        await Workspaces.RequestToJoinAsync(Requester, Nmt, null);
        SignInAs(DemoData.Personas.NmtLead);
        var cut = RenderNmt("members");
        cut.WaitForAssertion(() => cut.Find("[data-testid=approve-request]"));

        await Workspaces.WithdrawRequestAsync(Requester, Nmt);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=pending-request]").ShouldBeEmpty());
        (await Workspaces.GetAsync(Requester, Nmt)).Mine!.Status.ShouldBe(MembershipStatus.Withdrawn);
    }
}
