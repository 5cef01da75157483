using Microsoft.Playwright;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The membership story end to end in Chromium, with two people in two separate browser
/// contexts: a regional coordinator asks to join NMT and NMT's lead approves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MembershipFlowBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private IBrowserContext _requester = null!;
    private IBrowserContext _lead = null!;

    public async Task InitializeAsync()
    {
        var baseUrl = _portal.StartOnLoopback();
        _requester = await browser.NewContextAsync(baseUrl);
        _lead = await browser.NewContextAsync(baseUrl);
    }

    public async Task DisposeAsync()
    {
        await _requester.DisposeAsync();
        await _lead.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Request_to_join_NMT_then_lead_approves_gives_requester_the_roster()
    {
        var nmt = $"workspaces/{DemoData.Workspaces.Nmt}";

        // A: Ola Svensson asks to join the closed NMT workspace with a message.
        var ola = await _requester.NewPageAsync();
        await ola.SignInAsync("Ola Svensson");
        await ola.GotoAsync(nmt);
        await ola.WaitForInteractiveAsync();
        await Expect(ola.GetByTestId("request-join")).ToBeVisibleAsync();
        await Expect(ola.GetByTestId("roster")).ToHaveCountAsync(0);
        await ola.GetByTestId("request-join").ClickAsync();
        await ola.Locator("textarea[data-testid=\"request-message\"], [data-testid=\"request-message\"] textarea").FillAsync("Jag samordnar ärenden i Skåne och behöver metodstöd.");
        await ola.GetByTestId("send-request").ClickAsync();
        await Expect(ola.GetByTestId("my-status")).ToContainTextAsync("Ansökan väntar");

        // B: NMT's lead sees the request in a browser of their own and approves it.
        var erik = await _lead.NewPageAsync();
        await erik.SignInAsync("Erik Sandberg");
        await erik.GotoAsync($"{nmt}/members");
        await erik.WaitForInteractiveAsync();
        var request = erik.GetByTestId("pending-requests").GetByTestId("pending-request").Filter(new() { HasText = "Ola Svensson" });
        await Expect(request).ToHaveCountAsync(1);
        await request.GetByTestId("approve-request").ClickAsync();
        await Expect(erik.GetByTestId("pending-requests").GetByTestId("pending-request").Filter(new() { HasText = "Ola Svensson" }))
            .ToHaveCountAsync(0);

        // A: Ola now sees NMT's members in its members part.
        await ola.GotoAsync($"{nmt}/members");
        await ola.WaitForInteractiveAsync();
        await Expect(ola.GetByTestId("roster").GetByTestId("roster-entry").Filter(new() { HasText = "Karin Holm" }))
            .ToHaveCountAsync(1);
    }
}
