using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>One portal for the composer's browser tests; each test has its own browser context
/// (its own localStorage) and its own texts.</summary>
public sealed class ComposerPortal : IAsyncLifetime
{
    public PortalWebFactory Portal { get; } = new(DatabaseProvider.Sqlite);

    public Uri BaseUrl { get; private set; } = null!;

    public Guid ThreadId { get; private set; }

    public async Task InitializeAsync()
    {
        BaseUrl = Portal.StartOnLoopback();
        ThreadId = (await Portal.Services.GetRequiredService<DiscussionService>().ListVisibleThreadsAsync(DemoData.Personas.NmtLead))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>What only a browser shows about the composer: drafts in localStorage across leaving
/// and reloading, the keys (Ctrl+Enter, the skip link, mentions by keyboard), a page that long
/// links do not widen, and a huge paste that stays in the field without dropping the connection.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposerBrowserTests(BrowserFixture browser, ComposerPortal portal) : IClassFixture<ComposerPortal>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private async Task<IPage> OpenThreadAsync(IBrowserContext context, string persona)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        await page.GotoAsync($"threads/{portal.ThreadId}");
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static ILocator Field(IPage page) => page.Locator("textarea[data-testid=\"composer\"]");

    [Fact]
    public async Task A_draft_survives_leaving_the_thread_and_a_reload_and_Ctrl_Enter_sends_and_forgets_it()
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await OpenThreadAsync(context, "Karin Holm");
        const string draft = "Ett utkast om bärplockarna som inte får försvinna.";

        await Field(page).PressSequentiallyAsync(draft);
        // Away through the portal's own navigation and back again.
        await page.Locator("a[href=\"/workspaces\"]").First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/workspaces", StringComparison.Ordinal));
        await page.GoBackAsync();
        await Expect(Field(page)).ToHaveValueAsync(draft);

        // A reload starts a new connection: the draft comes from the browser's storage.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(Field(page)).ToHaveValueAsync(draft);

        await Field(page).PressAsync("Control+Enter");
        await Expect(page.GetByTestId("post").Filter(new() { HasText = draft })).ToHaveCountAsync(1);
        await Expect(Field(page)).ToHaveValueAsync("");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("post").Filter(new() { HasText = draft })).ToHaveCountAsync(1);
        await Expect(Field(page)).ToHaveValueAsync("");
    }

    [Fact]
    public async Task By_keyboard_alone_the_skip_link_reaches_the_composer_and_a_mention_is_picked_and_posted_as_a_link()
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await OpenThreadAsync(context, "Karin Holm");

        // The skip link is the first thing in the page's content that takes focus.
        await page.Locator("main").EvaluateAsync("main => { main.tabIndex = -1; main.focus(); }");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("skip-to-composer")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Field(page)).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("Hej @");
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync(); // everyone who reads the thread, and NMT
        await page.Keyboard.TypeAsync("Ma");
        await Expect(Field(page)).ToHaveValueAsync("Hej @Ma");
        await Expect(options).ToHaveCountAsync(2);
        await Expect(Field(page)).ToHaveAttributeAsync("aria-activedescendant", await options.Nth(0).GetAttributeAsync("id") ?? "");

        var report = new List<string>();
        var scan = await page.GetByTestId("composer-area").RunAxe(Wcag21AA);
        foreach (var violation in scan.Violations)
            report.AddRange(violation.Nodes.Select(n => $"{violation.Id}: {n.Target} — {n.Html}"));
        report.ShouldBeEmpty();

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter"); // picks; no new line
        await Expect(Field(page)).ToHaveValueAsync("Hej @Mats Olsson ");
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.Keyboard.TypeAsync("kan du ta gränsfrågan?");
        await page.Keyboard.PressAsync("Control+Enter");

        var post = page.GetByTestId("post").Filter(new() { HasText = "kan du ta gränsfrågan?" });
        var mention = post.Locator("a.mention");
        await Expect(mention).ToHaveTextAsync("@Mats Olsson");
        await Expect(mention).ToHaveAttributeAsync("href", $"/directory/people/{DemoData.IdFor("member:mats.olsson"):D}");
        // Shown as a chip, not as plain text.
        (await mention.EvaluateAsync<string>("a => getComputedStyle(a).backgroundColor")).ShouldNotBe("rgba(0, 0, 0, 0)");
    }

    [Fact]
    public async Task A_297_character_bare_link_is_a_link_and_does_not_widen_the_page()
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await OpenThreadAsync(context, "Karin Holm");
        await page.SetViewportSizeAsync(1366, 768);
        const string start = "https://www.lansstyrelsen.se/stockholm/", end = "?sida=1";
        var link = start + new string('m', 297 - start.Length - end.Length) + end;
        link.Length.ShouldBe(297);

        await Field(page).FillAsync($"Underlaget: {link}");
        await page.GetByTestId("send-post").ClickAsync();

        var anchor = page.GetByTestId("post").Locator($"a[href=\"{link}\"]");
        await Expect(anchor).ToHaveAttributeAsync("rel", "nofollow noopener noreferrer");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);
    }

    [Fact]
    public async Task A_huge_paste_stays_in_the_field_with_the_excess_named_and_the_page_stays_connected()
    {
        await using var context = await browser.NewContextAsync(portal.BaseUrl);
        var page = await OpenThreadAsync(context, "Karin Holm");
        await Expect(page.Locator("textarea[data-testid=\"composer\"][data-composer-attached]")).ToBeAttachedAsync();

        // 200,000 characters: far more than the connection carries in one message.
        await Field(page).EvaluateAsync("""
            field => {
                field.focus();
                field.value = 'å'.repeat(200000);
                field.dispatchEvent(new Event('input', { bubbles: true }));
            }
            """);

        await Expect(page.Locator("[data-testid=composer-area] .mud-input-control").First).ToContainTextAsync("180000 tecken för mycket");
        (await Field(page).EvaluateAsync<int>("field => field.value.length")).ShouldBe(200_000);

        // Still live: shortening it and sending works on the same connection.
        await Field(page).FillAsync("Kortare nu.");
        await page.GetByTestId("send-post").ClickAsync();
        await Expect(page.GetByTestId("post").Filter(new() { HasText = "Kortare nu." })).ToHaveCountAsync(1);
    }
}
