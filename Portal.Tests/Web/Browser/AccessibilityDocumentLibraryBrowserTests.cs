using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>axe over the library's pages: the library, a workspace's documents, a document in force, a
/// superseded version, the compare view and the print view, in both languages. The document (three
/// published versions in NMT, the last one upcoming) is made in the portal's own database through the aggregate.</summary>
public sealed partial class AccessibilityBrowserTests
{
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Document_library_pages_have_no_WCAG_violations(string culture)
    {
        var id = await DocumentWithHistoryAsync();
        var page = await SignInAsync("Karin Holm", culture);
        var report = new List<string>();

        await LoadAsync(page, "documents");
        await Expect(page.GetByTestId("document-row").First).ToBeVisibleAsync();
        await ScanAsync(page, "document library", report);

        await LoadAsync(page, $"workspaces/{DemoData.Workspaces.Nmt}/documents");
        await Expect(page.GetByTestId("workspace-documents").GetByTestId("document-row").First).ToBeVisibleAsync();
        await ScanAsync(page, "workspace documents", report);

        await LoadAsync(page, $"documents/{id}");
        await Expect(page.GetByTestId("document-acknowledge")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("document-upcoming-notice")).ToBeVisibleAsync();
        await ScanAsync(page, "document in force", report);

        await LoadAsync(page, $"documents/{id}?version=1.0");
        await Expect(page.GetByTestId("document-superseded")).ToBeVisibleAsync();
        await ScanAsync(page, "superseded version", report);

        await LoadAsync(page, $"documents/{id}/compare?from=1.0&to=1.1");
        await Expect(page.GetByTestId("changed-section").First).ToBeVisibleAsync();
        await ScanAsync(page, "compare", report);

        await page.GotoAsync($"documents/{id}/print?version=1.1");
        await Expect(page.GetByTestId("print-title")).ToBeVisibleAsync();
        await ScanAsync(page, "print view", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    private static readonly SemaphoreSlim DocumentGate = new(1, 1);
    private static Guid? _documentId;

    /// <summary>One document for both languages: made once in the shared portal's database.</summary>
    private async Task<Guid> DocumentWithHistoryAsync()
    {
        await DocumentGate.WaitAsync();
        try
        {
            if (_documentId is { } made)
                return made;
            var contexts = portal.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            var erik = DemoData.Personas.NmtLead;
            var karin = DemoData.Personas.NmtPolice;
            var noa = DemoData.IdFor("org:polisen-noa");
            var today = StockholmTime.Today(TimeProvider.System);
            var now = DateTimeOffset.UtcNow;
            var document = GuidanceDocument.Create(DemoData.Workspaces.Nmt, DemoData.IdFor("org:lst-ab"), erik,
                new DocumentMetadata("Rutin vid första kontakt", "Vad varje myndighet gör de första dygnen.", DocumentType.Routine,
                    DocumentAudience.Children, [ExploitationForm.SexualPurposes], today.AddDays(90)),
                "Inledning.\n\n## Roller\n\nPolisen utreder.\n\n### Socialtjänsten\n\nGer stöd.\n\n## Första steg\n\n| Steg | Vem |\n|---|---|\n| Ring | Polisen |",
                "Första versionen", today, now);
            void Publish(string? body, string note, bool major, DateOnly from)
            {
                var draft = document.Draft ?? document.StartDraft(erik, major, now);
                if (body is not null)
                    document.EditDraft(draft.Id, body, note, major, now);
                document.SetReviewers(draft.Id, [new DocumentReviewer(karin, noa)], now);
                document.Decide(draft.Id, karin, ReviewDecision.Approved, null, now);
                document.Publish(draft.Id, erik, from, today, now);
            }
            Publish(null, "Första versionen", false, today);
            Publish("Inledning.\n\n## Roller\n\nPolisen utreder alla brott.\n\n### Socialtjänsten\n\nGer stöd.\n\n## Första steg\n\nRing 112.", "Förtydligat", false, today);
            Publish("Ny inledning.\n\n## Roller\n\nPolisen.\n\n## Stöd", "Ny struktur", true, today.AddDays(14));
            await using var db = await contexts.CreateDbContextAsync();
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            _documentId = document.Id;
            return document.Id;
        }
        finally
        {
            DocumentGate.Release();
        }
    }
}
