using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.MethodSupport;

/// <summary>Method support in a real Chromium, by keyboard alone (Tab, Enter, arrows, typing), in Swedish and in
/// English, with axe-core over each state on the way: triage (assigning from the queue), the assignee's work
/// (social services, reply, note, referral through the directory picker, closing), the asker sharing and
/// unsharing, the figures (another year, a download). And the two things only a browser shows: the client
/// address the circuit was reached from reaches the audit record, and an unshared colleague's open page loses
/// the request live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupportLiveBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private static readonly Guid UppsalaRequest = DemoData.IdFor("support:2026-0003");
    private static readonly string[] Loopback = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

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

    private SupportRequestService Requests => _portal.Services.GetRequiredService<SupportRequestService>();

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Triage_the_assignees_work_sharing_and_the_figures_work_by_keyboard_alone_and_pass_axe(string culture)
    {
        var report = new List<string>();

        // Triage: Erik, on duty, opens the Uppsala request from the queue and assigns it.
        var erik = await KeyboardSignInAsync("Erik Sandberg", culture);
        await LoadAsync(erik, "support");
        await ScanAsync(erik, "lists", report);
        await TabToAsync(erik, erik.GetByTestId("support-queue").Locator("[data-reference='MS-2026-0003'] [data-testid=support-row-link]"), 120);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("support-reference")).ToContainTextAsync("MS-2026-0003");
        await erik.WaitForInteractiveAsync();
        var assignTo = erik.Locator("input[data-testid=support-assign-select]").Or(erik.Locator(".mud-select:has([data-testid=support-assign-select]) input")).First;
        await TabToAsync(erik, assignTo);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await ScanAsync(erik, "assignee list open", report);
        await erik.Keyboard.PressAsync("ArrowDown");
        await erik.Keyboard.PressAsync("Enter");
        await erik.Keyboard.PressAsync("Escape");
        // Closing the list may leave the focus at the top of the page: room for the whole menu on the way.
        await TabToAsync(erik, erik.GetByTestId("support-assign"), 150);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("support-message")).ToBeVisibleAsync();
        var assigned = (await Requests.GetAsync(new Caller(DemoData.Personas.NmtLead), UppsalaRequest)).Assignees;
        assigned.ShouldNotBeEmpty();
        await Expect(erik.GetByTestId("support-assignees")).ToContainTextAsync(assigned[0].Name);
        await ScanAsync(erik, "assigned", report);

        // The assignee's work on the child request: social services, a reply, a note, a referral, closing.
        var johan = await KeyboardSignInAsync("Johan Berg", culture);
        await LoadAsync(johan, $"support/{DemoData.MethodSupport.OpenChildRequest}");
        await ScanAsync(johan, "request as the assignee", report);
        await TabToAsync(johan, johan.GetByTestId("support-social-yes"), 100);
        await johan.Keyboard.PressAsync("Enter");
        await Expect(johan.GetByTestId("support-message")).ToBeVisibleAsync();

        await TabToAsync(johan, johan.Locator("textarea[data-testid=support-reply-text]"), 100);
        await johan.Keyboard.TypeAsync("Kontakta socialjouren och polisens regionala grupp.");
        await TabToAsync(johan, johan.GetByTestId("support-reply-send"));
        await johan.Keyboard.PressAsync("Enter");
        await Expect(johan.GetByTestId("support-reply")).ToContainTextAsync("socialjouren");

        await TabToAsync(johan, johan.Locator("textarea[data-testid=support-note-text]"), 100);
        await johan.Keyboard.TypeAsync("Följ upp med ungdomsjouren på fredag.");
        await TabToAsync(johan, johan.GetByTestId("support-note-add"));
        await johan.Keyboard.PressAsync("Enter");
        await Expect(johan.GetByTestId("support-note")).ToContainTextAsync("ungdomsjouren");

        var organisation = johan.Locator("input[data-testid=support-refer-organisation]")
            .Or(johan.Locator(".mud-autocomplete:has([data-testid=support-refer-organisation]) input")).First;
        await TabToAsync(johan, organisation, 100);
        await johan.Keyboard.TypeAsync("Arbetsmiljöverket");
        await Expect(johan.GetByRole(AriaRole.Option).Filter(new() { HasText = "Arbetsmiljöverket" }).First).ToBeVisibleAsync();
        await ScanAsync(johan, "organisation picker open", report);
        await johan.Keyboard.PressAsync("Enter");
        await Expect(organisation).ToHaveValueAsync("Arbetsmiljöverket");
        await TabToAsync(johan, johan.Locator("textarea[data-testid=support-refer-reason]"));
        await johan.Keyboard.TypeAsync("Arbetsvillkoren behöver inspekteras.");
        await TabToAsync(johan, johan.GetByTestId("support-refer"));
        await johan.Keyboard.PressAsync("Enter");
        await Expect(johan.GetByTestId("support-referral-organisation")).ToContainTextAsync("Arbetsmiljöverket");
        await ScanAsync(johan, "answered and referred", report);

        await TabToAsync(johan, johan.GetByTestId("support-close"), 150);
        await johan.Keyboard.PressAsync("Enter");
        await Expect(johan.GetByTestId("support-close")).ToHaveCountAsync(0);
        (await Requests.GetAsync(new Caller(DemoData.IdFor("member:johan.berg")), DemoData.MethodSupport.OpenChildRequest)).Status
            .ShouldBe(SupportStatus.Closed);
        await ScanAsync(johan, "closed", report);

        // The asker shares her request with a colleague and stops again.
        var kristina = await KeyboardSignInAsync("Kristina Wennberg", culture);
        await LoadAsync(kristina, $"support/{UppsalaRequest}");
        var viewer = kristina.Locator("input[data-testid=support-viewer-search]")
            .Or(kristina.Locator(".mud-autocomplete:has([data-testid=support-viewer-search]) input")).First;
        await TabToAsync(kristina, viewer, 100);
        await kristina.Keyboard.TypeAsync("Ola Svensson");
        await Expect(kristina.GetByRole(AriaRole.Option).Filter(new() { HasText = "Ola Svensson" }).First).ToBeVisibleAsync();
        await kristina.Keyboard.PressAsync("Enter");
        await TabToAsync(kristina, kristina.GetByTestId("support-viewer-add"));
        await kristina.Keyboard.PressAsync("Enter");
        await Expect(kristina.GetByTestId("support-viewer")).ToContainTextAsync("Ola Svensson");
        await ScanAsync(kristina, "shared", report);
        await TabToAsync(kristina, kristina.GetByTestId("support-viewer-remove"), 100);
        await kristina.Keyboard.PressAsync("Enter");
        await Expect(kristina.GetByTestId("support-viewer")).ToHaveCountAsync(0);

        // The figures: another year, then a download.
        await LoadAsync(erik, "support/figures");
        var thisYear = DateTimeOffset.UtcNow.Year;
        // The year select's own focusable element (MudBlazor keeps the value in a hidden input): Tab until the focus is in it.
        await TabIntoAsync(erik, erik.Locator(".mud-select:has([data-testid=support-figures-year])").Or(erik.Locator(".mud-select[data-testid=support-figures-year]")).First);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await erik.Keyboard.PressAsync("ArrowDown");
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("support-figures-csv")).Not.ToHaveAttributeAsync("href", $"/support/figures/{thisYear}.csv");
        await ScanAsync(erik, "figures of another year", report);
        await TabToAsync(erik, erik.GetByTestId("support-figures-csv"));
        var download = await erik.RunAndWaitForDownloadAsync(() => erik.Keyboard.PressAsync("Enter"));
        download.SuggestedFilename.ShouldEndWith(".csv");

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task The_circuits_client_address_reaches_the_audit_record_and_an_unshared_colleague_loses_the_open_page()
    {
        await Requests.AddViewerAsync(new Caller(DemoData.IdFor("member:kristina.wennberg")), UppsalaRequest, DemoData.IdFor("member:ola.svensson"));
        var ola = await KeyboardSignInAsync("Ola Svensson", "sv");
        await LoadAsync(ola, $"support/{UppsalaRequest}");
        await Expect(ola.GetByTestId("support-question-text")).ToContainTextAsync("dokumenterar");

        await Requests.RemoveViewerAsync(new Caller(DemoData.IdFor("member:kristina.wennberg")), UppsalaRequest, DemoData.IdFor("member:ola.svensson"));

        await Expect(ola.GetByTestId("support-not-found")).ToContainTextAsync("inte längre tillgängligt");
        await Expect(ola.GetByTestId("support-question-text")).ToHaveCountAsync(0);

        // Erik reads the request and writes a note from the circuit: both records say where he was.
        var erik = await KeyboardSignInAsync("Erik Sandberg", "sv");
        await LoadAsync(erik, $"support/{UppsalaRequest}");
        await TabToAsync(erik, erik.Locator("textarea[data-testid=support-note-text]"), 120);
        await erik.Keyboard.TypeAsync("Ring tillbaka i morgon.");
        await TabToAsync(erik, erik.GetByTestId("support-note-add"));
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("support-note")).ToContainTextAsync("Ring tillbaka");

        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var records = await db.AuditRecords.AsNoTracking()
            .Where(a => a.ActorId == DemoData.Personas.NmtLead && a.SubjectKind == SupportSubjectKind.Name && a.SubjectId == UppsalaRequest)
            .ToListAsync();
        records.Where(a => a.Action == SupportAuditActions.Viewed).ShouldNotBeEmpty();
        records.Single(a => a.Action == SupportAuditActions.Noted).ClientAddress.ShouldBeOneOf(Loopback);
        records.ShouldAllBe(a => Loopback.Contains(a.ClientAddress));
    }

    private async Task<IPage> KeyboardSignInAsync(string persona, string culture)
    {
        var context = await browser.NewContextAsync(_baseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/signin");
        await TabToAsync(page, page.Locator($"button[data-persona=\"{persona}\"]"), 100);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.GotoAsync($"culture/apply?culture={culture}&returnUrl=/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task LoadAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Presses Tab until the target has the focus, as a keyboard user would, or fails.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 60)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < maxPresses && !await target.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1_000 });
    }

    /// <summary>Presses Tab until the focus is somewhere inside the container, or fails.</summary>
    private static async Task TabIntoAsync(IPage page, ILocator container, int maxPresses = 100)
    {
        await Expect(container).ToBeVisibleAsync();
        const string Inside = "e => e.contains(document.activeElement)";
        for (var presses = 0; presses < maxPresses && !await container.EvaluateAsync<bool>(Inside); presses++)
            await page.Keyboard.PressAsync("Tab");
        (await container.EvaluateAsync<bool>(Inside)).ShouldBeTrue("the focus never reached the control");
    }

    /// <summary>axe over the page as it is now (popovers painted first); each violation goes into the report.</summary>
    private static async Task ScanAsync(IPage page, string state, List<string> report)
    {
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-popover-open')].every(p => getComputedStyle(p).opacity === '1')");
        var result = await page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations)
        {
            var places = violation.Nodes.Take(3).Select(node => $"    at {node.Target} — {node.Html}");
            report.Add($"[{state}] {violation.Id} ({violation.Impact}): {violation.Help}" + Environment.NewLine + string.Join(Environment.NewLine, places));
        }
    }
}
