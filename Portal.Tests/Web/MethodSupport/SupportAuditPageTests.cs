using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.MethodSupport;

namespace Portal.Tests.Web.MethodSupport;

/// <summary>The administrators' audit page and the duty roster on the real use cases: the chain check, a
/// request's trail without its content, and who may see or change the roster.</summary>
public sealed class SupportAuditPageTests : PortalBunitContext
{
    private static readonly Guid Anna = DemoData.Personas.Administrator;
    private static readonly Guid Erik = DemoData.Personas.NmtLead;        // lead of NMT's workspace, on duty
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;     // on NMT's team, not a lead
    private static readonly Guid Sara = DemoData.IdFor("member:sara.nilsson");
    private static readonly Guid Ola = DemoData.IdFor("member:ola.svensson"); // social services: not NMT

    [Fact]
    public void An_administrator_verifies_the_chain_and_reads_that_it_is_intact()
    {
        SignInAs(Anna);
        var cut = Render<SupportAuditPage>();

        cut.WaitForElement("[data-testid=audit-verify]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=audit-chain-intact]").TextContent.ShouldContain("Kedjan är obruten"));
    }

    [Fact]
    public async Task An_administrator_reads_a_requests_trail_by_its_reference_without_any_of_its_text()
    {
        string question, doneSoFar;
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            var request = await db.SupportRequests.AsNoTracking().SingleAsync(r => r.Reference == DemoData.MethodSupport.OpenChildReference);
            (question, doneSoFar) = (request.Question, request.DoneSoFar ?? "");
        }
        // The member on duty reads it from an address of the documentation range: that read is in the trail.
        await Database.Get<SupportRequestService>().GetAsync(new Caller(Erik, "192.0.2.44"), DemoData.MethodSupport.OpenChildRequest);
        SignInAs(Anna);
        var cut = Render<SupportAuditPage>();

        cut.WaitForElement("input[data-testid=audit-reference]").Input(" ms-2026-0002 ");
        cut.Find("[data-testid=audit-trail-form]").Submit();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=audit-trail-line]").ShouldNotBeEmpty());
        cut.Find("[data-testid=audit-trail]").TextContent.ShouldContain(DemoData.MethodSupport.OpenChildReference);
        var viewed = cut.FindAll("[data-testid=audit-trail-line]").Single(l => l.GetAttribute("data-action") == "support.viewed");
        viewed.TextContent.ShouldContain("Läste ärendet");
        viewed.TextContent.ShouldContain("Erik Sandberg");
        viewed.TextContent.ShouldContain("192.0.2.44");
        cut.Markup.ShouldNotContain(question);
        if (doneSoFar.Length > 0)
            cut.Markup.ShouldNotContain(doneSoFar);
    }

    [Fact]
    public void An_unknown_reference_is_answered_beside_the_field_and_stays_typed()
    {
        SignInAs(Anna);
        var cut = Render<SupportAuditPage>();

        cut.WaitForElement("input[data-testid=audit-reference]").Input("MS-1999-9999");
        cut.Find("[data-testid=audit-trail-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=audit-trail-form]").QuerySelector(".mud-input-error").ShouldNotBeNull());
        cut.Find("input[data-testid=audit-reference]").GetAttribute("value").ShouldBe("MS-1999-9999");
        cut.FindAll("[data-testid=audit-trail]").ShouldBeEmpty();
    }

    [Fact]
    public void A_member_who_is_not_an_administrator_is_refused_and_sees_no_controls()
    {
        SignInAs(Erik);
        var cut = Render<SupportAuditPage>();

        cut.WaitForElement("[data-testid=audit-denied]");
        cut.FindAll("[data-testid=audit-verify]").ShouldBeEmpty();
        cut.FindAll("[data-testid=audit-trail-form]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_lead_of_NMT_puts_a_team_member_on_duty_with_a_switch_and_saves()
    {
        SignInAs(Erik);
        var cut = Render<SupportDeskPage>();

        cut.WaitForElement($"tr[data-member='{Sara}'] input[type=checkbox]").Change(true);
        cut.Find("[data-testid=desk-save]").Click();

        cut.WaitForElement("[data-testid=desk-saved]");
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var desk = await db.SupportDesks.AsNoTracking().SingleAsync();
        desk.DutyMemberIds.ShouldContain(Sara);
        desk.DutyMemberIds.ShouldContain(Erik);
    }

    [Fact]
    public void A_team_member_who_is_not_a_lead_sees_the_roster_without_switches()
    {
        SignInAs(Karin);
        var cut = Render<SupportDeskPage>();

        cut.WaitForElement("[data-testid=desk-read-only]");
        cut.FindAll("[data-testid=desk-member]").ShouldNotBeEmpty();
        cut.FindAll("input[type=checkbox]").ShouldBeEmpty();
        cut.FindAll("[data-testid=desk-save]").ShouldBeEmpty();
    }

    [Fact]
    public void Someone_outside_NMT_sees_no_roster()
    {
        SignInAs(Ola);
        var cut = Render<SupportDeskPage>();

        cut.WaitForElement("[data-testid=desk-not-available]");
        cut.FindAll("[data-testid=desk-member]").ShouldBeEmpty();
    }

    [Fact]
    public void An_administrator_sees_which_workspace_is_NMT_and_may_designate_another()
    {
        SignInAs(Anna);
        var cut = Render<SupportDeskPage>();

        cut.WaitForElement("[data-testid=desk-designation]");
        cut.Find("[data-testid=desk-designated]").TextContent.ShouldContain("är NMT");
        cut.FindAll("[data-testid=desk-member]").ShouldBeEmpty(); // an administrator is not on the team
    }
}
