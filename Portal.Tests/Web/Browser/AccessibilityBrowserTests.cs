using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>One portal for all accessibility tests: demo data plus one notification for NMT's lead
/// (Karin mentions Erik in the NMT thread, then edits the post), so that the bell has something to list.</summary>
public sealed class AccessibilityPortal : IAsyncLifetime
{
    public PortalWebFactory Portal { get; } = new(DatabaseProvider.Sqlite);

    public Uri BaseUrl { get; private set; } = null!;

    public Guid ThreadId { get; private set; }

    /// <summary>Karin's post in the NMT thread, edited once, so that its lead sees a history and can remove it.</summary>
    public Guid EditedPostId { get; private set; }

    public async Task InitializeAsync()
    {
        BaseUrl = Portal.StartOnLoopback();
        var discussions = Portal.Services.GetRequiredService<DiscussionService>();
        ThreadId = (await discussions.ListVisibleThreadsAsync(DemoData.Personas.NmtLead))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var mention = await discussions.PostAsync(DemoData.Personas.NmtPolice, ThreadId,
            $"@[Erik Sandberg](member:{DemoData.Personas.NmtLead:D}) kan du titta på underlaget?");
        EditedPostId = mention.PostId;
        await discussions.EditPostAsync(DemoData.Personas.NmtPolice, EditedPostId,
            $"@[Erik Sandberg](member:{DemoData.Personas.NmtLead:D}) kan du titta på underlaget i dag?");
        // A notification for Johan, whose bell the keyboard test opens (Erik's is scanned by axe).
        await discussions.PostAsync(DemoData.Personas.NmtLead, ThreadId,
            $"@[Johan Berg](member:{DemoData.IdFor("member:johan.berg"):D}) har du läst domen?");
        // A pending request for the NMT lead to decide on.
        await Portal.Services.GetRequiredService<WorkspaceService>().RequestToJoinAsync(
            DemoData.Personas.RegionalCoordinator, DemoData.Workspaces.Nmt, "Jag samordnar region Syd.");
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>axe-core (WCAG 2.1 A and AA rules) over the pages and states of the shared mechanisms:
/// search with results, filters and a date error, notification preferences, the open bell, and the
/// mute buttons on a workspace and a thread — in Swedish and in English. Each state is loaded once.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityBrowserTests(BrowserFixture browser, AccessibilityPortal portal)
    : IClassFixture<AccessibilityPortal>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Search_notification_and_mute_states_have_no_WCAG_violations(string culture)
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("Erik Sandberg");
        // The same cookie the language switch sets.
        await page.GotoAsync($"culture/apply?culture={culture}&returnUrl=/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var report = new List<string>();

        await LoadAsync(page, "search?q=barn");
        await Expect(page.GetByTestId("search-hit").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("person-hit").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hit-part").First).ToBeVisibleAsync();
        await ScanAsync(page, "search results", report);

        await LoadAsync(page, $"search?q=barn&workspace={DemoData.Workspaces.Nmt}&kind=thread&form=ForcedLabour&child=true&from=2025-01-01&to=2030-12-31");
        await Expect(page.GetByTestId("filter-clear")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("search-count")).ToBeVisibleAsync();
        await ScanAsync(page, "search with filters", report);

        await LoadAsync(page, "search?q=barn&from=2026-06-01&to=2026-01-01");
        await Expect(page.GetByTestId("search-filters").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "search with the date order error", report);

        await LoadAsync(page, "profile/notifications");
        await Expect(page.GetByTestId("preference").First).ToBeVisibleAsync();
        await ScanAsync(page, "notification preferences", report);

        await page.Locator(".notification-bell-activator").ClickAsync();
        await Expect(page.GetByTestId("notification").First).ToBeVisibleAsync();
        // The menu fades in: axe measures colours as painted, so wait until it is fully opaque.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-popover-open')].some(p => getComputedStyle(p).opacity === '1')");
        await ScanAsync(page, "notification bell open", report);

        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}");
        await Expect(page.GetByTestId("mute-button")).ToBeVisibleAsync();
        await ScanAsync(page, "workspace page with mute button", report);

        await LoadAsync(page, $"threads/{portal.ThreadId}");
        await Expect(page.GetByTestId("mute-button")).ToBeVisibleAsync();
        await ScanAsync(page, "thread page with mute button", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task A_notification_preference_changed_with_the_keyboard_alone_is_saved()
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("Karin Holm");
        await LoadAsync(page, "profile/notifications");
        var firstPortalBox = page.GetByTestId("preference").First.Locator("input[type=checkbox][data-testid=preference-portal], [data-testid=preference-portal] input[type=checkbox]");
        var wasOn = await firstPortalBox.IsCheckedAsync();

        // Tab through the page (skip link, header, menu) to the first in-portal check box.
        for (var presses = 0; presses < 40 && !await IsFocusedAsync(firstPortalBox); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(firstPortalBox).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByTestId("preferences-saved")).ToBeVisibleAsync();

        await LoadAsync(page, "profile/notifications");
        if (wasOn)
            await Expect(firstPortalBox).Not.ToBeCheckedAsync();
        else
            await Expect(firstPortalBox).ToBeCheckedAsync();
    }

    private static async Task LoadAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    private static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("element => element === document.activeElement");

    /// <summary>Runs axe on the page as it is now and adds each violation, with where it is (the first
    /// few places, and how many there are), to the report.</summary>
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
