using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>Writing, reviewing and publishing a document through the use cases on each database: the
/// lifecycle with reviewers from two organisations, need-to-know, concurrency, notifications and search.</summary>
public abstract class DocumentWriteServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    // The manual revision group: Johanna Wall (county board) leads; Karin Holm (police), Johan Berg
    // (prosecutors) and Sara Nilsson (migration agency) are members.
    private static readonly Guid Johanna = Member("johanna.wall");
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = Member("johan.berg");
    private static readonly Guid Sara = Member("sara.nilsson");
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;
    private static readonly Guid Workspace = DemoData.Workspaces.ManualRevision;

    private TestDatabase _database = null!;

    private DocumentWriteService Writes => _database.Get<DocumentWriteService>();

    private static DateOnly Today => StockholmTime.Today(TimeProvider.System);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Guid Member(string key) => DemoData.IdFor("member:" + key);

    private static DocumentMetadata Metadata(string title = "Manual vid misstanke om människohandel") =>
        new(title, "Samverkan mellan myndigheterna", DocumentType.Manual, DocumentAudience.Both,
            [ExploitationForm.SexualPurposes, ExploitationForm.ForcedLabour], Today.AddYears(1));

    private Task<Guid> CreateAsync() =>
        Writes.CreateAsync(Johanna, Workspace, Metadata(), "# Roller\n\nPolisen utreder.\n\n# Första steg\n\nKontakta rekryteringsbolagen.",
            "Första versionen");

    [Fact]
    public async Task Draft_signed_off_by_two_organisations_is_published_and_findable()
    {
        var id = await CreateAsync();
        var view = await Writes.GetDraftAsync(Johanna, id);
        var draft = view.Draft.ShouldNotBeNull();
        view.CanEdit.ShouldBeTrue();
        view.IsAuthor.ShouldBeTrue();
        draft.Number.ShouldBe(new VersionNumber(1, 0));
        draft.Readiness.NoReviewers.ShouldBeTrue();
        draft.Readiness.CanPublish.ShouldBeFalse();
        (await Writes.EligibleReviewersAsync(Johanna, id, "holm")).Select(p => p.MemberId).ShouldBe([Karin]);
        (await Writes.EligibleReviewersAsync(Johanna, id, null, 50)).ShouldNotContain(p => p.MemberId == Johanna || p.MemberId == Fatima);

        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin, Johan]);
        var karinsView = await Writes.GetDraftAsync(Karin, id);
        karinsView.CanReview.ShouldBeTrue();
        karinsView.CanEdit.ShouldBeFalse();
        karinsView.Draft!.Readiness.WaitingFor.Select(p => p.MemberId).ShouldBe([Karin, Johan], ignoreOrder: true);
        karinsView.Draft.Reviewers.Select(r => r.Person.OrganisationId).Distinct().Count().ShouldBe(2);

        await Writes.CommentAsync(Karin, id, draft.VersionId, "roller", "Lägg till gränspolisen.");
        await Writes.DecideAsync(Karin, id, draft.VersionId, ReviewDecision.Approved, null);
        await Writes.DecideAsync(Johan, id, draft.VersionId, ReviewDecision.ChangesRequested, "Åklagarens roll saknas.");
        var waiting = (await Writes.GetDraftAsync(Johanna, id)).Draft!;
        waiting.Readiness.ChangesRequestedBy.Select(p => p.MemberId).ShouldBe([Johan]);
        waiting.Comments.ShouldHaveSingleItem().SectionAnchor.ShouldBe("roller");
        await Should.ThrowAsync<DomainRuleException>(() => Writes.PublishAsync(Johanna, id, draft.VersionId, Today));

        var version = (await Writes.GetDraftAsync(Johanna, id)).Version;
        await Writes.SaveDraftAsync(Johanna, id, draft.VersionId, version, draft.Body + "\n\nÅklagaren leder förundersökningen.", "Åklagarens roll", major: false);
        var edited = (await Writes.GetDraftAsync(Johanna, id)).Draft!;
        edited.Reviewers.ShouldAllBe(r => r.Decision == ReviewDecision.Pending); // the text changed: sign off again
        await Writes.DecideAsync(Karin, id, draft.VersionId, ReviewDecision.Approved, null);
        await Writes.DecideAsync(Johan, id, draft.VersionId, ReviewDecision.Approved, "Bra nu.");
        (await Writes.GetDraftAsync(Johanna, id)).Draft!.Readiness.CanPublish.ShouldBeTrue();
        (await _database.Get<SearchService>().SearchAsync(Sara, "rekryteringsbolaget")).Hits.ShouldNotContain(h => h.Subject.Id == id);

        await Writes.PublishAsync(Johanna, id, draft.VersionId, Today);

        var published = await Writes.GetDraftAsync(Johanna, id);
        published.Draft.ShouldBeNull();
        published.LatestPublished.ShouldBe(new VersionNumber(1, 0));
        published.CanStartDraft.ShouldBeTrue();
        var hits = (await _database.Get<SearchService>().SearchAsync(Sara, "rekryteringsbolaget")).Hits;
        hits.ShouldContain(h => h.Subject == DocumentSubjectKind.Of(id));
        (await _database.Get<SearchService>().SearchAsync(Fatima, "rekryteringsbolaget")).Hits.ShouldNotContain(h => h.Subject.Id == id);
        await Should.ThrowAsync<NotFoundException>(() => Writes.GetDraftAsync(Karin, id)); // no longer a reviewer of an open draft

        var next = await Writes.StartDraftAsync(Johanna, id, major: true);
        (await Writes.GetDraftAsync(Johanna, id)).Draft!.Number.ShouldBe(new VersionNumber(2, 0));
        await Writes.DiscardDraftAsync(Johanna, id, next);
        (await Writes.GetDraftAsync(Johanna, id)).Draft.ShouldBeNull();
    }

    [Fact]
    public async Task Outsiders_and_members_who_are_not_named_do_not_find_the_draft_and_observers_cannot_create()
    {
        var id = await CreateAsync();
        var draft = (await Writes.GetDraftAsync(Johanna, id)).Draft!;

        await Should.ThrowAsync<NotFoundException>(() => Writes.GetDraftAsync(Fatima, id));
        await Should.ThrowAsync<NotFoundException>(() => Writes.GetDraftAsync(Sara, id));
        await Should.ThrowAsync<NotFoundException>(() => Writes.CommentAsync(Fatima, id, draft.VersionId, null, "Hej"));
        await Should.ThrowAsync<NotFoundException>(() => Writes.DecideAsync(Fatima, id, draft.VersionId, ReviewDecision.Approved, null));
        await Should.ThrowAsync<NotFoundException>(() => Writes.CreateAsync(Fatima, Workspace, Metadata(), "Text", null));
        // Anna is an observer in NMT: she reads but does not write.
        await Should.ThrowAsync<AccessDeniedException>(() => Writes.CreateAsync(DemoData.Personas.Administrator, DemoData.Workspaces.Nmt,
            Metadata(), "Text", null));
        // Karin is a member of the group but neither owner nor lead.
        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin]);
        await Should.ThrowAsync<AccessDeniedException>(() => Writes.PublishAsync(Karin, id, draft.VersionId, Today));
        (await Should.ThrowAsync<DomainRuleException>(() => Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin, Fatima])))
            .Code.ShouldBe("document.reviewers.not-eligible");
        (await Should.ThrowAsync<DomainRuleException>(() => Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Johanna])))
            .Code.ShouldBe("document.reviewers.author");
    }

    [Fact]
    public async Task Two_saves_from_the_same_snapshot_keep_the_first_and_refuse_the_second()
    {
        var id = await CreateAsync();
        var view = await Writes.GetDraftAsync(Johanna, id);
        var lead = await Writes.CreateAsync(Johanna, Workspace, Metadata("Checklista"), "Text", "Första");
        lead.ShouldNotBe(id);

        await Writes.SaveDraftAsync(Johanna, id, view.Draft!.VersionId, view.Version, "# Roller\n\nJohannas text.", "Johannas ändring", major: false);
        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            Writes.SaveDraftAsync(Johanna, id, view.Draft.VersionId, view.Version, "# Roller\n\nEn annan text.", "En annan ändring", major: false));

        refused.Code.ShouldBe(DocumentWriteService.ChangedConcurrently);
        var now = (await Writes.GetDraftAsync(Johanna, id)).Draft!;
        now.Body.ShouldBe("# Roller\n\nJohannas text.");
        now.ChangeNote.ShouldBe("Johannas ändring");
    }

    [Fact]
    public async Task A_save_that_loses_the_race_in_the_database_is_refused_too()
    {
        var id = await CreateAsync();
        var view = await Writes.GetDraftAsync(Johanna, id);
        await using var stale = await _database.Contexts.CreateDbContextAsync();
        var document = await stale.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == id);

        await Writes.SaveDraftAsync(Johanna, id, view.Draft!.VersionId, view.Version, "Vinnande text", "Först", major: false);
        document.EditDraft(view.Draft.VersionId, "Förlorande text", "Sist", major: false, DateTimeOffset.UtcNow);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        (await Writes.GetDraftAsync(Johanna, id)).Draft!.Body.ShouldBe("Vinnande text");
    }

    [Fact]
    public async Task Notifications_reach_the_named_reviewers_the_owner_and_after_publishing_the_workspace()
    {
        var id = await CreateAsync();
        var draft = (await Writes.GetDraftAsync(Johanna, id)).Draft!;

        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin, Johan]);
        (await RecipientsAsync(DocumentNotificationKinds.ReviewRequested, id)).ShouldBe([Karin, Johan], ignoreOrder: true);
        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin, Johan, Sara]);
        (await RecipientsAsync(DocumentNotificationKinds.ReviewRequested, id)).ShouldBe([Karin, Johan, Sara], ignoreOrder: true);
        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin, Johan]);
        // Never published: Sara may no longer know the document, so no notice names it to her.
        (await RecipientsAsync(DocumentNotificationKinds.ReviewWithdrawn, id)).ShouldBeEmpty();

        await Writes.DecideAsync(Karin, id, draft.VersionId, ReviewDecision.Approved, null);
        await Writes.DecideAsync(Johan, id, draft.VersionId, ReviewDecision.ChangesRequested, "Åklagarens roll saknas.");
        (await RecipientsAsync(DocumentNotificationKinds.Approved, id)).ShouldBe([Johanna]);
        (await RecipientsAsync(DocumentNotificationKinds.ChangesRequested, id)).ShouldBe([Johanna]);
        await Writes.DecideAsync(Johan, id, draft.VersionId, ReviewDecision.Approved, null);

        await Writes.PublishAsync(Johanna, id, draft.VersionId, Today);
        (await RecipientsAsync(DocumentNotificationKinds.Published, id)).ShouldBeEmpty(); // through the outbox, after the commit
        await _database.Get<OutboxDispatcher>().DispatchDueAsync();

        Guid[] readers = [Karin, Johan, Sara, Member("hanna.lind"), Member("per.axelsson"), Member("tove.mark"), Member("greta.alm")];
        (await RecipientsAsync(DocumentNotificationKinds.Published, id)).ShouldBe(readers, ignoreOrder: true);
        (await RecipientsAsync(DocumentNotificationKinds.PleaseRead, id)).ShouldBe(readers, ignoreOrder: true); // 1.0 is a major version
        (await RecipientsAsync(DocumentNotificationKinds.Published, id)).ShouldNotContain(Fatima);
    }

    [Fact]
    public async Task A_reviewer_taken_off_a_new_version_hears_that_the_review_is_no_longer_needed()
    {
        var id = await PublishedAsync();
        var draft = await Writes.StartDraftAsync(Johanna, id, major: false);
        await Writes.SetReviewersAsync(Johanna, id, draft, [Karin, Johan]);
        await Writes.DecideAsync(Johan, id, draft, ReviewDecision.ChangesRequested, "Se över kapitel 2.");

        await Writes.SetReviewersAsync(Johanna, id, draft, [Karin]);

        (await RecipientsAsync(DocumentNotificationKinds.ReviewWithdrawn, id)).ShouldBe([Johan]);
        (await Writes.GetDraftAsync(Johanna, id)).Draft!.Reviewers.Select(r => r.Person.MemberId).ShouldBe([Karin]);
    }

    [Fact]
    public async Task A_repeated_delivery_of_the_publication_notifies_nobody_twice_and_a_minor_version_asks_nobody_to_read_again()
    {
        var id = await PublishedAsync();
        var draft = await Writes.StartDraftAsync(Johanna, id, major: false);
        var version = (await Writes.GetDraftAsync(Johanna, id)).Version;
        await Writes.SaveDraftAsync(Johanna, id, draft, version, "# Roller\n\nRättad text.", "Rättelse", major: false);
        await Writes.SetReviewersAsync(Johanna, id, draft, [Karin]);
        await Writes.DecideAsync(Karin, id, draft, ReviewDecision.Approved, null);
        await Writes.PublishAsync(Johanna, id, draft, Today);
        var delivery = new OutboxDelivery(Guid.NewGuid(), 0, DateTimeOffset.UtcNow);
        var message = new DocumentPublishedMessage(id, draft, Major: false, Johanna);

        await using (var scope = _database.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<IOutboxHandler<DocumentPublishedMessage>>();
            await handler.HandleAsync(message, delivery, CancellationToken.None);
            await handler.HandleAsync(message, delivery, CancellationToken.None);
        }

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var published = await db.Notifications.Where(n => n.Kind == DocumentNotificationKinds.Published && n.PartId == draft).ToListAsync();
        published.Count.ShouldBe(7);
        published.Select(n => n.MemberId).Distinct().Count().ShouldBe(7);
        (await db.Notifications.AnyAsync(n => n.Kind == DocumentNotificationKinds.PleaseRead && n.PartId == draft)).ShouldBeFalse();
    }

    [Fact]
    public async Task Describing_a_published_document_reindexes_its_title_and_a_stale_description_is_refused()
    {
        var id = await PublishedAsync();
        var stale = (await Writes.GetDraftAsync(Johanna, id)).Version;

        var version = await Writes.DescribeAsync(Johanna, id, stale, Metadata("Handbok om skuldbindningsavtalen"));

        var search = _database.Get<SearchService>();
        (await search.SearchAsync(Sara, "skuldbindningsavtal")).Hits.ShouldContain(h => h.Subject == DocumentSubjectKind.Of(id) && h.Title == "Handbok om skuldbindningsavtalen");
        version.ShouldBeGreaterThan(stale);
        (await Should.ThrowAsync<DomainRuleException>(() => Writes.DescribeAsync(Johanna, id, stale, Metadata("Något annat"))))
            .Code.ShouldBe(DocumentWriteService.ChangedConcurrently);
        await Should.ThrowAsync<AccessDeniedException>(() => Writes.DescribeAsync(Karin, id, version, Metadata("Polisens titel")));
    }

    private async Task<Guid> PublishedAsync()
    {
        var id = await CreateAsync();
        var draft = (await Writes.GetDraftAsync(Johanna, id)).Draft!;
        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin]);
        await Writes.DecideAsync(Karin, id, draft.VersionId, ReviewDecision.Approved, null);
        await Writes.PublishAsync(Johanna, id, draft.VersionId, Today);
        return id;
    }

    private async Task<List<Guid>> RecipientsAsync(string kind, Guid documentId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Kind == kind && n.SubjectId == documentId).Select(n => n.MemberId).ToListAsync();
    }
}

public sealed class SqliteDocumentWriteServiceTests() : DocumentWriteServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentWriteServiceTests() : DocumentWriteServiceTests(DatabaseProvider.Postgres);
