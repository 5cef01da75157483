using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Assignments;

namespace Portal.Tests.Web.Assignments;

/// <summary>The plan page: its filters live in the address, the timeline spans each activity's months, the
/// table sorts by a column, and an owner sees only their own activities.</summary>
public sealed class PlanPageTests : PortalBunitContext
{
    private static readonly Guid Anna = DemoData.IdFor("member:anna.lindqvist");
    private static readonly Guid Ola = DemoData.IdFor("member:ola.svensson");
    private static readonly Guid Elin = DemoData.IdFor("member:elin.ahmed");

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<Guid> ArrangeAsync()
    {
        var plan = Database.Get<ActivityPlanService>();
        var secretariat = new Caller(Anna);
        var assignment = await AssignmentPageData.RegisterAsync(Database.Get<AssignmentService>(), secretariat, "A2027/00777/ARM");
        await AssignmentPageData.PlanAsync(plan, secretariat, Ola, "Bitte Skåne", assignment, ActivityStatus.Done, 2, 4);
        await AssignmentPageData.PlanAsync(plan, secretariat, Ola, "Albin Skåne", assignment, ActivityStatus.InProgress, 5, 9);
        await AssignmentPageData.PlanAsync(plan, secretariat, Elin, "Cecilia Väst", null, ActivityStatus.Done, 10, 12);
        return assignment;
    }

    [Fact]
    public async Task The_status_in_the_address_filters_the_table()
    {
        await ArrangeAsync();
        SignInAs(Anna);
        Navigation.NavigateTo("/plan?year=2027&view=table&status=Done");
        var cut = Render<PlanPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-table]"));
        var titles = cut.FindAll("[data-testid=plan-table-row] [data-testid=plan-activity-link]").Select(a => a.TextContent).ToList();
        titles.ShouldContain("Bitte Skåne");
        titles.ShouldContain("Cecilia Väst");
        titles.ShouldNotContain("Albin Skåne");
    }

    [Fact]
    public async Task The_table_sorts_by_a_column_and_says_so_in_its_header()
    {
        var assignment = await ArrangeAsync();
        SignInAs(Anna);
        Navigation.NavigateTo($"/plan?year=2027&view=table&assignment={assignment}");
        var cut = Render<PlanPage>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=plan-table-row]").Count.ShouldBe(2));

        cut.Find("[data-testid=plan-sort-Title]").Click();

        cut.FindAll("[data-testid=plan-table-row] [data-testid=plan-activity-link]").Select(a => a.TextContent).ShouldBe(["Albin Skåne", "Bitte Skåne"]);
        cut.Find("[data-testid=plan-sort-Title]").Closest("th")!.GetAttribute("aria-sort").ShouldBe("ascending");
        cut.Find("[data-testid=plan-sort-Title]").Click();
        cut.FindAll("[data-testid=plan-table-row] [data-testid=plan-activity-link]").Select(a => a.TextContent).ShouldBe(["Bitte Skåne", "Albin Skåne"]);
        cut.Find("[data-testid=plan-sort-Title]").Closest("th")!.GetAttribute("aria-sort").ShouldBe("descending");
    }

    [Fact]
    public async Task The_timeline_spans_each_activity_over_its_months()
    {
        await ArrangeAsync();
        SignInAs(Anna);
        Navigation.NavigateTo("/plan?year=2027");
        var cut = Render<PlanPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-timeline]"));
        var row = cut.FindAll("[data-testid=plan-timeline-row]").Single(r => r.TextContent.Contains("Albin Skåne"));
        var cells = row.QuerySelectorAll("td").Select(td => int.Parse(td.GetAttribute("colspan") ?? "1")).ToList();
        // May to September: four months before it, five in it, three after.
        cells.ShouldBe([4, 5, 3]);
        row.QuerySelector("[data-testid=plan-bar]")!.TextContent.ShouldContain("2027-05-01");
    }

    [Fact]
    public async Task An_owner_sees_only_their_own_activities()
    {
        await ArrangeAsync();
        SignInAs(Elin);
        Navigation.NavigateTo("/plan?year=2027&view=table");
        var cut = Render<PlanPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-table]"));
        cut.FindAll("[data-testid=plan-table-row] [data-testid=plan-activity-link]").Select(a => a.TextContent).ShouldBe(["Cecilia Väst"]);
    }
}
