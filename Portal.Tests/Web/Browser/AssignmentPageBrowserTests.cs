using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Assignments;
using Portal.Domain.Directory;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>A portal of its own for the assignment pages: demo data plus one assignment (with a budget line and
/// two parts) and two activities owned by Ola Svensson, one of them under the assignment.</summary>
public sealed class AssignmentPagePortal : IAsyncLifetime
{
    public static readonly Guid Anna = DemoData.IdFor("member:anna.lindqvist");
    public static readonly Guid Ola = DemoData.IdFor("member:ola.svensson");
    public const string RegistrationNumber = "Ju2026/04711/PO";

    public PortalWebFactory Portal { get; } = new(DatabaseProvider.Sqlite);
    public Uri BaseUrl { get; private set; } = null!;
    public Guid AssignmentId { get; private set; }
    public Guid ActivityId { get; private set; }
    public int Year { get; private set; }

    public async Task InitializeAsync()
    {
        BaseUrl = Portal.StartOnLoopback();
        Year = DateTime.UtcNow.Year;
        var secretariat = new Caller(Anna);
        AssignmentId = await Portal.Services.GetRequiredService<AssignmentService>().RegisterAsync(secretariat, new AssignmentDraft(
            RegistrationNumber, "Uppdrag att förstärka arbetet mot människohandel", "Justitiedepartementet",
            new DateOnly(Year, 1, 15), new DateOnly(Year, 1, 15), new DateOnly(Year, 12, 31),
            ["Ta fram vägledning för yrkesverksamma.", "Genomföra regionala utbildningar."], [], true, 300_000m,
            [new BudgetLineDraft(300_000m, "UO 4", "1:6", "ap.1", "Kammarkollegiet", new DateOnly(Year, 9, 15))],
            new DateOnly(Year + 1, 3, 15), new DateOnly(Year + 1, 3, 15), null));
        var plan = Portal.Services.GetRequiredService<ActivityPlanService>();
        var assignment = await Portal.Services.GetRequiredService<AssignmentService>().GetAsync(secretariat, AssignmentId);
        ActivityId = await plan.PlanAsync(secretariat, new ActivityDraft(
            Year, "Regional utbildning Syd", "Två utbildningsdagar för socialtjänsten i Skåne.", ActivityKind.Training, Ola, AssignmentId,
            [assignment!.Parts[1].Id], null, new DateOnly(Year, 3, 1), new DateOnly(Year, 6, 30), ActivityStatus.InProgress, 40_000m, 5_000m,
            [ExploitationForm.ForcedLabour], true));
        await plan.PlanAsync(secretariat, new ActivityDraft(
            Year, "Nätverksträff Syd", "Länsnätverkets träffar.", ActivityKind.Network, Ola, null, [], null,
            new DateOnly(Year, 9, 1), new DateOnly(Year, 11, 30), ActivityStatus.Planned, 10_000m, 0m, [], false));
        // Ended five days ago and still in progress: overdue on the deadlines overview, whatever the day the tests run.
        var overdueEnd = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5);
        await plan.PlanAsync(secretariat, new ActivityDraft(
            overdueEnd.Year, OverdueActivity, "Uppföljning av länsnätverket i Norrbotten.", ActivityKind.Network, Anna, null, [], null,
            overdueEnd.AddDays(-30), overdueEnd, ActivityStatus.InProgress, 5_000m, 0m, [], false));
    }

    public const string OverdueActivity = "Uppföljning Norr";

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>The assignment pages in a browser: axe-core over every page and state (sv and en), and the
/// secretariat's and an owner's work by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssignmentPageBrowserTests(BrowserFixture browser, AssignmentPagePortal portal)
    : IClassFixture<AssignmentPagePortal>, IAsyncLifetime
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Assignment_and_plan_pages_have_no_WCAG_violations(string culture)
    {
        var report = new List<string>();
        var anna = await SignInAsync("Anna Lindqvist", culture);

        await LoadAsync(anna, "assignments");
        await Expect(anna.GetByTestId("assignment-row").First).ToBeVisibleAsync();
        await Expect(anna.GetByTestId("nav-assignments")).ToBeVisibleAsync();
        await ScanAsync(anna, "assignment list", report);

        await LoadAsync(anna, "assignments/new");
        await anna.GetByTestId("assignment-line-add").ClickAsync();
        await anna.Locator("input[data-testid=assignment-registration-number]").FillAsync("fel nummer");
        await anna.GetByTestId("assignment-save").ClickAsync();
        await Expect(anna.GetByTestId("assignment-form-error")).ToBeVisibleAsync();
        await ScanAsync(anna, "register form with errors beside the fields", report);

        await LoadAsync(anna, $"assignments/{portal.AssignmentId}");
        await Expect(anna.GetByTestId("assignment-budget")).ToBeVisibleAsync();
        await anna.GetByTestId("assignment-budget-record").ClickAsync();
        await Expect(anna.GetByTestId("assignment-requisition-form")).ToBeVisibleAsync();
        await ScanAsync(anna, "assignment with budget lines and the requisition form", report);

        await LoadAsync(anna, $"assignments/{portal.AssignmentId}/edit");
        await Expect(anna.GetByTestId("assignment-budget-line")).ToBeVisibleAsync();
        await ScanAsync(anna, "change form", report);

        await LoadAsync(anna, $"plan?year={portal.Year}");
        await Expect(anna.GetByTestId("plan-timeline")).ToBeVisibleAsync();
        await ScanAsync(anna, "plan timeline", report);

        await LoadAsync(anna, $"plan?year={portal.Year}&view=table&status=InProgress&assignment={portal.AssignmentId}");
        await Expect(anna.GetByTestId("plan-table-row")).ToHaveCountAsync(1);
        await ScanAsync(anna, "plan table filtered", report);

        await LoadAsync(anna, $"plan/activities/new?assignment={portal.AssignmentId}");
        await Expect(anna.GetByTestId("activity-parts")).ToBeVisibleAsync();
        await ScanAsync(anna, "activity form", report);

        await LoadAsync(anna, $"plan/activities/{portal.ActivityId}");
        await Expect(anna.GetByTestId("activity-link-add")).ToBeVisibleAsync();
        await ScanAsync(anna, "activity as the secretariat", report);

        await LoadAsync(anna, "assignments/deadlines");
        await Expect(anna.GetByTestId("deadlines-ahead").Or(anna.GetByTestId("deadlines-ahead-empty"))).ToBeVisibleAsync();
        await ScanAsync(anna, "deadlines", report);

        await LoadAsync(anna, "coordinator");
        await Expect(anna.GetByTestId("dashboard-status")).ToBeVisibleAsync();
        await ScanAsync(anna, "coordinator's overview", report);

        var ola = await SignInAsync("Ola Svensson", culture);
        await LoadAsync(ola, $"plan/activities/{portal.ActivityId}");
        await Expect(ola.GetByTestId("activity-progress")).ToBeVisibleAsync();
        await ScanAsync(ola, "activity as its owner", report);
        await LoadAsync(ola, $"assignments/{portal.AssignmentId}");
        await Expect(ola.GetByTestId("assignment-parts")).ToBeVisibleAsync();
        await ScanAsync(ola, "assignment as an owner", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>The menu entry, the plan's table sorted and an activity opened, all with the keyboard.</summary>
    [Fact]
    public async Task The_plan_is_reached_sorted_and_an_activity_opened_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Anna Lindqvist");
        await TabToAsync(page, page.GetByTestId("nav-assignments"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("assignment-row").First).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        await page.GotoAsync($"plan?year={portal.Year}&view=table&owner={AssignmentPagePortal.Ola}"); // the demo plan has activities this year too
        await page.WaitForInteractiveAsync();
        await TabToAsync(page, page.GetByTestId("plan-sort-Title"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("th[aria-sort=ascending] [data-testid=plan-sort-Title]")).ToBeVisibleAsync();
        // Ola owns two activities of the demo plan as well; ours two keep their order among them.
        await Expect(page.GetByTestId("plan-activity-link").Filter(new() { HasText = "Nätverksträff Syd" })).ToBeVisibleAsync();
        var titles = (await page.GetByTestId("plan-activity-link").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        titles.IndexOf("Nätverksträff Syd").ShouldBeLessThan(titles.IndexOf("Regional utbildning Syd"));

        await TabToAsync(page, page.GetByTestId("plan-activity-link").Filter(new() { HasText = "Regional utbildning Syd" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("activity-heading")).ToHaveTextAsync("Regional utbildning Syd");
    }

    /// <summary>The coordinator's overview and the deadlines with the keyboard alone: a status count opens the plan
    /// filtered by that status, "all deadlines" opens the overview, and an overdue activity is opened from there.</summary>
    [Fact]
    public async Task The_overview_and_the_deadlines_are_followed_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Anna Lindqvist");
        await page.GotoAsync("coordinator");
        await page.WaitForInteractiveAsync();
        await TabToAsync(page, page.GetByTestId("dashboard-status-table").Locator("a[href*='status=Planned']"), 150);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/plan\\?.*status=Planned"));
        await Expect(page.GetByTestId("plan-activity-link").Filter(new() { HasText = "Nätverksträff Syd" })).ToBeVisibleAsync();

        await page.GotoAsync("coordinator");
        await page.WaitForInteractiveAsync();
        await TabToAsync(page, page.GetByTestId("dashboard-deadlines").Locator($"a[href='{Portal.Web.Features.Assignments.AssignmentLinks.Deadlines}']"), 200);
        await page.Keyboard.PressAsync("Enter");
        var overdue = page.GetByTestId("deadlines-overdue").GetByRole(AriaRole.Link, new() { Name = AssignmentPagePortal.OverdueActivity });
        await Expect(overdue).ToBeVisibleAsync();
        await Expect(page.GetByTestId("deadlines-overdue").GetByTestId("deadline-row").Filter(new() { HasText = AssignmentPagePortal.OverdueActivity }).GetByTestId("deadline-overdue-mark")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await TabToAsync(page, overdue, 200);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("activity-heading")).ToHaveTextAsync(AssignmentPagePortal.OverdueActivity);
    }

    /// <summary>The owner sets the status and the spent cost with the keyboard alone.</summary>
    [Fact]
    public async Task An_owner_updates_an_activitys_progress_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Ola Svensson");
        await page.GotoAsync($"plan/activities/{portal.ActivityId}");
        await page.WaitForInteractiveAsync();

        await ChooseAsync(page, "activity-progress-status", "Genomförd");
        await TabToAsync(page, page.Locator("input[data-testid=activity-progress-spent]"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("12 500");
        await TabToAsync(page, page.GetByTestId("activity-progress-save"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("activity-progress-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("activity-spent-shown")).ToContainTextAsync("12");
        var view = await portal.Portal.Services.GetRequiredService<ActivityPlanService>().GetAsync(new Caller(AssignmentPagePortal.Ola), portal.ActivityId);
        view!.SpentCost.ShouldBe(12_500m);
    }

    /// <summary>The secretariat registers a decision with the keyboard alone: text, days, a part and a budget
    /// line, and lands on its page.</summary>
    [Fact]
    public async Task The_secretariat_registers_an_assignment_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Anna Lindqvist");
        await page.GotoAsync("assignments/new");
        await page.WaitForInteractiveAsync();

        await TypeInAsync(page, "input[data-testid=assignment-registration-number]", "A2026/00815/ARM");
        await TypeInAsync(page, "input[data-testid=assignment-ministry]", "Arbetsmarknadsdepartementet");
        await TypeInAsync(page, "input[data-testid=assignment-title]", "Uppdrag om arbetskraftsexploatering");
        await TypeDayAsync(page, "input[data-testid=assignment-decision-date]", new DateOnly(portal.Year, 2, 1));
        await TypeDayAsync(page, "input[data-testid=assignment-period-start]", new DateOnly(portal.Year, 2, 1));
        await TypeDayAsync(page, "input[data-testid=assignment-period-end]", new DateOnly(portal.Year, 12, 31));
        await TypeInAsync(page, "textarea[data-testid=assignment-part-text]", "Kartlägga arbetskraftsexploatering i länen.");
        await TypeInAsync(page, "input[data-testid=assignment-total-budget]", "500 000");
        await TabToAsync(page, page.GetByTestId("assignment-line-add"));
        await page.Keyboard.PressAsync("Enter");
        await TypeInAsync(page, "input[data-testid=assignment-line-amount]", "500 000");
        await TypeInAsync(page, "input[data-testid=assignment-line-area]", "UO 14");
        await TypeInAsync(page, "input[data-testid=assignment-line-appropriation]", "1:1");
        await TypeInAsync(page, "input[data-testid=assignment-line-item]", "ap.1");
        await TypeInAsync(page, "input[data-testid=assignment-line-from]", "Kammarkollegiet");
        await TypeDayAsync(page, "input[data-testid=assignment-line-by]", new DateOnly(portal.Year, 6, 1));
        await Expect(page.GetByTestId("assignment-budget-sum")).ToBeVisibleAsync();
        await TypeDayAsync(page, "input[data-testid=assignment-repayment-deadline]", new DateOnly(portal.Year + 1, 3, 15));
        await TypeDayAsync(page, "input[data-testid=assignment-report-deadline]", new DateOnly(portal.Year + 1, 3, 15));
        await TabToAsync(page, page.GetByTestId("assignment-save"));
        await page.Keyboard.PressAsync("Enter");

        // The page of the new assignment, or the form's own account of what it refused.
        await Expect(page.GetByTestId("assignment-heading").Or(page.GetByTestId("assignment-form-error"))).ToBeVisibleAsync();
        if (await page.GetByTestId("assignment-form-error").IsVisibleAsync())
            (await page.GetByTestId("assignment-form").InnerTextAsync()).ShouldBeNull("the form refused the assignment");
        await Expect(page.GetByTestId("assignment-registration-number")).ToHaveTextAsync("A2026/00815/ARM");
        await Expect(page.GetByTestId("assignment-budget-line")).ToHaveCountAsync(1);
    }

    private static Task ChooseAsync(IPage page, string testId, string choice) => KeyboardLists.ChooseAsync(page, testId, choice);

    private async Task TypeInAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, page.Locator(selector).First, 120);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>A date input takes its parts as digits in the browser's order (en-US: month, day, year).</summary>
    private async Task TypeDayAsync(IPage page, string selector, DateOnly day)
    {
        await TabToAsync(page, page.Locator(selector).First, 120);
        await page.Keyboard.TypeAsync(day.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator(selector).First).ToHaveValueAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<IPage> SignInAsync(string persona, string culture)
    {
        var context = await browser.NewContextAsync(portal.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        await page.GotoAsync($"culture/apply?culture={culture}&returnUrl=/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        return page;
    }

    private async Task<IPage> KeyboardSignInAsync(string persona)
    {
        var context = await browser.NewContextAsync(portal.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/signin");
        await TabToAsync(page, page.Locator($"button[data-persona=\"{persona}\"]"), 100);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task LoadAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 80)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < maxPresses && !await target.EvaluateAsync<bool>("element => element === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1_000 });
    }

    private static async Task ScanAsync(IPage page, string state, List<string> report)
    {
        var result = await page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations)
        {
            var places = violation.Nodes.Take(3).Select(node =>
                $"    at {node.Target} — {node.Html} — {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}");
            report.Add($"[{state}] {violation.Id} ({violation.Impact}) on {violation.Nodes.Length} element(s): {violation.Help}"
                + Environment.NewLine + string.Join(Environment.NewLine, places));
        }
    }
}
