using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>The library's reads and acknowledgements on each database, with documents built through the
/// aggregate's own methods.</summary>
public abstract class DocumentLibraryServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Anna = DemoData.Personas.Administrator;
    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall");
    private static readonly Guid Lst = DemoData.IdFor("org:lst-ab");
    private static readonly Guid Noa = DemoData.IdFor("org:polisen-noa");

    private TestDatabase _database = null!;

    private DocumentLibraryService Library => _database.Get<DocumentLibraryService>();

    private static DateOnly Today => StockholmTime.Today(TimeProvider.System);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_shows_only_visible_documents_and_filters_and_sorts_them()
    {
        var checklist = await CreateAsync(DemoData.Workspaces.Nmt, Erik, Noa, "Checklista barn", DocumentType.Checklist, DocumentAudience.Children,
            [ExploitationForm.SexualPurposes], Today.AddDays(30), publishedDaysAgo: 2);
        var manual = await CreateAsync(null, Anna, Lst, "Manual vid misstanke", DocumentType.Manual, DocumentAudience.Both,
            [ExploitationForm.ForcedLabour], Today.AddDays(100), publishedDaysAgo: 1);
        var adults = await CreateAsync(null, Anna, Lst, "Rutin vuxna", DocumentType.Routine, DocumentAudience.Adults,
            [ExploitationForm.Begging], Today.AddDays(60), publishedDaysAgo: 3);
        var hidden = await CreateAsync(DemoData.Workspaces.SteeringGroup, Anna, Lst, "Ledningens rutin", DocumentType.Routine, DocumentAudience.Both,
            [], Today.AddDays(30), publishedDaysAgo: 1);
        var unpublished = await CreateAsync(DemoData.Workspaces.Nmt, Erik, Lst, "Utkast bara", DocumentType.Study, DocumentAudience.Both,
            [], Today.AddDays(30), publish: false);
        Guid[] mine = [checklist, manual, adults, hidden, unpublished];

        async Task<List<Guid>> Ids(Guid actor, DocumentFilter filter, DocumentSort sort = DocumentSort.Title) =>
            (await Library.ListAsync(actor, filter, sort)).Select(i => i.Id).Where(mine.Contains).ToList();

        (await Ids(Karin, DocumentFilter.None)).ShouldBe([checklist, manual, adults]);
        (await Ids(Karin, new DocumentFilter(Type: DocumentType.Checklist))).ShouldBe([checklist]);
        (await Ids(Karin, new DocumentFilter(Audience: DocumentAudience.Children))).ShouldBe([checklist, manual]);
        (await Ids(Karin, new DocumentFilter(Audience: DocumentAudience.Adults))).ShouldBe([manual, adults]);
        (await Ids(Karin, new DocumentFilter(Audience: DocumentAudience.Both))).ShouldBe([manual]);
        (await Ids(Karin, new DocumentFilter(Form: ExploitationForm.ForcedLabour))).ShouldBe([manual]);
        (await Ids(Karin, new DocumentFilter(OrganisationId: Noa))).ShouldBe([checklist]);
        (await Ids(Karin, new DocumentFilter(WorkspaceId: DemoData.Workspaces.Nmt))).ShouldBe([checklist]);
        (await Ids(Karin, new DocumentFilter(PortalWideOnly: true))).ShouldBe([manual, adults]);
        (await Ids(Karin, DocumentFilter.None, DocumentSort.ReviewDue)).ShouldBe([checklist, adults, manual]);
        (await Ids(Karin, DocumentFilter.None, DocumentSort.LastPublished)).ShouldBe([manual, checklist, adults]);

        // The NMT lead knows the unpublished one (he may edit it) and sees its draft; he is a member of the hidden workspace.
        (await Ids(Erik, DocumentFilter.None)).ShouldBe([checklist, hidden, manual, adults, unpublished]);
        var rows = await Library.ListAsync(Erik, DocumentFilter.None, DocumentSort.Title);
        rows.Single(r => r.Id == unpublished).DraftInProgress.ShouldBeTrue();
        rows.Single(r => r.Id == unpublished).InForce.ShouldBeNull();

        var item = (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.Title)).Single(r => r.Id == checklist);
        item.WorkspaceName.ShouldStartWith("NMT");
        item.OwnerOrganisationName.ShouldBe("Polisen – Nationella operativa avdelningen");
        item.InForce!.Number.ShouldBe(VersionNumber.First);
        item.InForce.EffectiveFrom.ShouldBe(Today);
        item.Forms.ShouldBe([ExploitationForm.SexualPurposes]);
        item.IsOverdue.ShouldBeFalse();
        item.NeedsAcknowledgement.ShouldBeTrue();
        item.DraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public async Task A_document_past_its_review_date_is_flagged_overdue()
    {
        var id = await CreateAsync(null, Anna, Lst, "Gammal rutin", DocumentType.Routine, DocumentAudience.Both, [], Today.AddDays(-1),
            publishedDaysAgo: 0, createdOn: Today.AddDays(-100));

        (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.ReviewDue)).Single(r => r.Id == id).IsOverdue.ShouldBeTrue();
        (await Library.GetAsync(Karin, id)).IsOverdue.ShouldBeTrue();
    }

    [Fact]
    public async Task Versions_in_force_upcoming_and_superseded_are_told_apart()
    {
        var id = await CreateAsync(DemoData.Workspaces.Nmt, Erik, Lst, "Manual", DocumentType.Manual, DocumentAudience.Both, [], Today.AddDays(200),
            body: "## Roller\n\nFörsta texten.");
        await PublishAsync(id, "## Roller\n\nRättad text.", "Rättelse", major: false, Today);
        await PublishAsync(id, "## Roller\n\nNy text.\n\n## Första steg", "Ny struktur", major: true, Today.AddDays(7));

        var view = await Library.GetAsync(Karin, id);
        view.Shown!.Number.ShouldBe(new VersionNumber(1, 1));
        view.Shown.Standing.ShouldBe(VersionStanding.InForce);
        view.Shown.Html.ShouldContain("Rättad text.");
        view.Shown.Sections.ShouldHaveSingleItem().Anchor.ShouldBe("avsnitt-1");
        view.Shown.PublishedBy!.DisplayName.ShouldBe("Erik Sandberg");
        view.History.Select(h => (h.Number.ToString(), h.Standing)).ShouldBe(
            [("2.0", VersionStanding.Upcoming), ("1.1", VersionStanding.InForce), ("1.0", VersionStanding.Superseded)]);
        view.CanAcknowledge.ShouldBeTrue();
        view.CanEdit.ShouldBeFalse();
        view.CanSeeDraft.ShouldBeFalse();

        var upcoming = await Library.GetAsync(Karin, id, new VersionNumber(2, 0));
        upcoming.Shown!.Standing.ShouldBe(VersionStanding.Upcoming);
        upcoming.Shown.EffectiveFrom.ShouldBe(Today.AddDays(7));
        upcoming.Shown.Sections.Select(s => s.Title).ShouldBe(["Roller", "Första steg"]);
        upcoming.CanAcknowledge.ShouldBeTrue();

        var superseded = await Library.GetAsync(Karin, id, VersionNumber.First);
        superseded.Shown!.Standing.ShouldBe(VersionStanding.Superseded);
        superseded.CanAcknowledge.ShouldBeFalse();

        var item = (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.Title)).Single(r => r.Id == id);
        item.InForce!.Number.ShouldBe(new VersionNumber(1, 1));
        item.Upcoming!.Number.ShouldBe(new VersionNumber(2, 0));
        item.Upcoming.EffectiveFrom.ShouldBe(Today.AddDays(7));

        (await Should.ThrowAsync<NotFoundException>(() => Library.GetAsync(Karin, id, new VersionNumber(9, 0)))).Code.ShouldBe("document.version.notfound");
        (await Should.ThrowAsync<DomainRuleException>(() => Library.AcknowledgeAsync(Karin, id, superseded.Shown.Id)))
            .Code.ShouldBe("document.acknowledge.superseded");
    }

    [Fact]
    public async Task A_draft_is_not_shown_to_readers_but_its_editors_are_told_of_it()
    {
        var id = await CreateAsync(DemoData.Workspaces.Nmt, Erik, Lst, "Rutin", DocumentType.Routine, DocumentAudience.Both, [], Today.AddDays(200));
        await ChangeAsync(id, d => d.StartDraft(Erik, major: true, DateTimeOffset.UtcNow));

        var reader = await Library.GetAsync(Karin, id);
        reader.CanSeeDraft.ShouldBeFalse();
        reader.DraftId.ShouldBeNull();
        (await Should.ThrowAsync<NotFoundException>(() => Library.GetAsync(Karin, id, new VersionNumber(2, 0)))).Code.ShouldBe("document.version.notfound");

        var editor = await Library.GetAsync(Erik, id);
        editor.CanEdit.ShouldBeTrue();
        editor.CanSeeDraft.ShouldBeTrue();
        editor.DraftNumber.ShouldBe(new VersionNumber(2, 0));
        editor.DraftId.ShouldNotBeNull();
        editor.CanSeeAcknowledgements.ShouldBeTrue();
        editor.Shown!.Number.ShouldBe(VersionNumber.First);
        editor.History.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_hidden_workspace_document_is_neither_listed_nor_readable_by_id()
    {
        var id = await CreateAsync(DemoData.Workspaces.SteeringGroup, Anna, Lst, "Intern plan", DocumentType.Decision, DocumentAudience.Both, [], Today.AddDays(30));
        var version = (await Library.GetAsync(Anna, id)).Shown!.Id;

        (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.Title)).ShouldNotContain(r => r.Id == id);
        (await Library.ToReadAsync(Karin)).ShouldNotContain(r => r.DocumentId == id);
        (await Should.ThrowAsync<NotFoundException>(() => Library.GetAsync(Karin, id))).Code.ShouldBe("document.notfound");
        (await Should.ThrowAsync<NotFoundException>(() => Library.AcknowledgeAsync(Karin, id, version))).Code.ShouldBe("document.notfound");
        (await Should.ThrowAsync<NotFoundException>(() => Library.GetAsync(Karin, Guid.NewGuid()))).Code.ShouldBe("document.notfound");
    }

    [Fact]
    public async Task A_minor_version_keeps_the_acknowledgement_and_a_major_one_asks_again()
    {
        var id = await CreateAsync(null, Anna, Lst, "Checklista", DocumentType.Checklist, DocumentAudience.Both, [], Today.AddDays(200));
        var first = (await Library.GetAsync(Karin, id)).Shown!.Id;
        (await Library.ToReadAsync(Karin)).ShouldContain(r => r.DocumentId == id);

        await Library.AcknowledgeAsync(Karin, id, first);
        await Library.AcknowledgeAsync(Karin, id, first); // again: nothing more
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            (await db.DocumentAcknowledgements.CountAsync(a => a.DocumentId == id && a.MemberId == Karin)).ShouldBe(1);
        (await Library.GetAsync(Karin, id)).HasAcknowledged.ShouldBeTrue();
        (await Library.ToReadAsync(Karin)).ShouldNotContain(r => r.DocumentId == id);

        await PublishAsync(id, "Rättad", "Stavfel", major: false, Today, author: Anna, reviewer: Johanna);
        var minor = await Library.GetAsync(Karin, id);
        minor.Shown!.Number.ShouldBe(new VersionNumber(1, 1));
        minor.HasAcknowledged.ShouldBeTrue();
        (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.Title)).Single(r => r.Id == id).NeedsAcknowledgement.ShouldBeFalse();
        (await Library.ToReadAsync(Karin)).ShouldNotContain(r => r.DocumentId == id);

        await PublishAsync(id, "Ny version", "Omarbetad", major: true, Today, author: Anna, reviewer: Johanna);
        var major = await Library.GetAsync(Karin, id);
        major.Shown!.Number.ShouldBe(new VersionNumber(2, 0));
        major.HasAcknowledged.ShouldBeFalse();
        (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.Title)).Single(r => r.Id == id).NeedsAcknowledgement.ShouldBeTrue();
        (await Library.ToReadAsync(Karin)).Single(r => r.DocumentId == id).Version.Number.ShouldBe(new VersionNumber(2, 0));

        await Library.AcknowledgeAsync(Karin, id, major.Shown.Id);
        (await Library.GetAsync(Karin, id)).HasAcknowledged.ShouldBeTrue();
    }

    [Fact]
    public async Task To_read_lists_portal_wide_documents_and_those_of_workspaces_the_member_is_active_in()
    {
        var portalWide = await CreateAsync(null, Anna, Lst, "För alla", DocumentType.Manual, DocumentAudience.Both, [], Today.AddDays(200));
        var nmt = await CreateAsync(DemoData.Workspaces.Nmt, Erik, Lst, "För NMT", DocumentType.Routine, DocumentAudience.Both, [], Today.AddDays(200));
        var openNetwork = await CreateAsync(DemoData.Workspaces.InformationNetwork, Anna, Lst, "För nätverket", DocumentType.Study,
            DocumentAudience.Both, [], Today.AddDays(200), reviewer: DemoData.Personas.NgoMember, reviewerOrganisation: DemoData.IdFor("org:fralsningsarmen"));
        var notYet = await CreateAsync(null, Anna, Lst, "Från nästa vecka", DocumentType.Manual, DocumentAudience.Both, [], Today.AddDays(200),
            effectiveInDays: 7);

        var toRead = (await Library.ToReadAsync(Karin)).Select(r => r.DocumentId).ToList();

        toRead.ShouldContain(portalWide);
        toRead.ShouldContain(nmt);
        toRead.ShouldNotContain(openNetwork); // readable (open), but Karin is no member there
        toRead.ShouldNotContain(notYet);
        (await Library.ListAsync(Karin, DocumentFilter.None, DocumentSort.Title)).ShouldContain(r => r.Id == openNetwork);
        (await Library.ToReadAsync(DemoData.Personas.NgoMember)).Select(r => r.DocumentId).ShouldContain(openNetwork);
    }

    // ---- Building documents through the aggregate ----

    private async Task<Guid> CreateAsync(Guid? workspaceId, Guid owner, Guid organisation, string title, DocumentType type,
        DocumentAudience audience, ExploitationForm[] forms, DateOnly reviewDue, int publishedDaysAgo = 0, bool publish = true,
        string body = "## Inledning\n\nText.", int effectiveInDays = 0, DateOnly? createdOn = null, Guid? reviewer = null, Guid? reviewerOrganisation = null)
    {
        var now = DateTimeOffset.UtcNow.AddDays(-publishedDaysAgo);
        var document = GuidanceDocument.Create(workspaceId, organisation, owner,
            new DocumentMetadata(title, null, type, audience, forms, reviewDue), body, "Första versionen", createdOn ?? Today, now);
        if (publish)
        {
            var draft = document.Draft!;
            var (who, whose) = reviewer is { } r ? (r, reviewerOrganisation!.Value) : owner == Karin ? (Erik, Lst) : (Karin, Noa);
            if (owner == Anna && reviewer is null)
                (who, whose) = (Johanna, Lst);
            document.SetReviewers(draft.Id, [new DocumentReviewer(who, whose)], now);
            document.Decide(draft.Id, who, ReviewDecision.Approved, null, now);
            document.Publish(draft.Id, owner, Today.AddDays(effectiveInDays), Today, now);
        }
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    private Task PublishAsync(Guid id, string body, string note, bool major, DateOnly effectiveFrom, Guid? author = null, Guid? reviewer = null) =>
        ChangeAsync(id, document =>
        {
            var now = DateTimeOffset.UtcNow;
            var by = author ?? Erik;
            var draft = document.StartDraft(by, major, now);
            document.EditDraft(draft.Id, body, note, major, now);
            document.SetReviewers(draft.Id, [new DocumentReviewer(reviewer ?? Karin, reviewer is null ? Noa : Lst)], now);
            document.Decide(draft.Id, reviewer ?? Karin, ReviewDecision.Approved, null, now);
            document.Publish(draft.Id, by, effectiveFrom, Today, now);
        });

    private async Task ChangeAsync(Guid id, Action<GuidanceDocument> change)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var document = await db.Documents
            .Include(d => d.Versions).ThenInclude(v => v.Reviews)
            .Include(d => d.Versions).ThenInclude(v => v.Attachments)
            .AsSplitQuery()
            .SingleAsync(d => d.Id == id);
        change(document);
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteDocumentLibraryServiceTests() : DocumentLibraryServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentLibraryServiceTests() : DocumentLibraryServiceTests(DatabaseProvider.Postgres);
