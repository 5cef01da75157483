using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The workspace's own navigation and the reactions redesign in Chromium: each part at its own
/// address and without WCAG violations in both languages, and a reaction given with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspaceSectionsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await browser.NewContextAsync(_portal.StartOnLoopback());

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Theory]
    [InlineData("sv", "Diskussioner")]
    [InlineData("en", "Discussions")]
    public async Task Each_part_of_a_workspace_has_its_address_is_marked_current_and_its_navigation_has_no_violations(string culture, string discussions)
    {
        var page = await _context.NewPageAsync();
        await page.SignInAsync("Erik Sandberg");
        await page.GotoAsync($"culture/apply?culture={culture}&returnUrl=/");
        var nmt = $"workspaces/{DemoData.Workspaces.Nmt}";
        var report = new List<string>();

        foreach (var section in new[] { "", "discussions", "updates", "documents", "members" })
        {
            await page.GotoAsync(section.Length == 0 ? nmt : $"{nmt}/{section}");
            await page.WaitForInteractiveAsync();
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "NMT", Exact = false }).And(page.GetByTestId("workspace-sections"));
            await Expect(nav).ToBeVisibleAsync();
            await Expect(nav.Locator("[aria-current=page]")).ToHaveAttributeAsync("data-section", section);
            foreach (var violation in (await nav.RunAxe(Wcag21AA)).Violations)
                report.Add($"[{section}] {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target))}");
        }
        // The landmark's name tells it from the portal's own menu.
        var names = await page.Locator("nav").EvaluateAllAsync<string[]>("navs => navs.map(n => n.getAttribute('aria-label') ?? '')");
        names.Distinct().Count().ShouldBe(names.Length);

        // Following the link goes to the part's own address.
        await page.GetByTestId("section-link").Filter(new() { HasText = discussions }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{DemoData.Workspaces.Nmt}/discussions$"));
        await Expect(page.GetByTestId("thread-row").First).ToBeVisibleAsync();

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task A_reaction_is_chosen_with_the_keyboard_alone_and_Escape_returns_focus_to_the_add_button()
    {
        var threadId = (await _portal.Services.GetRequiredService<DiscussionService>().ListVisibleThreadsAsync(DemoData.Personas.NmtPolice))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var page = await _context.NewPageAsync();
        await page.SignInAsync("Karin Holm");
        await page.GotoAsync($"threads/{threadId}");
        await page.WaitForInteractiveAsync();
        var post = page.Locator("[data-sequence='2']");
        var add = post.GetByTestId("add-reaction");

        await add.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var options = post.GetByTestId("reaction-option");
        await Expect(options.First).ToBeFocusedAsync();
        await Expect(post.GetByTestId("reaction-menu")).ToHaveCountAsync(1);
        var menuScan = await post.GetByTestId("reactions").RunAxe(Wcag21AA);
        menuScan.Violations.Select(v => v.Id).ShouldBeEmpty();

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(options.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var chip = post.GetByTestId("reaction").And(post.Locator("[data-reaction='❤️']"));
        await Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(chip).ToHaveAttributeAsync("aria-label", "❤️ 1: Karin Holm");
        await Expect(add).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(options.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(post.GetByTestId("reaction-menu")).ToHaveCountAsync(0);
        await Expect(add).ToBeFocusedAsync();
    }
}
