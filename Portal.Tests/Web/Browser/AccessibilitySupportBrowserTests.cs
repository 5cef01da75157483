using Microsoft.Playwright;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

public sealed partial class AccessibilityBrowserTests
{
    /// <summary>The method-support pages: the lists (queue, assigned, mine), the ask form with the guard's error
    /// and warnings, the form for logging a request, the request page as the member on duty and as the assignee,
    /// and the figures. Nothing is submitted: the portal is shared with the other accessibility tests.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Method_support_pages_have_no_WCAG_violations(string culture)
    {
        var report = new List<string>();
        var request = $"support/{DemoData.MethodSupport.OpenChildRequest}";

        var erik = await SignInAsync("Erik Sandberg", culture);
        await LoadAsync(erik, "support");
        await Expect(erik.GetByTestId("support-queue")).ToBeVisibleAsync();
        await ScanAsync(erik, "support lists as the member on duty", report);

        await LoadAsync(erik, "support/new");
        await erik.Locator("textarea[data-testid=support-question]").FillAsync("Personnummer 19811218-9876, ring 070-123 45 67.");
        await Expect(erik.GetByTestId("support-question-warning")).ToBeVisibleAsync();
        await Expect(erik.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(erik, "ask form with the guard's error and warning", report);

        await LoadAsync(erik, "support/log");
        await Expect(erik.GetByTestId("support-log-form")).ToBeVisibleAsync();
        await ScanAsync(erik, "log form", report);

        await LoadAsync(erik, request);
        await Expect(erik.GetByTestId("support-assign-panel")).ToBeVisibleAsync();
        await ScanAsync(erik, "request as the member on duty", report);

        await LoadAsync(erik, "support/figures");
        await Expect(erik.GetByTestId("support-figures-Channel")).ToBeVisibleAsync();
        await ScanAsync(erik, "figures", report);

        var johan = await SignInAsync("Johan Berg", culture);
        await LoadAsync(johan, request);
        await Expect(johan.GetByTestId("support-refer-panel")).ToBeVisibleAsync();
        await ScanAsync(johan, "request as the assignee", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>Asking for method support with the keyboard alone: the question, a form, the county and sending.</summary>
    [Fact]
    public async Task A_method_support_request_is_asked_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Ola Svensson");
        await page.GotoAsync("support/new");
        await page.WaitForInteractiveAsync();

        await TabToAsync(page, page.Locator("textarea[data-testid=support-question]"));
        await page.Keyboard.TypeAsync("Hur stöttar vi en person som tvingas arbeta i en restaurang utan lön?");
        var forcedLabour = page.Locator("input[data-testid=support-form-ForcedLabour]").Or(page.GetByTestId("support-form-ForcedLabour").Locator("input")).First;
        await TabToAsync(page, forcedLabour);
        await page.Keyboard.PressAsync("Space");
        await Expect(forcedLabour).ToBeCheckedAsync();
        var county = page.Locator("input[data-testid=support-county]").Or(page.Locator(".mud-select:has([data-testid=support-county]) input")).First;
        await TabToAsync(page, county);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await TabToAsync(page, page.GetByTestId("support-submit"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("support-reference")).ToContainTextAsync("MS-");
    }
}
