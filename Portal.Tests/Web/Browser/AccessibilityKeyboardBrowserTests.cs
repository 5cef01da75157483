using System.Text.Json;
using Microsoft.Playwright;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The main flows with the keyboard alone (Tab, Enter, Escape, arrows and typing; no clicks):
/// signing in, switching language, joining and asking to join a workspace, starting a thread, writing a
/// post, the bell and the search. Also where focus goes after a change, and that focus is visible.</summary>
public sealed partial class AccessibilityBrowserTests
{
    [Fact]
    public async Task Signing_in_and_switching_language_work_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Mats Olsson");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Mats Olsson");

        var culture = await page.Locator("html").GetAttributeAsync("lang");
        var other = culture == "en" ? "sv" : "en";
        await TabToAsync(page, page.GetByTestId("language-switch"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", other);
        await page.WaitForInteractiveAsync();

        // And back, which also leaves the persona's saved choice as it was.
        await TabToAsync(page, page.GetByTestId("language-switch"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture!);
    }

    [Fact]
    public async Task Joining_and_asking_to_join_work_by_keyboard_and_focus_lands_on_the_new_standing()
    {
        var page = await KeyboardSignInAsync("Jonas Karlsson");

        // Home → the workspace list through the menu → an open workspace, all by Tab and Enter.
        await TabToAsync(page, page.Locator("nav a[href=\"/workspaces\"]"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/workspaces", StringComparison.Ordinal));
        var open = page.GetByTestId("workspace-card").Filter(new() { HasText = "Informationsnätverket" })
            .Locator($"h2 a[href=\"/workspaces/{DemoData.Workspaces.InformationNetwork}\"]");
        await TabToAsync(page, open, 120);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/workspaces/{DemoData.Workspaces.InformationNetwork}");
        // The navigation puts the focus on the heading; Tab starts from there. (On a freshly started node that
        // focus can arrive after a fast keyboard user already pressed Enter on the join button, and the join is
        // then lost: a known open problem, so the test waits for the heading as a member would see it.)
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await TabToAsync(page, page.GetByTestId("join"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("leave")).ToBeVisibleAsync();
        // Not the page body: the standing that replaced the button.
        await Expect(page.GetByTestId("my-status")).ToBeFocusedAsync();

        // A closed workspace: the request form opens with its field focused, and sending leaves the focus on the standing.
        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Lamp}");
        await TabToAsync(page, page.GetByTestId("request-join"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("request-message")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Jag arbetar med människohandelsärenden i Västra Götaland.");
        await TabToAsync(page, page.GetByTestId("send-request"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("withdraw-request")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("my-status")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_heading_takes_the_focus_after_a_navigation_only_while_the_member_has_not_moved_it()
    {
        var page = await KeyboardSignInAsync("Jonas Karlsson");
        // The module the portal imports on its first render, so the same instance with its click listener.
        const string FocusHeading = "async () => (await import('./js/focus.js')).focusHeadingUnlessMoved('h1')";

        // Moved by the member (Tab, or here focus()) to somewhere on the new page: left alone.
        await page.GetByTestId("language-switch").FocusAsync();
        Assert.False(await page.EvaluateAsync<bool>(FocusHeading));
        await Expect(page.GetByTestId("language-switch")).ToBeFocusedAsync();

        // Still on the link that started the navigation (a menu link stays on the page): the heading.
        await page.Locator("nav a[href=\"/workspaces\"]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/workspaces", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        // Nowhere (the body, as when the pressed element is gone): the heading.
        await page.EvaluateAsync("() => document.activeElement.blur()");
        Assert.True(await page.EvaluateAsync<bool>(FocusHeading));
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Starting_a_thread_opening_one_and_posting_work_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Sara Nilsson");
        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}/discussions");

        await TabToAsync(page, page.GetByTestId("new-thread"));
        await page.Keyboard.PressAsync("Enter");
        // The form's first field, not the page body.
        await Expect(page.GetByTestId("thread-title")).ToBeFocusedAsync();

        var thread = page.GetByTestId("thread-row").Filter(new() { HasText = DemoData.Threads.NmtMethodSupport })
            .Locator("a[href^=\"/threads/\"]").First;
        await TabToAsync(page, thread, 120);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/threads/{portal.ThreadId}");
        await page.WaitForInteractiveAsync();

        var text = $"Skrivet med tangentbordet {Guid.NewGuid():N}";
        await TabToAsync(page, page.GetByTestId("composer"), 300);
        await page.Keyboard.TypeAsync(text);
        await TabToAsync(page, page.GetByTestId("send-post"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("post-body").Filter(new() { HasText = text })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_bell_opens_by_keyboard_by_the_bell_closes_on_Escape_and_opens_a_notification()
    {
        var page = await KeyboardSignInAsync("Johan Berg");
        var bell = BellActivator(page);

        await TabToAsync(page, bell);
        await page.Keyboard.PressAsync("Enter");
        var notification = page.GetByTestId("notification").First;
        await Expect(notification).ToBeVisibleAsync();
        await WaitForPopoversAsync(page);

        // Anchored below the bell, right edges together, and not over the header.
        var bellBox = (await bell.BoundingBoxAsync())!;
        var headerBox = (await page.Locator("header.mud-appbar").BoundingBoxAsync())!;
        var menuBox = (await page.Locator(".mud-popover-open").Filter(new() { Has = page.GetByTestId("notification") }).BoundingBoxAsync())!;
        menuBox.Y.ShouldBeGreaterThanOrEqualTo(headerBox.Y + headerBox.Height - 1, "the menu covers the header");
        menuBox.Y.ShouldBeLessThan(headerBox.Y + headerBox.Height + 24, "the menu opens far below the bell");
        Math.Abs(menuBox.X + menuBox.Width - (bellBox.X + bellBox.Width)).ShouldBeLessThan(24, "the menu is not aligned with the bell");

        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("notification")).ToHaveCountAsync(0);
        await Expect(bell).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(notification).ToBeVisibleAsync();
        // The mention in the demo thread (other tests may have given Johan notifications about meetings).
        var mention = page.GetByTestId("notification").Filter(new() { HasText = DemoData.Threads.NmtMethodSupport }).First;
        await MoveFocusToAsync(page, mention, "ArrowDown", 10);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/threads/{portal.ThreadId}**");
    }

    [Fact]
    public async Task Searching_works_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Maria Ek");
        await TabToAsync(page, page.Locator("#app-search-q"));
        await page.Keyboard.TypeAsync("barn");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=barn");
        await Expect(page.GetByTestId("search-hit").First).ToBeVisibleAsync();
    }

    /// <summary>Each control named in the finding shows a focus ring of at least 2 px that stands out
    /// 3:1 from what is behind it: the header's bell, language and sign-out buttons, a menu link, a
    /// reaction and "Svara".</summary>
    [Fact]
    public async Task Focus_is_visible_on_header_buttons_menu_links_reactions_and_reply()
    {
        var page = await KeyboardSignInAsync("Erik Sandberg");
        await LoadAsync(page, $"threads/{portal.ThreadId}");
        var report = new List<string>();

        var controls = new (string Name, ILocator Control)[]
        {
            ("bell", BellActivator(page)),
            ("language switch", page.GetByTestId("language-switch")),
            ("sign out", page.Locator("form[action=\"/account/signout\"] button[type=\"submit\"]")),
            ("menu link", page.Locator("nav a[href=\"/workspaces\"]")),
            ("reaction", page.GetByTestId("reactions").First.GetByRole(AriaRole.Button).First),
            ("reply", page.GetByTestId("reply").First),
        };
        foreach (var (name, control) in controls)
        {
            await TabToAsync(page, control, 200);
            var ring = await control.EvaluateAsync<JsonElement>(FocusRingScript);
            var style = ring.GetProperty("style").GetString();
            var width = ring.GetProperty("width").GetDouble();
            var contrast = ring.GetProperty("contrast").GetDouble();
            if (style is "none" or "hidden" || width < 2 || contrast < 3)
                report.Add($"{name}: outline {style} {width}px {ring.GetProperty("color").GetString()} on {ring.GetProperty("background").GetString()} ({contrast:0.0}:1)");
        }

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>The focused element's outline, and its contrast against the first opaque background behind it.</summary>
    private const string FocusRingScript = """
        element => {
            const style = getComputedStyle(element);
            const channels = colour => (colour.match(/[\d.]+/g) || []).map(Number);
            const luminance = ([r, g, b]) => {
                const linear = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
            };
            let background = 'rgb(255, 255, 255)';
            for (let node = element.parentElement; node; node = node.parentElement) {
                const colour = getComputedStyle(node).backgroundColor;
                const c = channels(colour);
                if (c.length === 3 || (c.length === 4 && c[3] > 0)) { background = colour; break; }
            }
            const a = luminance(channels(style.outlineColor)), b = luminance(channels(background));
            return {
                style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0, color: style.outlineColor,
                background, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
            };
        }
        """;

    /// <summary>The bell's focusable element: MudBlazor's activator wrapper around our icon and count.</summary>
    private static ILocator BellActivator(IPage page) => page.Locator(":has(> .notification-bell-activator)");

    /// <summary>Signs in with the demo persona picker by keyboard: Tab to the persona, Enter.</summary>
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

    private static Task TabToAsync(IPage page, ILocator target, int maxPresses = 60) =>
        MoveFocusToAsync(page, target, "Tab", maxPresses);

    /// <summary>Presses the key until the target has the focus (as a keyboard user would), or fails.</summary>
    private static async Task MoveFocusToAsync(IPage page, ILocator target, string key, int maxPresses)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < maxPresses && !await IsFocusedAsync(target); presses++)
            await page.Keyboard.PressAsync(key);
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1_000 });
    }
}
