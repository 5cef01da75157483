using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Who has read a document (the owner's list, also filtered to those who have not) under axe in both
/// languages, and reading and acknowledging a document from the home page by the keyboard alone. Both use the
/// demo library's portal-wide manual.</summary>
public sealed partial class AccessibilityBrowserTests
{
    private const string DemoManual = "Manual vid misstanke om människohandel";

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Document_acknowledgements_page_has_no_WCAG_violations(string culture)
    {
        var id = await DemoManualIdAsync();
        var owner = await SignInAsync("Johanna Wall", culture);
        var report = new List<string>();

        await LoadAsync(owner, $"documents/{id}/acknowledgements");
        await Expect(owner.GetByTestId("acknowledgement").First).ToBeAttachedAsync();
        await ScanAsync(owner, "who has read the manual", report);

        await owner.GetByTestId("only-missing").ClickAsync();
        await Expect(owner.Locator("[data-testid=acknowledgement][data-acknowledged=true]")).ToHaveCountAsync(0);
        await ScanAsync(owner, "only those who have not read it", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task Reading_a_document_from_the_home_page_and_acknowledging_it_work_by_keyboard_alone()
    {
        // Mats at the border police has not read the manual's version in force.
        var page = await KeyboardSignInAsync("Mats Olsson");
        var toRead = page.GetByTestId("document-to-read").Filter(new() { HasText = DemoManual }).Locator("a").First;
        await TabToAsync(page, toRead, 120);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/documents/{await DemoManualIdAsync()}");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        await TabToAsync(page, page.GetByTestId("document-acknowledge"), 200);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("document-acknowledged")).ToBeVisibleAsync();
    }

    private async Task<Guid> DemoManualIdAsync()
    {
        await using var db = await portal.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Documents.Where(d => d.Title == DemoManual).Select(d => d.Id).SingleAsync();
    }
}
