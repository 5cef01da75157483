using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

public sealed partial class AccessibilityBrowserTests
{
    /// <summary>An assignment of this year (its own registration number, so that the tests sharing the portal do
    /// not meet it) with a method-support activity under its part, and a draft report over the year.</summary>
    private async Task<(Guid AssignmentId, Guid ReportId)> ReportDraftAsync(string serial)
    {
        var services = portal.Portal.Services;
        var anna = new Caller(DemoData.Personas.Administrator);
        var year = DateTime.UtcNow.Year;
        var assignmentId = await services.GetRequiredService<AssignmentService>().RegisterAsync(anna, new AssignmentDraft(
            $"Fi{year}/{serial}/BA", "Uppdrag om metodstöd", "Finansdepartementet", new DateOnly(year, 1, 1), new DateOnly(year, 1, 1),
            new DateOnly(year, 12, 31), ["Ge metodstöd till myndigheter."], [], false, 200_000m,
            [new BudgetLineDraft(200_000m, "UO 2", "1:1", "ap.1", "Kammarkollegiet", new DateOnly(year, 6, 30))],
            new DateOnly(year + 1, 3, 1), new DateOnly(year + 1, 3, 1), null));
        var part = (await services.GetRequiredService<AssignmentService>().GetAsync(anna, assignmentId))!.Parts[0].Id;
        await services.GetRequiredService<ActivityPlanService>().PlanAsync(anna, new ActivityDraft(year, "Metodstöd under året", null,
            ActivityKind.MethodSupport, DemoData.Personas.NmtLead, assignmentId, [part], null, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
            ActivityStatus.InProgress, 100_000m, 10_000m, [], false));
        var reports = services.GetRequiredService<ReportService>();
        var reportId = await reports.CreateDraftAsync(anna, assignmentId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await reports.SaveTextAsync(anna, reportId, AssignmentReport.IntroKey, "# Bakgrund\n\nUppdraget gavs i januari.", 0);
        return (assignmentId, reportId);
    }

    /// <summary>The report pages: the list with the form for a new report (and its error beside the field), the
    /// draft with an open section editor and the submit confirmation, in Swedish and English.</summary>
    [Theory]
    [InlineData("sv", "00901")]
    [InlineData("en", "00902")]
    public async Task Report_pages_have_no_WCAG_violations(string culture, string serial)
    {
        var (assignmentId, reportId) = await ReportDraftAsync(serial);
        var report = new List<string>();
        var anna = await SignInAsync("Anna Lindqvist", culture);

        await LoadAsync(anna, $"assignments/{assignmentId}/reports");
        await Expect(anna.GetByTestId("report-list")).ToBeVisibleAsync();
        await anna.Locator("input[data-testid=report-new-from]").FillAsync($"{DateTime.UtcNow.Year - 1}-06-01");
        await anna.GetByTestId("report-new-create").ClickAsync();
        await Expect(anna.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(anna, "report list with a period refused", report);

        await LoadAsync(anna, $"reports/{reportId}");
        await Expect(anna.GetByTestId("report-activity")).ToBeVisibleAsync();
        await ScanAsync(anna, "draft report", report);
        await anna.GetByTestId("report-edit-closing").ClickAsync();
        await anna.GetByTestId("report-submit").ClickAsync();
        await Expect(anna.GetByTestId("report-confirm")).ToBeVisibleAsync();
        await ScanAsync(anna, "draft report with an editor and the confirmation open", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>Writing a section, downloading the Word document and marking the report as submitted, by keyboard alone.</summary>
    [Fact]
    public async Task A_report_is_written_exported_and_submitted_by_keyboard_alone()
    {
        var (_, reportId) = await ReportDraftAsync("00903");
        var page = await KeyboardSignInAsync("Anna Lindqvist");
        await page.GotoAsync($"reports/{reportId}");
        await page.WaitForInteractiveAsync();

        await TabToAsync(page, page.GetByTestId("report-edit-closing"), 120);
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, page.Locator("textarea[data-testid=report-text-closing]"));
        await page.Keyboard.TypeAsync("Arbetet fortsätter nästa år.");
        await TabToAsync(page, page.GetByTestId("report-save-closing"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("report-shown-closing")).ToContainTextAsync("Arbetet fortsätter nästa år.");

        await ShiftTabToAsync(page, page.GetByTestId("report-export-word"), 120);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        download.SuggestedFilename.ShouldEndWith(".docx");

        await TabToAsync(page, page.GetByTestId("report-submit"));
        await page.Keyboard.PressAsync("Enter");
        // The confirmation takes the focus to its own button.
        await Expect(page.GetByTestId("report-submit-confirm")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("report-frozen")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-edit-closing")).ToHaveCountAsync(0);
    }

    private static Task ShiftTabToAsync(IPage page, ILocator target, int maxPresses = 60) =>
        MoveFocusToAsync(page, target, "Shift+Tab", maxPresses);
}
