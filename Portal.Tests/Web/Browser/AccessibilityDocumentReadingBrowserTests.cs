using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
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

    [Fact]
    public async Task Writing_a_draft_approving_it_and_publishing_work_by_keyboard_alone()
    {
        // The draft and its reviewer come through the use cases; the owner's and the reviewer's work is all keys.
        var writes = portal.Portal.Services.GetRequiredService<DocumentWriteService>();
        var id = await writes.CreateAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt,
            new DocumentMetadata("Rutin skriven med tangentbordet", null, DocumentType.Routine, DocumentAudience.Both, [],
                StockholmTime.Today(TimeProvider.System).AddYears(1)), "## Steg\n\nRing.", "Första versionen");
        var draft = (await writes.GetDraftAsync(DemoData.Personas.NmtLead, id)).Draft!;
        await writes.SetReviewersAsync(DemoData.Personas.NmtLead, id, draft.VersionId, [DemoData.Personas.NmtPolice]);

        var erik = await KeyboardSignInAsync("Erik Sandberg");
        await LoadAsync(erik, $"documents/{id}/draft");
        await TabToAsync(erik, erik.Locator("textarea[data-testid=draft-body]"), 120);
        await erik.Keyboard.PressAsync("End");
        await erik.Keyboard.TypeAsync(" Skriv sedan till NMT.");
        await TabToAsync(erik, erik.Locator("input[data-testid=draft-change-note], textarea[data-testid=draft-change-note]").First, 20);
        await erik.Keyboard.TypeAsync(" med skrivsteg");
        await TabToAsync(erik, erik.GetByTestId("save-draft"), 20);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("draft-saved")).ToBeVisibleAsync();

        var karin = await KeyboardSignInAsync("Karin Holm");
        await LoadAsync(karin, $"documents/{id}/draft");
        await TabToAsync(karin, karin.GetByTestId("approve"), 200);
        await karin.Keyboard.PressAsync("Enter");
        await Expect(karin.GetByTestId("decision-saved")).ToBeVisibleAsync();

        await Expect(erik.GetByTestId("publish-ready")).ToBeVisibleAsync();
        await TabToAsync(erik, erik.GetByTestId("publish"), 200);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("draft-notice")).ToContainTextAsync("1.0");
    }

    private async Task<Guid> DemoManualIdAsync()
    {
        await using var db = await portal.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Documents.Where(d => d.Title == DemoManual).Select(d => d.Id).SingleAsync();
    }
}
