using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>The demo library as a fresh demo database has it: the manual in two signed-off versions, a
/// checklist with an upcoming version, one with a half-approved draft, acknowledgements, and search.</summary>
public abstract class DocumentDemoDataTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<GuidanceDocument> DocumentAsync(string title)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Documents.AsNoTracking().Include(d => d.Versions).ThenInclude(v => v.Reviews).AsSplitQuery().SingleAsync(d => d.Title == title);
    }

    private static DateOnly Today => StockholmTime.Today(TimeProvider.System);

    [Fact]
    public async Task The_manual_has_version_2_0_in_force_and_1_0_superseded_both_signed_off_by_several_authorities()
    {
        var manual = await DocumentAsync(DemoData.Documents.Manual);

        manual.WorkspaceId.ShouldBeNull();
        manual.Draft.ShouldBeNull();
        manual.InForceOn(Today)!.Number.ShouldBe(new VersionNumber(2, 0));
        manual.InForceOn(Today)!.ChangeNote.ShouldNotBeNullOrWhiteSpace();
        manual.Published.Select(v => v.Number).ShouldBe([new VersionNumber(2, 0), new VersionNumber(1, 0)]);
        foreach (var version in manual.Published)
        {
            version.Reviews.ShouldAllBe(r => r.Decision == ReviewDecision.Approved);
            version.Reviews.Select(r => r.OrganisationId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);
        }
        var text = manual.InForceOn(Today)!.Body;
        foreach (var chapter in new[] { "## 1. Myndigheternas", "## 2. Tecken", "## 3. Första steg", "## 4. Särskilt om barn", "## 5. Stöd och återvändande", "### 1.3 Migrationsverket" })
            text.ShouldContain(chapter);
    }

    [Fact]
    public async Task A_checklist_has_an_upcoming_version_and_another_an_open_draft_with_one_approval_and_one_pending()
    {
        var firstContact = await DocumentAsync(DemoData.Documents.FirstContact);
        firstContact.InForceOn(Today)!.Number.ShouldBe(new VersionNumber(1, 0));
        firstContact.UpcomingOn(Today).ShouldHaveSingleItem().EffectiveFrom!.Value.ShouldBeGreaterThan(Today.AddDays(7));

        var children = await DocumentAsync(DemoData.Documents.Children);
        children.WorkspaceId.ShouldBe(DemoData.Workspaces.ManualRevision);
        children.Draft.ShouldNotBeNull().Reviews.Select(r => r.Decision).ShouldBe([ReviewDecision.Approved, ReviewDecision.Pending], ignoreOrder: true);
        children.InForceOn(Today).ShouldNotBeNull();
    }

    [Fact]
    public async Task Some_members_have_acknowledged_the_manual_in_force_and_others_have_not()
    {
        var manual = await DocumentAsync(DemoData.Documents.Manual);

        var overview = await _database.Get<DocumentAcknowledgementService>().OverviewAsync(DemoData.IdFor("member:johanna.wall"), manual.Id);

        overview.Acknowledged.ShouldBeGreaterThan(3);
        overview.Acknowledged.ShouldBeLessThan(overview.Total);
        // Fatima read 1.0 only: a major version asks her again.
        overview.Organisations.SelectMany(o => o.Members).Single(m => m.MemberId == DemoData.Personas.NgoMember).HasAcknowledged.ShouldBeFalse();
    }

    [Fact]
    public async Task A_fresh_demo_database_finds_the_manual_by_a_word_in_its_text()
    {
        var results = await _database.Get<SearchService>().SearchAsync(DemoData.Personas.NgoMember, "återvändandeprogrammet");

        results.Hits.ShouldContain(h => h.Subject.Kind == DocumentSubjectKind.Name && h.Title == DemoData.Documents.Manual);
    }
}

public sealed class SqliteDocumentDemoDataTests() : DocumentDemoDataTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentDemoDataTests() : DocumentDemoDataTests(DatabaseProvider.Postgres);
