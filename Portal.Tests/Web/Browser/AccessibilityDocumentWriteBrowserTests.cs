using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

public sealed partial class AccessibilityBrowserTests
{
    /// <summary>Writing a document: the new-document form (and with an error), the draft page as its owner
    /// (editor, review panel, comments, publish panel saying what is missing, then ready) and as a named
    /// reviewer (the decision form). The draft is made through the use cases, one per language.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Document_writing_pages_have_no_WCAG_violations(string culture)
    {
        var johanna = DemoData.IdFor("member:johanna.wall");
        var karin = DemoData.Personas.NmtPolice;
        var writes = portal.Portal.Services.GetRequiredService<DocumentWriteService>();
        var id = await writes.CreateAsync(johanna, DemoData.Workspaces.ManualRevision,
            new DocumentMetadata("Rutin för första kontakt", "Vem gör vad", DocumentType.Routine, DocumentAudience.Both,
                [ExploitationForm.ForcedLabour], StockholmTime.Today(TimeProvider.System).AddYears(1)),
            "# Roller\n\nPolisen utreder.\n\n## Socialtjänsten\n\nSkyddar barnet.", "Första versionen");
        var draft = (await writes.GetDraftAsync(johanna, id)).Draft!;
        await writes.SetReviewersAsync(johanna, id, draft.VersionId, [karin]);
        await writes.CommentAsync(karin, id, draft.VersionId, "avsnitt-1", "Lägg till gränspolisen.");
        var report = new List<string>();

        var owner = await SignInAsync("Johanna Wall", culture);
        await LoadAsync(owner, $"documents/new?workspace={DemoData.Workspaces.ManualRevision}");
        await owner.GetByTestId("create-document").ClickAsync();
        await Expect(owner.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(owner, "new document with an error", report);

        await LoadAsync(owner, $"documents/{id}/draft");
        await Expect(owner.GetByTestId("draft-editor")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("publish-missing")).ToBeVisibleAsync();
        await owner.GetByTestId("open-describe").ClickAsync();
        await Expect(owner.GetByTestId("save-describe")).ToBeVisibleAsync();
        await ScanAsync(owner, "draft page as owner, waiting for a reviewer", report);

        var reviewer = await SignInAsync("Karin Holm", culture);
        await LoadAsync(reviewer, $"documents/{id}/draft");
        await Expect(reviewer.GetByTestId("decision-form")).ToBeVisibleAsync();
        await ScanAsync(reviewer, "draft page as named reviewer", report);
        await reviewer.GetByTestId("approve").ClickAsync();
        await Expect(reviewer.GetByTestId("decision-saved")).ToBeVisibleAsync();

        // The owner's open page hears of the decision and offers to publish.
        await Expect(owner.GetByTestId("publish-ready")).ToBeVisibleAsync();
        await ScanAsync(owner, "draft page as owner, ready to publish", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }
}
