using Microsoft.Playwright;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>axe-core (WCAG 2.1 A and AA) over every page and its main states — dialogs and pickers
/// open, forms with errors — in Swedish and in English, each state loaded once per language and
/// grouped by the persona who can see it. Any violation fails the test, listed with where it is.</summary>
public sealed partial class AccessibilityBrowserTests : IAsyncLifetime
{
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
    public async Task Anonymous_pages_have_no_WCAG_violations(string culture)
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"culture/apply?culture={culture}&returnUrl=/account/signin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var report = new List<string>();

        await Expect(page.Locator("button[data-persona]").First).ToBeVisibleAsync();
        await ScanAsync(page, "sign-in page", report);

        await page.GotoAsync("account/not-connected?reason=disabled");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await ScanAsync(page, "not-connected page", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>The pages every member sees, as NMT's lead (Erik): home, lists, the directory, the
    /// profile with an error, search and the not-found page.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Member_pages_have_no_WCAG_violations(string culture)
    {
        var page = await SignInAsync("Erik Sandberg", culture);
        var report = new List<string>();

        await LoadAsync(page, "");
        await Expect(page.GetByTestId("my-workspaces")).ToBeVisibleAsync();
        await ScanAsync(page, "home", report);

        await LoadAsync(page, "workspaces");
        await Expect(page.GetByTestId("workspace-card").First).ToBeVisibleAsync();
        await ScanAsync(page, "workspace list", report);

        await LoadAsync(page, "directory/people?q=a&county=Stockholm&form=SexualPurposes");
        await Expect(page.GetByTestId("person-hit").Or(page.GetByTestId("person")).First).ToBeVisibleAsync();
        await ScanAsync(page, "people search with filters", report);

        await LoadAsync(page, "directory/organisations");
        await page.GetByTestId("organisation-text").FillAsync("polis");
        await Expect(page.GetByTestId("organisation").First).ToBeVisibleAsync();
        await ScanAsync(page, "organisation search with a filter", report);

        await LoadAsync(page, $"directory/people/{DemoData.Personas.NmtPolice}");
        await Expect(page.GetByTestId("person-details")).ToBeVisibleAsync();
        await ScanAsync(page, "person page", report);

        await LoadAsync(page, $"directory/organisations/{DemoData.IdFor("org:polisen-noa")}");
        await Expect(page.GetByTestId("organisation-people")).ToBeVisibleAsync();
        await ScanAsync(page, "organisation page", report);

        await LoadAsync(page, "profile");
        await page.GetByTestId("profile-phone").FillAsync(new string('1', 200));
        await page.GetByTestId("profile-save").ClickAsync();
        await Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "my profile with a validation error", report);

        await LoadAsync(page, "search");
        await Expect(page.GetByTestId("search-query")).ToBeVisibleAsync();
        await ScanAsync(page, "empty search", report);

        await LoadAsync(page, "no-such-page/anywhere"); // an unknown address, signed in
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await ScanAsync(page, "not-found page", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>A workspace and a thread as their lead: pending requests, the invite form, the
    /// new-thread form with errors, the update composer with an error, and a thread with the reply
    /// composer, the preview, the mention picker with suggestions, a post's history and the remove form.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Workspace_and_thread_states_have_no_WCAG_violations(string culture)
    {
        var page = await SignInAsync("Erik Sandberg", culture);
        var report = new List<string>();

        // The workspace's own parts (ADR 0021): overview, members (requests, invite form), discussions, updates.
        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}");
        await Expect(page.GetByTestId("workspace-sections")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("leads")).ToBeVisibleAsync();
        await ScanAsync(page, "workspace overview", report);

        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}/members");
        await Expect(page.GetByTestId("pending-request").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("invite-form")).ToBeVisibleAsync();
        await ScanAsync(page, "workspace members as lead (requests, invite form)", report);

        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}/discussions");
        await Expect(page.GetByTestId("thread-row").First).ToBeVisibleAsync();
        await page.GetByTestId("new-thread").ClickAsync();
        await page.GetByTestId("start-thread").ClickAsync();
        await Expect(page.GetByTestId("new-thread-form").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "workspace discussions with the new-thread form's errors", report);

        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}/updates");
        await Expect(page.GetByTestId("update-composer")).ToBeVisibleAsync();
        await page.GetByTestId("post-update").ClickAsync();
        await Expect(page.GetByTestId("update-composer").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "workspace updates with the composer's error", report);

        await LoadAsync(page, $"threads/{portal.ThreadId}");
        await Expect(page.GetByTestId("composer")).ToBeVisibleAsync();
        await ScanAsync(page, "thread page", report);

        await page.GetByTestId("add-reaction").First.ClickAsync();
        await Expect(page.GetByTestId("reaction-menu").First).ToBeVisibleAsync();
        await WaitForPopoversAsync(page);
        await ScanAsync(page, "thread page with the reaction menu open", report);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("reaction-menu")).ToHaveCountAsync(0);

        var edited = page.Locator($"#post-{portal.EditedPostId}");
        await edited.GetByTestId("reply").ClickAsync();
        await Expect(page.GetByTestId("reply-composer")).ToBeVisibleAsync();
        await page.GetByTestId("reply-composer").FillAsync("**Ja**, jag tittar i dag. ");
        await page.GetByTestId("reply-composer").PressAsync("End");
        // Suggestions as one types (the composer's listbox of people who read the thread).
        await page.Keyboard.TypeAsync("@Kar");
        var replyArea = page.GetByTestId("reply-composer-area");
        await Expect(replyArea.GetByTestId("mention-option").First).ToBeVisibleAsync();
        await ScanAsync(page, "reply composer with mention suggestions open", report);
        await page.Keyboard.PressAsync("Escape");
        await replyArea.GetByTestId("preview-toggle").ClickAsync();
        await Expect(replyArea.GetByTestId("preview")).ToBeVisibleAsync();
        await WaitForPopoversAsync(page);
        await ScanAsync(page, "reply composer with its preview", report);

        await edited.GetByTestId("post-history").ClickAsync();
        await Expect(edited.GetByTestId("revision").First).ToBeVisibleAsync();
        await edited.GetByTestId("remove-post").ClickAsync();
        await Expect(edited.GetByTestId("remove-form")).ToBeVisibleAsync();
        await edited.GetByTestId("confirm-remove").ClickAsync();
        await Expect(edited.GetByTestId("remove-form").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "post history and remove form with an error", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>A closed workspace as someone outside it (Fatima): the request form, then with an error.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Request_form_has_no_WCAG_violations(string culture)
    {
        var page = await SignInAsync("Fatima Ali", culture);
        var report = new List<string>();

        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}");
        await page.GetByTestId("request-join").ClickAsync();
        await Expect(page.GetByTestId("request-form")).ToBeVisibleAsync();
        await ScanAsync(page, "closed workspace with the request form", report);

        await page.GetByTestId("request-message").FillAsync(new string('x', 5000));
        await page.GetByTestId("send-request").ClickAsync();
        await Expect(page.GetByTestId("request-form").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "request form with an error", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>Administration as Anna: each tab, the forms with errors, and the appoint-lead form.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Administration_states_have_no_WCAG_violations(string culture)
    {
        var page = await SignInAsync("Anna Lindqvist", culture);
        var report = new List<string>();
        var tabs = page.GetByTestId("admin-tabs").GetByRole(AriaRole.Tab);

        await LoadAsync(page, "admin");
        await Expect(page.GetByTestId("organisation-row").First).ToBeVisibleAsync();
        await ScanAsync(page, "admin: organisations", report);

        await page.GetByTestId("new-organisation").ClickAsync();
        await page.GetByTestId("save-organisation").ClickAsync();
        await Expect(page.GetByTestId("organisation-form").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "admin: organisation form with errors", report);

        await tabs.Nth(1).ClickAsync();
        await Expect(page.GetByTestId("admin-workspace-row").First).ToBeVisibleAsync();
        await ScanAsync(page, "admin: workspaces", report);

        await page.GetByTestId("admin-workspace-row").First.GetByRole(AriaRole.Button).Nth(1).ClickAsync();
        await Expect(page.GetByTestId("appoint-lead-form")).ToBeVisibleAsync();
        await ScanAsync(page, "admin: appoint lead", report);

        await page.GetByTestId("new-workspace").ClickAsync();
        await page.GetByTestId("save-workspace").ClickAsync();
        await Expect(page.GetByTestId("workspace-form").Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(page, "admin: workspace form with errors", report);

        await tabs.Nth(2).ClickAsync();
        await Expect(page.GetByTestId("admin-member-row").First).ToBeVisibleAsync();
        await ScanAsync(page, "admin: members", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
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

    /// <summary>MudBlazor's popovers fade in; axe measures colours as painted, so wait until they are opaque.</summary>
    private static Task WaitForPopoversAsync(IPage page) =>
        page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-popover-open')].every(p => getComputedStyle(p).opacity === '1')");
}
