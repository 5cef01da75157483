using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Persistence;
using Portal.Web.Components.Live;
using static Microsoft.Playwright.Assertions;
using static Portal.Tests.Support.AccessLossChanges;

namespace Portal.Tests.Web.Browser;

/// <summary>Open pages in Chromium react when their member loses access (issue 7, findings 2 and 3):
/// a removed member's thread page says it is gone and stops showing who reads; a disabled
/// organisation's member is taken to the sign-in and their circuit no longer acts for them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveAccessBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private IBrowserContext _erik = null!;
    private IBrowserContext _karin = null!;

    public async Task InitializeAsync()
    {
        var baseUrl = _portal.StartOnLoopback();
        _erik = await browser.NewContextAsync(baseUrl);
        _karin = await browser.NewContextAsync(baseUrl);
    }

    public async Task DisposeAsync()
    {
        await _erik.DisposeAsync();
        await _karin.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private async Task<IPage> OnThreadAsync(IBrowserContext context, string persona, Guid threadId)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        await page.GotoAsync($"threads/{threadId}");
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task A_removed_members_open_thread_page_loses_the_thread_and_its_presence()
    {
        var thread = await NmtThreadAsync(_portal.Services);
        var erik = await OnThreadAsync(_erik, "Erik Sandberg", thread);
        var karin = await OnThreadAsync(_karin, "Karin Holm", thread);
        await Expect(erik.GetByTestId("presence")).ToContainTextAsync("2 läser nu");
        await Expect(karin.GetByTestId("presence")).ToContainTextAsync("2 läser nu");

        await RemoveKarinFromNmtAsync(_portal.Services);

        await Expect(karin.GetByTestId("load-error")).ToContainTextAsync("Tråden finns inte eller så har du inte tillgång till den.");
        await Expect(karin.GetByTestId("posts")).ToHaveCountAsync(0);
        await Expect(karin.GetByTestId("presence")).ToHaveCountAsync(0);
        await Expect(erik.GetByTestId("presence")).ToContainTextAsync("1 läser nu");
    }

    [Fact]
    public async Task Disabling_the_organisation_takes_its_members_open_page_to_the_sign_in_and_ends_the_circuit()
    {
        var thread = await NmtThreadAsync(_portal.Services);
        var circuits = _portal.Services.GetRequiredService<MemberCircuits>();
        var karin = await OnThreadAsync(_karin, "Karin Holm", thread);
        circuits.OpenFor(Karin).ShouldBeGreaterThan(0);
        var ended = WhenNoCircuit(circuits, Karin);

        await DisableKarinsOrganisationAsync(_portal.Services);

        await karin.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
        await Expect(karin.GetByTestId("posts")).ToHaveCountAsync(0);
        await ended;
    }

    private static Task WhenNoCircuit(MemberCircuits circuits, Guid memberId)
    {
        var none = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        circuits.Changed += changed =>
        {
            if (changed == memberId && circuits.OpenFor(memberId) == 0)
                none.TrySetResult();
        };
        return none.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
