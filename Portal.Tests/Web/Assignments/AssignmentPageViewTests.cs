using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Assignments;

namespace Portal.Tests.Web.Assignments;

/// <summary>An assignment's page, an activity's page and the menu's standing on the real use cases: the
/// secretariat sees the budget lines and records a requisition; an activity's owner sees the assignment
/// without any budget, updates the activity's progress and is offered no changes to its terms; anyone else is
/// told it is not found and sees nothing of it.</summary>
public sealed class AssignmentPageViewTests : PortalBunitContext
{
    private static readonly Guid Anna = DemoData.IdFor("member:anna.lindqvist"); // the secretariat
    private static readonly Guid Ola = DemoData.IdFor("member:ola.svensson");    // will own an activity
    private static readonly Guid Maria = DemoData.IdFor("member:maria.ek");      // neither staff nor owner

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<(Guid Assignment, Guid Activity)> ArrangeAsync(string registrationNumber)
    {
        var assignment = await AssignmentPageData.RegisterAsync(Database.Get<AssignmentService>(), new Caller(Anna), registrationNumber);
        var activity = await AssignmentPageData.PlanAsync(Database.Get<ActivityPlanService>(), new Caller(Anna), Ola, "Utbildning i Skåne", assignment);
        return (assignment, activity);
    }

    [Fact]
    public async Task The_secretariat_sees_the_budget_lines_and_records_a_requisition()
    {
        var (assignment, _) = await ArrangeAsync("S2027/00001/FST");
        SignInAs(Anna);
        var cut = Render<AssignmentPage>(p => p.Add(c => c.Id, assignment));
        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-budget]"));
        cut.Find("[data-testid=assignment-edit]");

        cut.Find("[data-testid=assignment-budget-record]").Click();
        cut.Find("input[data-testid=assignment-requisition-on]").Change("2027-09-01");
        cut.Find("input[data-testid=assignment-requisition-received]").Change("400 000");
        cut.Find("[data-testid=assignment-requisition-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-budget-requisitioned-on]").TextContent.ShouldBe("2027-09-01"));
        var view = await Database.Get<AssignmentService>().GetAsync(new Caller(Anna), assignment);
        view!.BudgetLines!.Single().AmountReceived.ShouldBe(400_000m);
    }

    [Fact]
    public async Task An_activity_owner_sees_the_assignment_with_its_parts_but_no_budget()
    {
        var (assignment, _) = await ArrangeAsync("S2027/00002/FST");
        SignInAs(Ola);
        var cut = Render<AssignmentPage>(p => p.Add(c => c.Id, assignment));

        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-registration-number]").TextContent.ShouldBe("S2027/00002/FST"));
        cut.FindAll("[data-testid=assignment-part]").Count.ShouldBe(2);
        cut.FindAll("[data-testid=assignment-budget]").ShouldBeEmpty();
        cut.FindAll("[data-testid=assignment-edit]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("Kammarkollegiet");
    }

    [Fact]
    public async Task Someone_neither_staff_nor_owner_is_told_the_assignment_and_the_activity_are_not_found()
    {
        var (assignment, activity) = await ArrangeAsync("S2027/00003/FST");
        SignInAs(Maria);

        var page = Render<AssignmentPage>(p => p.Add(c => c.Id, assignment));
        page.WaitForAssertion(() => page.Find("[data-testid=assignment-not-found]"));
        page.Markup.ShouldNotContain("S2027/00003/FST");

        var activityPage = Render<ActivityPage>(p => p.Add(c => c.Id, activity));
        activityPage.WaitForAssertion(() => activityPage.Find("[data-testid=activity-not-found]"));
        activityPage.Markup.ShouldNotContain("Utbildning i Skåne");
    }

    [Fact]
    public async Task The_owner_updates_the_progress_of_an_activity_but_is_not_offered_its_terms()
    {
        var (_, activity) = await ArrangeAsync("S2027/00004/FST");
        SignInAs(Ola);
        var cut = Render<ActivityPage>(p => p.Add(c => c.Id, activity));
        cut.WaitForAssertion(() => cut.Find("[data-testid=activity-progress]"));
        cut.FindAll("[data-testid=activity-edit]").ShouldBeEmpty();

        cut.Find("input[data-testid=activity-progress-spent]").Change("2 500");
        cut.Find("[data-testid=activity-progress-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=activity-progress-saved]"));
        var view = await Database.Get<ActivityPlanService>().GetAsync(new Caller(Ola), activity);
        view!.SpentCost.ShouldBe(2_500m);
    }

    [Fact]
    public async Task A_spent_cost_that_cannot_be_read_is_said_beside_it_and_kept()
    {
        var (_, activity) = await ArrangeAsync("S2027/00005/FST");
        SignInAs(Ola);
        var cut = Render<ActivityPage>(p => p.Add(c => c.Id, activity));
        cut.WaitForAssertion(() => cut.Find("[data-testid=activity-progress]"));

        cut.Find("input[data-testid=activity-progress-spent]").Change("tvåtusen");
        cut.Find("[data-testid=activity-progress-save]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=activity-progress-spent]").TextContent.ShouldContain("belopp"));
        cut.Find("input[data-testid=activity-progress-spent]").GetAttribute("value").ShouldBe("tvåtusen");
    }

    [Fact]
    public async Task An_activity_without_an_owner_is_refused_beside_the_owner_and_keeps_what_was_typed()
    {
        SignInAs(Anna);
        Navigation.NavigateTo("/plan/activities/new?year=2027");
        var cut = Render<ActivityFormPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=activity-save]"));

        cut.Find("input[data-testid=activity-title]").Change("Kampanj utan ägare");
        cut.Find("[data-testid=activity-save]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=activity-owner]").QuerySelector(".mud-input-error").ShouldNotBeNull());
        cut.Find("input[data-testid=activity-title]").GetAttribute("value").ShouldBe("Kampanj utan ägare");
        var rows = await Database.Get<ActivityPlanService>().ListAsync(new Caller(Anna), new PlanFilter(2027));
        rows.ShouldNotContain(r => r.Title == "Kampanj utan ägare");
    }

    [Fact]
    public async Task The_menu_entry_is_for_the_secretariat_and_for_owners_only()
    {
        var menu = Database.Get<AssignmentMenu>();
        (await menu.ForAsync(Maria)).ShowsEntry.ShouldBeFalse();
        // Sara (NMT, social services) is neither staff nor an owner; Ola also owns activities of the demo plan.
        (await menu.ForAsync(DemoData.IdFor("member:sara.nilsson"))).ShowsEntry.ShouldBeFalse();
        (await menu.ForAsync(Anna)).ShouldBe(new AssignmentMenuStanding(true, true, true));

        await ArrangeAsync("S2027/00006/FST");

        (await menu.ForAsync(Ola)).ShouldBe(new AssignmentMenuStanding(true, false, false));
        (await menu.ForAsync(Maria)).ShowsEntry.ShouldBeFalse();
    }
}
