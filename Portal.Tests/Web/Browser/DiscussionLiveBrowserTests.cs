using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Real time in Chromium with two people in separate browser contexts on one portal:
/// what Erik writes reaches Karin's open pages without her reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiscussionLiveBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private IBrowserContext _writer = null!;
    private IBrowserContext _reader = null!;

    public async Task InitializeAsync()
    {
        var baseUrl = _portal.StartOnLoopback();
        _writer = await browser.NewContextAsync(baseUrl);
        _reader = await browser.NewContextAsync(baseUrl);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_post_reaches_the_other_members_thread_page_unread_badge_and_bell_without_reloading()
    {
        var discussions = _portal.Services.GetRequiredService<DiscussionService>();
        var notifications = _portal.Services.GetRequiredService<NotificationService>();
        var threadId = (await discussions.ListVisibleThreadsAsync(DemoData.Personas.NmtLead))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;

        var erik = await _writer.NewPageAsync();
        await erik.SignInAsync("Erik Sandberg");
        await erik.GotoAsync($"threads/{threadId}");
        await erik.WaitForInteractiveAsync();
        var karin = await _reader.NewPageAsync();
        await karin.SignInAsync("Karin Holm");
        await karin.GotoAsync($"threads/{threadId}");
        await karin.WaitForInteractiveAsync();
        // Both are on the thread, live: each page counts the other.
        await Expect(karin.GetByTestId("presence")).ToContainTextAsync("2 läser nu");
        await Expect(erik.GetByTestId("presence")).ToContainTextAsync("2 läser nu");

        // A writes; B's open thread page shows it.
        await PostAsync(erik, "Vi samordnar med Arbetsmiljöverket på torsdag.");
        await Expect(karin.GetByTestId("post").Filter(new() { HasText = "Vi samordnar med Arbetsmiljöverket på torsdag." }))
            .ToHaveCountAsync(1);
        await Expect(erik.Locator("textarea[data-testid=\"composer\"]")).ToHaveValueAsync("");

        // B moves to the workspace's discussions, where the thread has nothing unread (she has seen it all).
        await karin.GotoAsync($"workspaces/{DemoData.Workspaces.Nmt}/discussions");
        await karin.WaitForInteractiveAsync();
        var row = karin.GetByTestId("thread-row").Filter(new() { HasText = DemoData.Threads.NmtMethodSupport });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("thread-unread")).ToHaveCountAsync(0);

        await PostAsync(erik, "Migrationsverkets underlag har kommit in.");
        await Expect(row.GetByTestId("thread-unread")).ToHaveTextAsync("1");
        // The workspace's navigation counts it on the discussions part too.
        await Expect(karin.Locator("[data-testid=section-link][data-section=discussions] [data-testid=section-badge]")).ToHaveCountAsync(1);

        // The bell: what the service counts now, then one more when A mentions B.
        var before = await notifications.UnreadCountAsync(Karin);
        before.ShouldBeGreaterThan(0); // she follows her own thread, so the last post notified her
        await Expect(karin.GetByTestId("notification-count")).ToHaveTextAsync(before.ToString());

        await PostAsync(erik, $"@[Karin Holm](member:{Karin:D}) kan du kontrollera telefonnumren?");
        await Expect(karin.GetByTestId("notification-count")).ToHaveTextAsync((before + 1).ToString());
        await Expect(row.GetByTestId("thread-unread")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task A_huge_paste_is_refused_beside_the_composer_the_draft_stays_and_the_page_keeps_working()
    {
        var threadId = (await _portal.Services.GetRequiredService<DiscussionService>().ListVisibleThreadsAsync(Karin))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var karin = await _reader.NewPageAsync();
        await karin.SignInAsync("Karin Holm");
        await karin.GotoAsync($"threads/{threadId}");
        await karin.WaitForInteractiveAsync();
        var composer = karin.Locator("textarea[data-testid=\"composer\"]");
        // The composer's browser side holds back what the connection cannot carry.
        await Expect(karin.Locator("textarea[data-testid=\"composer\"][data-composer-attached]")).ToBeAttachedAsync();

        await composer.FillAsync(new string('x', 200_000));
        await karin.GetByTestId("send-post").ClickAsync();

        // Nothing is cut off: all of it stays, and the field says how much is too long.
        await Expect(karin.GetByTestId("composer-area")).ToContainTextAsync("180000 tecken för mycket");
        await Expect(karin.GetByTestId("composer-area")).ToContainTextAsync("högst 20 000 tecken");
        (await composer.EvaluateAsync<int>("el => el.value.length")).ShouldBe(200_000);
        // The circuit survived: a shortened text goes through.
        await PostAsync(karin, "Kortare version av inlägget.");
    }

    private static async Task PostAsync(IPage page, string text)
    {
        await page.Locator("textarea[data-testid=\"composer\"]").FillAsync(text);
        await page.GetByTestId("send-post").ClickAsync();
        await Expect(page.GetByTestId("post").Filter(new() { HasText = text.Length > 40 ? text[^30..] : text })).ToHaveCountAsync(1);
    }
}
