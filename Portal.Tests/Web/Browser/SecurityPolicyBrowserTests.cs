using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Security finding 8 in a real browser: under the portal's Content-Security-Policy the
/// sign-in, home and thread pages load, Blazor's circuit and the hub connect, and the browser
/// reports no violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityPolicyBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await browser.NewContextAsync(_portal.StartOnLoopback());

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Sign_in_home_and_thread_pages_work_with_no_policy_violation()
    {
        var threadId = (await _portal.Services.GetRequiredService<DiscussionService>().ListVisibleThreadsAsync(DemoData.Personas.NmtPolice))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var page = await _context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{page.Url}: {message.Text}");
        };
        // The page's own record of violations, kept across the SPA's navigations in sessionStorage.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => {
                const seen = JSON.parse(sessionStorage.getItem('csp-violations') || '[]');
                seen.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI);
                sessionStorage.setItem('csp-violations', JSON.stringify(seen));
            });
            """);

        await page.SignInAsync("Karin Holm");
        await Expect(page.Locator("h1")).ToContainTextAsync("Karin Holm");
        await page.GotoAsync($"threads/{threadId}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(DemoData.Threads.NmtMethodSupport);

        var recorded = await page.EvaluateAsync<string[]>("JSON.parse(sessionStorage.getItem('csp-violations') || '[]')");
        recorded.Concat(violations).ShouldBeEmpty();
    }
}
