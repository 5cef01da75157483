using Bunit;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

/// <summary>The compare view and the reading page, rendered with bUnit on the real use cases.</summary>
public sealed class DocumentLibraryPageTests : PortalBunitContext
{
    private const string Before = """
        Inledning.

        ## Roller
        Polisen utreder brott.
        Socialtjänsten ger stöd.

        ## Första steg
        Ring 112 vid fara.
        """;

    private const string After = """
        Inledning.

        ## Roller
        Polisen utreder alla misstänkta brott.
        Socialtjänsten ger stöd.
        Migrationsverket prövar uppehållstillstånd.

        ## Första steg
        Ring 112 vid fara.
        """;

    [Fact]
    public void The_diff_view_marks_changed_words_added_lines_and_lists_changed_sections()
    {
        var (lines, sections) = new DocumentComparer(new DocumentRenderer()).Compare(Before, After);
        var id = Guid.NewGuid();
        var comparison = new DocumentComparison(id, "Manual", new VersionRef(Guid.NewGuid(), new(1, 0), new(2026, 1, 1)),
            new VersionRef(Guid.NewGuid(), new(1, 1), new(2026, 2, 1)), lines, sections, []);

        var cut = Render<DocumentDiffView>(p => p.Add(c => c.Comparison, comparison));

        var changed = cut.FindAll("[data-testid=changed-section]").ShouldHaveSingleItem();
        changed.TextContent.ShouldContain("1 Roller");
        changed.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/documents/{id}?version=1.1#avsnitt-1");
        var newLine = cut.Find("[data-testid=diff-changed-new]");
        newLine.QuerySelectorAll("ins").Select(i => i.TextContent.Trim()).ShouldContain("alla");
        newLine.TextContent.ShouldContain("Efter:");
        cut.Find("[data-testid=diff-changed-old]").QuerySelectorAll("del").ShouldBeEmpty();
        cut.Find("[data-testid=diff-inserted]").TextContent.ShouldContain("Migrationsverket prövar uppehållstillstånd.");
        cut.FindAll("[data-testid=diff-deleted]").ShouldBeEmpty();
        cut.Markup.ShouldContain("Ring 112 vid fara.");
    }

    [Fact]
    public void The_same_text_says_so()
    {
        var (lines, sections) = new DocumentComparer(new DocumentRenderer()).Compare(Before, Before);
        var comparison = new DocumentComparison(Guid.NewGuid(), "Manual", new VersionRef(Guid.NewGuid(), new(1, 0), new(2026, 1, 1)),
            new VersionRef(Guid.NewGuid(), new(1, 1), new(2026, 2, 1)), lines, sections, []);

        var cut = Render<DocumentDiffView>(p => p.Add(c => c.Comparison, comparison));

        cut.Find("[data-testid=compare-same]");
        cut.FindAll(".diff-inserted, .diff-deleted, .diff-changed-new").ShouldBeEmpty();
    }

    [Fact]
    public void Removed_lines_and_words_are_marked_and_their_section_listed_with_the_introduction()
    {
        var (lines, sections) = new DocumentComparer(new DocumentRenderer()).Compare(After, Before.Replace("Inledning.", "Ny inledning."));

        lines.ShouldContain(l => l.Kind == DiffLineKind.Deleted && l.Text == "Migrationsverket prövar uppehållstillstånd.");
        var changed = lines.Single(l => l.Kind == DiffLineKind.Changed && l.Text.StartsWith("Polisen"));
        changed.OldWords.Where(w => w.Kind == DiffWordKind.Deleted).Select(w => w.Text.Trim()).ShouldContain("alla");
        sections.Select(s => s.Anchor).ShouldBe([null, "avsnitt-1"]);
    }

    [Fact]
    public async Task Read_and_understood_is_given_on_the_page_and_the_page_then_says_so()
    {
        var karin = DemoData.Personas.NmtPolice;
        var id = await PublishedAsync();
        SignInAs(karin);

        var cut = Render<DocumentPage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-title]").TextContent.ShouldBe("Rutin för första kontakt"));
        cut.Find("[data-testid=document-toc]").QuerySelectorAll("a").Select(a => a.TextContent).ShouldBe(["1 Roller", "2 Första steg"]);
        cut.Find("[data-testid=document-body] h2#avsnitt-1");
        cut.FindAll("[data-testid=document-compare]").ShouldBeEmpty(); // one version: nothing to compare
        cut.FindAll("[data-testid=document-draft-link]").ShouldBeEmpty();
        cut.Find("[data-testid=document-acknowledge]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-acknowledged]"));
        cut.FindAll("[data-testid=document-acknowledge]").ShouldBeEmpty();
        (await Database.Get<DocumentLibraryService>().GetAsync(karin, id)).HasAcknowledged.ShouldBeTrue();
    }

    [Fact]
    public void A_document_the_member_may_not_see_is_not_found()
    {
        SignInAs(DemoData.Personas.NgoMember);

        var cut = Render<DocumentPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-error]").TextContent.ShouldContain("Dokumentet finns inte"));
    }

    private async Task<Guid> PublishedAsync()
    {
        var erik = DemoData.Personas.NmtLead;
        var karin = DemoData.Personas.NmtPolice;
        var today = StockholmTime.Today(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var document = GuidanceDocument.Create(DemoData.Workspaces.Nmt, DemoData.IdFor("org:lst-ab"), erik,
            new DocumentMetadata("Rutin för första kontakt", null, DocumentType.Routine, DocumentAudience.Both, [], today.AddDays(90)),
            Before, "Första versionen", today, now);
        var draft = document.Draft!;
        document.SetReviewers(draft.Id, [new DocumentReviewer(erik == karin ? erik : DemoData.Personas.Administrator, DemoData.IdFor("org:lst-ab"))], now);
        document.Decide(draft.Id, DemoData.Personas.Administrator, ReviewDecision.Approved, null, now);
        document.Publish(draft.Id, erik, today, today, now);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }
}
