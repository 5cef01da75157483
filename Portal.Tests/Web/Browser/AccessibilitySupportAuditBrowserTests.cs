using Microsoft.Playwright;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

public sealed partial class AccessibilityBrowserTests
{
    private static readonly Guid SupportAuditSara = DemoData.IdFor("member:sara.nilsson");

    /// <summary>The administrators' audit page (with a chain check's result and a request's trail shown) and the
    /// duty roster (the lead's switches, the administrator's designation). Only audited reads happen, and the
    /// roster is saved unchanged: the portal is shared with the other accessibility tests.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Support_audit_and_duty_roster_pages_have_no_WCAG_violations(string culture)
    {
        var report = new List<string>();

        var anna = await SignInAsync("Anna Lindqvist", culture);
        await LoadAsync(anna, "admin/audit");
        await anna.GetByTestId("audit-verify").ClickAsync();
        await Expect(anna.GetByTestId("audit-chain-intact")).ToBeVisibleAsync();
        await anna.Locator("input[data-testid=audit-reference]").FillAsync(DemoData.MethodSupport.OpenChildReference);
        await anna.GetByTestId("audit-trail-show").ClickAsync();
        await Expect(anna.GetByTestId("audit-trail")).ToBeVisibleAsync();
        await ScanAsync(anna, "audit page with the chain's result and a trail", report);

        await anna.Locator("input[data-testid=audit-reference]").FillAsync("MS-1999-9999");
        await anna.GetByTestId("audit-trail-show").ClickAsync();
        await Expect(anna.Locator("[data-testid=audit-trail-form] .mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(anna, "audit page with an unknown reference", report);

        await LoadAsync(anna, "support/desk");
        await Expect(anna.GetByTestId("desk-designation")).ToBeVisibleAsync();
        await ScanAsync(anna, "duty roster as an administrator", report);

        var erik = await SignInAsync("Erik Sandberg", culture);
        await LoadAsync(erik, "support/desk");
        await Expect(erik.GetByTestId("desk-save")).ToBeVisibleAsync();
        await ScanAsync(erik, "duty roster as the lead", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>The administrator checks the chain and reads a request's trail with the keyboard alone.</summary>
    [Fact]
    public async Task The_audit_chain_is_verified_and_a_trail_read_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Anna Lindqvist");
        await page.GotoAsync("admin/audit");
        await page.WaitForInteractiveAsync();

        await TabToAsync(page, page.GetByTestId("audit-verify"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("audit-chain-intact")).ToBeVisibleAsync();

        await TabToAsync(page, page.Locator("input[data-testid=audit-reference]"));
        await page.Keyboard.TypeAsync(DemoData.MethodSupport.OpenChildReference);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("audit-trail")).ToContainTextAsync(DemoData.MethodSupport.OpenChildReference);
    }

    /// <summary>The lead of NMT finds the roster from /support, puts a member on duty by keyboard and saves; then
    /// takes her off again (the shared portal's roster ends as it began).</summary>
    [Fact]
    public async Task The_duty_roster_is_set_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Erik Sandberg");
        await page.GotoAsync("support");
        await page.WaitForInteractiveAsync();
        await TabToAsync(page, page.GetByTestId("support-desk"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/support/desk");
        await page.WaitForInteractiveAsync();

        var sara = page.Locator($"tr[data-member='{SupportAuditSara}'] input[type=checkbox]");
        await TabToAsync(page, sara);
        await page.Keyboard.PressAsync("Space");
        await Expect(sara).ToBeCheckedAsync();
        await TabToAsync(page, page.GetByTestId("desk-save"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("desk-saved")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(sara).ToBeCheckedAsync();
        await TabToAsync(page, sara);
        await page.Keyboard.PressAsync("Space");
        await Expect(sara).Not.ToBeCheckedAsync();
        await TabToAsync(page, page.GetByTestId("desk-save"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("desk-saved")).ToBeVisibleAsync();
    }
}
