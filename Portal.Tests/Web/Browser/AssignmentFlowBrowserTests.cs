using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Assignments from end to end, each person in a browser of their own: the secretariat registers an
/// assignment and plans three activities; the owner links a held meeting and a handled method-support request
/// to one of them; the report draft shows them; it is exported and marked as submitted; a later request linked
/// to the activity does not change the submitted report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssignmentFlowBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string RegistrationNumber = "Ju2026/09911/PO";

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseUrl = null!;

    public Task InitializeAsync()
    {
        _baseUrl = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Register_plan_link_report_export_submit_and_a_later_request_leaves_the_report_unchanged()
    {
        var year = DateTime.UtcNow.Year;

        // Anna, of the secretariat, registers the assignment.
        var anna = await SignInAsync("Anna Lindqvist");
        await anna.GotoAsync("assignments/new");
        await anna.WaitForInteractiveAsync();
        await anna.Locator("input[data-testid=assignment-registration-number]").FillAsync(RegistrationNumber);
        await anna.Locator("input[data-testid=assignment-ministry]").FillAsync("Justitiedepartementet");
        await anna.Locator("input[data-testid=assignment-title]").FillAsync("Uppdrag om stöd till yrkesverksamma");
        await anna.Locator("input[data-testid=assignment-decision-date]").FillAsync($"{year}-01-10");
        await anna.Locator("input[data-testid=assignment-period-start]").FillAsync($"{year}-01-01");
        await anna.Locator("input[data-testid=assignment-period-end]").FillAsync($"{year}-12-31");
        await anna.Locator("textarea[data-testid=assignment-part-text]").FillAsync("Ge metodstöd och samla myndigheterna.");
        await anna.Locator("input[data-testid=assignment-total-budget]").FillAsync("900 000");
        await anna.Locator("input[data-testid=assignment-repayment-deadline]").FillAsync($"{year + 1}-03-15");
        await anna.Locator("input[data-testid=assignment-report-deadline]").FillAsync($"{year + 1}-03-15");
        await anna.GetByTestId("assignment-save").ClickAsync();
        await Expect(anna.GetByTestId("assignment-registration-number")).ToHaveTextAsync(RegistrationNumber);
        var assignmentUrl = anna.Url;
        var assignmentId = Guid.Parse(assignmentUrl[(assignmentUrl.LastIndexOf('/') + 1)..]);

        // Three activities, Erik of NMT the owner of each.
        string[] titles = ["Metodstöd till socialtjänsten", "Nätverksträffar för myndigheterna", "Kampanj om arbetskraftsexploatering"];
        var activityUrls = new List<string>();
        foreach (var title in titles)
        {
            await anna.GotoAsync($"plan/activities/new?assignment={assignmentId}&year={year}");
            await anna.WaitForInteractiveAsync();
            await Expect(anna.GetByTestId("activity-part-1")).ToBeVisibleAsync();
            await anna.Locator("input[data-testid=activity-title]").FillAsync(title);
            await ChooseSuggestionAsync(anna, "input[data-testid=activity-owner]", "Erik", "Erik Sandberg");
            await anna.GetByTestId("activity-part-1").Locator("input").Or(anna.Locator("input[data-testid=activity-part-1]")).First.CheckAsync();
            await anna.GetByTestId("activity-save").ClickAsync();
            await Expect(anna.GetByTestId("activity-heading")).ToHaveTextAsync(title);
            activityUrls.Add(anna.Url);
        }
        await anna.GotoAsync($"plan?year={year}&view=table&assignment={assignmentId}");
        await anna.WaitForInteractiveAsync();
        await Expect(anna.GetByTestId("plan-table-row")).ToHaveCountAsync(3);

        // Erik links the NMT weekly meeting (held) and a method-support request to the first activity.
        var erik = await SignInAsync("Erik Sandberg");
        await erik.GotoAsync(activityUrls[0]);
        await erik.WaitForInteractiveAsync();
        await LinkAsync(erik, "Möte", "veckomöte", DemoData.Meetings.NmtWeekly);
        await LinkAsync(erik, "Metodstödsärende", DemoData.MethodSupport.OpenChildReference, DemoData.MethodSupport.OpenChildReference);
        await Expect(erik.GetByTestId("activity-link-title")).ToHaveCountAsync(2);

        // Anna makes the report draft: the activity shows the meeting held and the request.
        await anna.GotoAsync($"assignments/{assignmentId}/reports");
        await anna.WaitForInteractiveAsync();
        await anna.Locator("input[data-testid=report-new-from]").FillAsync($"{year}-01-01");
        await anna.Locator("input[data-testid=report-new-to]").FillAsync($"{year}-12-31");
        await anna.Locator("input[data-testid=report-new-title]").FillAsync($"Redovisning {year}");
        await anna.GetByTestId("report-new-create").ClickAsync();
        await anna.WaitForURLAsync(url => url.Contains("/reports/", StringComparison.Ordinal) && !url.EndsWith("/reports", StringComparison.Ordinal));
        await anna.WaitForInteractiveAsync();
        await Expect(anna.GetByTestId("report-registration-number")).ToContainTextAsync(RegistrationNumber);
        var linked = anna.GetByTestId("report-activity").Filter(new() { HasText = titles[0] });
        await Expect(linked.GetByTestId("report-meetings-held")).ToBeVisibleAsync();
        await Expect(linked.GetByTestId("report-support-requests")).ToBeVisibleAsync();
        var requestsBefore = await linked.GetByTestId("report-support-requests").InnerTextAsync();
        var meetingsBefore = await linked.GetByTestId("report-meetings-held").InnerTextAsync();
        var reportUrl = anna.Url;

        // Exported as Word and as Excel.
        var word = await anna.RunAndWaitForDownloadAsync(() => anna.GetByTestId("report-export-word").ClickAsync());
        word.SuggestedFilename.ShouldEndWith(".docx");
        var excel = await anna.RunAndWaitForDownloadAsync(() => anna.GetByTestId("report-export-excel").ClickAsync());
        excel.SuggestedFilename.ShouldEndWith(".xlsx");

        // Marked as submitted, with confirmation: frozen.
        await anna.GetByTestId("report-submit").ClickAsync();
        await Expect(anna.GetByTestId("report-confirm")).ToBeVisibleAsync();
        await anna.GetByTestId("report-submit-confirm").ClickAsync();
        await Expect(anna.GetByTestId("report-frozen")).ToBeVisibleAsync();

        // A later request, logged by the desk and linked to the same activity, does not change the report.
        var caller = new Caller(DemoData.IdFor("member:erik.sandberg"));
        var requests = _portal.Services.GetRequiredService<SupportRequestService>();
        var later = await requests.LogOnBehalfAsync(caller,
            new OutsideAsker(DemoData.IdFor("org:malmo-stad"), null, null, "Socialtjänstens mottagning"), Portal.Domain.MethodSupport.SupportChannel.Phone,
            new Portal.Domain.MethodSupport.SupportQuestion("Hur stöttar vi en vuxen som tvingas sälja narkotika?", null,
                [Portal.Domain.Directory.ExploitationForm.CriminalActivities], false, Portal.Domain.Directory.County.Skane,
                Portal.Domain.MethodSupport.SupportUrgency.NoRush, null));
        var activityId = Guid.Parse(activityUrls[0][(activityUrls[0].LastIndexOf('/') + 1)..]);
        await _portal.Services.GetRequiredService<ActivityPlanService>().LinkAsync(caller, activityId,
            Portal.Domain.Assignments.ActivityLinkKind.SupportRequest, later.Id);

        await anna.GotoAsync(reportUrl);
        await anna.WaitForInteractiveAsync();
        await Expect(anna.GetByTestId("report-frozen")).ToBeVisibleAsync();
        var frozen = anna.GetByTestId("report-activity").Filter(new() { HasText = titles[0] });
        await Expect(frozen.GetByTestId("report-support-requests")).ToHaveTextAsync(requestsBefore);
        await Expect(frozen.GetByTestId("report-meetings-held")).ToHaveTextAsync(meetingsBefore);
        await Expect(anna.GetByTestId("report-submit")).ToHaveCountAsync(0);
    }

    /// <summary>Chooses the kind, searches the picker and links the suggestion with that text.</summary>
    private static async Task LinkAsync(IPage page, string kind, string search, string suggestion)
    {
        await page.Locator(".mud-select:has([data-testid=activity-link-kind])").Or(page.Locator(".mud-select[data-testid=activity-link-kind]")).First.ClickAsync();
        var kindOption = page.GetByRole(AriaRole.Option).Filter(new() { HasText = kind });
        await Expect(kindOption.First).ToBeVisibleAsync();
        await kindOption.First.ClickAsync();
        await ChooseSuggestionAsync(page, "input[data-testid=activity-link-picker]", search, suggestion);
        await page.GetByTestId("activity-link-save").ClickAsync();
        await Expect(page.GetByTestId("activity-link-title").Filter(new() { HasText = suggestion })).ToBeVisibleAsync();
    }

    /// <summary>Types into an autocomplete as a person does, waits until the suggestions follow the typing (only
    /// matching ones left), takes the one with that text and checks the field shows it.</summary>
    private static async Task ChooseSuggestionAsync(IPage page, string selector, string typed, string suggestion)
    {
        var input = page.Locator(selector).First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync(typed);
        var suggestions = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(suggestions.Filter(new() { HasText = suggestion }).First).ToBeVisibleAsync();
        await Expect(suggestions.Filter(new() { HasNotText = suggestion })).ToHaveCountAsync(0);
        await suggestions.Filter(new() { HasText = suggestion }).First.ClickAsync();
        await Expect(input).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(suggestion)));
    }

    private async Task<IPage> SignInAsync(string persona)
    {
        var context = await browser.NewContextAsync(_baseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        return page;
    }
}
