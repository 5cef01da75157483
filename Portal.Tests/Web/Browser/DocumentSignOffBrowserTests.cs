using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The multi-agency sign-off from start to end, each person in a browser context of their own:
/// the owner names two reviewers from two organisations, each approves in their own browser, the owner's
/// open draft page hears of it and publishes, a member reads and acknowledges the version in force, and
/// the owner's list of who has read it shows that member.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentSignOffBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Title = "Rutin för samråd med åklagare";

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseUrl = null!;

    public Task InitializeAsync()
    {
        _baseUrl = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Two_reviewers_from_two_organisations_approve_the_owner_publishes_and_a_members_acknowledgement_shows_in_the_owners_list()
    {
        // The draft (NMT's, owned by its lead Erik at the county board) is written through the use case; the sign-off is all in browsers.
        var writes = _portal.Services.GetRequiredService<DocumentWriteService>();
        var id = await writes.CreateAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt,
            new DocumentMetadata(Title, null, DocumentType.Routine, DocumentAudience.Both, [ExploitationForm.SexualPurposes],
                StockholmTime.Today(TimeProvider.System).AddYears(1)),
            "## När\n\nSamråd sker före förhör.\n\n## Hur\n\nRing jourhavande åklagare.", "Första versionen");

        var erik = await SignInAsync("Erik Sandberg");
        await erik.GotoAsync($"documents/{id}/draft");
        await erik.WaitForInteractiveAsync();
        await NameReviewerAsync(erik, "Karin", "Karin Holm");   // the Police Authority
        await NameReviewerAsync(erik, "Johan", "Johan Berg");   // the Prosecution Authority
        await Expect(erik.GetByTestId("reviewer-row")).ToHaveCountAsync(2);
        await Expect(erik.GetByTestId("publish-missing")).ToBeVisibleAsync();
        await Expect(erik.GetByTestId("publish")).ToHaveCountAsync(0);

        foreach (var reviewer in new[] { "Karin Holm", "Johan Berg" })
        {
            var page = await SignInAsync(reviewer);
            await page.GotoAsync($"documents/{id}/draft");
            await page.WaitForInteractiveAsync();
            await page.GetByTestId("approve").ClickAsync();
            await Expect(page.GetByTestId("decision-saved")).ToBeVisibleAsync();
        }

        // The owner's open page heard both decisions without reloading.
        await Expect(erik.GetByTestId("reviewer-row").Filter(new() { HasText = "Karin Holm" }).GetByTestId("reviewer-decision")).ToContainTextAsync("Godkänt");
        await Expect(erik.GetByTestId("reviewer-row").Filter(new() { HasText = "Johan Berg" }).GetByTestId("reviewer-decision")).ToContainTextAsync("Godkänt");
        await Expect(erik.GetByTestId("publish-ready")).ToBeVisibleAsync();
        await erik.GetByTestId("publish").ClickAsync();
        await Expect(erik.GetByTestId("draft-notice")).ToContainTextAsync("1.0");
        await erik.GotoAsync($"documents/{id}");
        await erik.WaitForInteractiveAsync();
        await Expect(erik.GetByTestId("document-version")).ToContainTextAsync("1.0");

        // Sara at the Migration Agency, an NMT member, has it on her home page to read; she opens and acknowledges it.
        var sara = await SignInAsync("Sara Nilsson");
        await sara.GotoAsync("");
        await sara.WaitForInteractiveAsync();
        await Expect(sara.GetByTestId("document-to-read").Filter(new() { HasText = Title })).ToHaveCountAsync(1);
        await sara.GotoAsync($"documents/{id}");
        await sara.WaitForInteractiveAsync();
        await Expect(sara.GetByTestId("document-body")).ToContainTextAsync("Ring jourhavande åklagare.");
        await sara.GetByTestId("document-acknowledge").ClickAsync();
        await Expect(sara.GetByTestId("document-acknowledged")).ToBeVisibleAsync();

        // The owner's list of who has read the version in force shows her as having read it.
        await erik.GotoAsync($"documents/{id}/acknowledgements");
        await erik.WaitForInteractiveAsync();
        var row = erik.GetByTestId("acknowledgement").Filter(new() { HasText = "Sara Nilsson" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(erik.GetByTestId("acknowledgement").Filter(new() { HasText = "Maria Ek" })).ToHaveAttributeAsync("data-acknowledged", "false");
    }

    [Fact]
    public async Task The_owner_uploads_several_files_at_once_and_a_renamed_program_is_refused_beside_its_name_while_the_pdf_is_attached()
    {
        var writes = _portal.Services.GetRequiredService<DocumentWriteService>();
        var id = await writes.CreateAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt,
            new DocumentMetadata("Checklista med bilagor", null, DocumentType.Checklist, DocumentAudience.Adults, [],
                StockholmTime.Today(TimeProvider.System).AddYears(1)), "## Steg\n\nSe bilagan.", "Första versionen");
        var erik = await SignInAsync("Erik Sandberg");
        await erik.GotoAsync($"documents/{id}/draft");
        await erik.WaitForInteractiveAsync();

        await erik.GetByTestId("draft-files-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Bilaga 1.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray() },
            // A Windows program ("MZ") named as a PDF: its first bytes give it away.
            new FilePayload { Name = "faktura.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] },
        });

        await Expect(erik.Locator("[data-testid=draft-file][data-file-name='Bilaga 1.pdf']")).ToHaveCountAsync(1);
        await Expect(erik.Locator("[data-testid=draft-upload][data-file-name='faktura.pdf'] [data-testid=draft-upload-refusal]")).ToBeVisibleAsync();
        await Expect(erik.Locator("[data-testid=draft-file][data-file-name='faktura.pdf']")).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignInAsync(string persona)
    {
        var context = await browser.NewContextAsync(_baseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        return page;
    }

    /// <summary>Types in the reviewer picker, picks the suggestion and names them.</summary>
    private static async Task NameReviewerAsync(IPage page, string typed, string name)
    {
        var input = page.GetByTestId("reviewer-picker").Locator("input").Or(page.Locator("input[data-testid=reviewer-picker]")).First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync(typed);
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = name });
        await Expect(option).ToHaveCountAsync(1);
        await option.ClickAsync();
        await page.GetByTestId("add-reviewer").ClickAsync();
        await Expect(page.GetByTestId("reviewer-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }
}
