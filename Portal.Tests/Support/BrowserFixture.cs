using Microsoft.Playwright;

namespace Portal.Tests.Support;

/// <summary>One headless Chromium (the machine's own, from Debian) shared by every browser test.
/// Each test opens its own contexts, which share nothing (cookies, storage) with each other.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Run the tests with the README's test command (./test.sh), which installs Debian's chromium.");
        // Playwright must use the machine's browser, never fetch one of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // A Blazor circuit on a busy 2-core machine can take a few seconds to connect.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies) pointed at the portal.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests run one at a time: they share one Chromium and the machine's two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>Steps that many browser tests take.</summary>
public static class PortalPages
{
    /// <summary>Signs in with the demo sign-in as a persona (by display name) and waits for the
    /// home page to be interactive.</summary>
    public static async Task SignInAsync(this IPage page, string persona)
    {
        await page.GotoAsync("account/signin");
        await page.Locator($"button[data-persona=\"{persona}\"]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits until the Blazor circuit has rendered the page, so that clicks reach their
    /// handlers (the prerendered HTML looks the same but does not react). The layout marks its
    /// main element with data-interactive="true" once it renders interactively.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Assertions.Expect(page.Locator("main[data-interactive=\"true\"]")).ToBeAttachedAsync();

    public static async Task SignOutAsync(this IPage page)
    {
        await page.Locator("form[action=\"/account/signout\"] button[type=\"submit\"]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
    }
}
