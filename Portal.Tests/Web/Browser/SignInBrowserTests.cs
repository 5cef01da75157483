using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Demo_sign_in_as_a_persona_lands_on_the_home_page_with_a_welcome()
    {
        var page = await _context.NewPageAsync();

        await page.SignInAsync("Ola Svensson");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Välkommen, Ola Svensson");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Malmö stad");
    }

    [Fact]
    public async Task Language_switch_turns_the_UI_English_and_the_choice_follows_the_member_to_a_new_sign_in()
    {
        var page = await _context.NewPageAsync();
        await page.SignInAsync("Ola Svensson");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Välkommen, Ola Svensson");

        await page.GetByTestId("language-switch").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Ola Svensson");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var saved = await _portal.Services.GetRequiredService<SignInService>().FindCurrentAsync(DemoData.Personas.RegionalCoordinator);
        saved!.PreferredCulture.ShouldBe("en");

        // Sign out and forget every cookie (the culture cookie too): only the member's saved
        // choice can make the next session English.
        await page.SignOutAsync();
        await _context.ClearCookiesAsync();
        await page.SignInAsync("Ola Svensson");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Ola Svensson");
    }
}
