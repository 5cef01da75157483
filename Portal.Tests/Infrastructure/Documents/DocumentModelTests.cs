using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>The document aggregate saved and read back on each database: versions, reviews, files and
/// dates survive the round trip, a concurrent save of the same snapshot loses, and the list face of the
/// policy finds what its item face allows.</summary>
public abstract class DocumentModelTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_published_version_and_its_reviews_and_files_round_trip_and_the_list_face_agrees()
    {
        var erik = DemoData.Personas.NmtLead;
        var karin = DemoData.Personas.NmtPolice;
        Guid id;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var organisation = await db.Members.Where(m => m.Id == erik).Select(m => m.OrganisationId).SingleAsync();
            var karinsOrganisation = await db.Members.Where(m => m.Id == karin).Select(m => m.OrganisationId).SingleAsync();
            var document = GuidanceDocument.Create(DemoData.Workspaces.Nmt, organisation, erik,
                new DocumentMetadata("Checklista vid första kontakt", null, DocumentType.Checklist, DocumentAudience.Children,
                    [ExploitationForm.ForcedLabour, ExploitationForm.SexualPurposes], Today.AddMonths(12)),
                "## Första steg\n\nRing socialtjänsten.", "Första versionen", Today, Now);
            var draft = document.Draft!;
            document.AddAttachment(draft.Id, new DocumentAttachment("lista.pdf", "application/pdf", 1234, "k1", new string('a', 64), "text", erik, Now));
            document.SetReviewers(draft.Id, [new DocumentReviewer(karin, karinsOrganisation)], Now);
            document.Decide(draft.Id, karin, ReviewDecision.Approved, null, Now);
            document.Publish(draft.Id, erik, Today.AddDays(3), Today, Now);
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            id = document.Id;
        }

        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var actor = new Actor(karin, Guid.Empty, false);
            var loaded = (await db.LoadVisibleDocumentAsync(actor, id, CancellationToken.None, tracked: false)).Document;
            var version = loaded.Versions.ShouldHaveSingleItem();
            version.Status.ShouldBe(DocumentVersionStatus.Published);
            version.EffectiveFrom.ShouldBe(Today.AddDays(3));
            version.Reviews.ShouldHaveSingleItem().Decision.ShouldBe(ReviewDecision.Approved);
            version.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("lista.pdf");
            loaded.ExploitationForms.ShouldBe([ExploitationForm.SexualPurposes, ExploitationForm.ForcedLabour], ignoreOrder: true);
            loaded.InForceOn(Today).ShouldBeNull();
            loaded.UpcomingOn(Today).ShouldHaveSingleItem();
            loaded.InForceOn(Today.AddDays(3)).ShouldNotBeNull();

            (await db.Documents.Where(AccessPolicy.VisibleDocuments(actor)).Select(d => d.Id).ToListAsync()).ShouldContain(id);
            var outsider = new Actor(DemoData.Personas.NgoMember, Guid.Empty, false);
            (await db.Documents.Where(AccessPolicy.VisibleDocuments(outsider)).Select(d => d.Id).ToListAsync()).ShouldNotContain(id);
            await Should.ThrowAsync<Portal.Domain.Common.NotFoundException>(() => db.LoadVisibleDocumentAsync(outsider, id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Two_saves_from_the_same_snapshot_cannot_both_win()
    {
        var erik = DemoData.Personas.NmtLead;
        Guid id;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var organisation = await db.Members.Where(m => m.Id == erik).Select(m => m.OrganisationId).SingleAsync();
            var document = GuidanceDocument.Create(null, organisation, erik,
                new DocumentMetadata("Rutin", null, DocumentType.Routine, DocumentAudience.Both, [], Today.AddMonths(6)), "Text", null, Today, Now);
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            id = document.Id;
        }
        await using var first = await _database.Contexts.CreateDbContextAsync();
        await using var second = await _database.Contexts.CreateDbContextAsync();
        var a = await first.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == id);
        var b = await second.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == id);
        a.EditDraft(a.Draft!.Id, "Text A", "Ändring A", false, Now);
        b.EditDraft(b.Draft!.Id, "Text B", "Ändring B", false, Now);
        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}

public sealed class SqliteDocumentModelTests() : DocumentModelTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentModelTests() : DocumentModelTests(DatabaseProvider.Postgres);
