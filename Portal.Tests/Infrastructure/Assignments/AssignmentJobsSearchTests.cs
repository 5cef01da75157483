using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Assignments;

/// <summary>Assignments and activities in the one search box, on each database, with the demo data: found by
/// registration number, title and the text of their parts, only by those who may see them — the secretariat
/// everything, an owner (Ola Svensson, who owns activities under this year's decision) this year's decision and
/// his activities, an outsider (Fatima Ali) nothing. Budget lines are never in the index.</summary>
public abstract class AssignmentJobsSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Anna = DemoData.Personas.Administrator;
    private static readonly Guid Ola = DemoData.Personas.RegionalCoordinator;
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SearchService Search => _database.Get<SearchService>();

    private Task<SearchResults> AssignmentsAsync(Guid actor, string query) =>
        Search.SearchAsync(actor, query, new SearchFilters(Kind: AssignmentSubjectKind.Name));

    [Fact]
    public async Task The_secretariat_finds_a_decision_by_its_number_title_and_parts()
    {
        var byNumber = await AssignmentsAsync(Anna, DemoData.Assignments.Justice2017Number);
        var byPart = await AssignmentsAsync(Anna, "krigstjänst");
        var byTitle = await AssignmentsAsync(Anna, "exploatering av barn");

        var hit = byNumber.Hits.ShouldHaveSingleItem();
        hit.Subject.ShouldBe(AssignmentSubjectKind.Of(DemoData.Assignments.Justice2017));
        hit.Title.ShouldStartWith("Ju2017/01271/PO");
        hit.Link.ShouldBe($"/assignments/{DemoData.Assignments.Justice2017}");
        byPart.Hits.ShouldHaveSingleItem().Subject.Id.ShouldBe(DemoData.Assignments.Justice2017);
        byTitle.Hits.Select(h => h.Subject.Id).ShouldContain(DemoData.Assignments.Children2014);
    }

    [Fact]
    public async Task An_owner_finds_the_decision_and_activities_they_own_and_an_outsider_nothing()
    {
        // Ola owns activities under this year's decision, none under 2017's.
        (await AssignmentsAsync(Ola, "civilsamhället")).Hits.ShouldHaveSingleItem().Subject.Id.ShouldBe(DemoData.Assignments.ThisYear);
        (await AssignmentsAsync(Ola, "krigstjänst")).Hits.ShouldBeEmpty();
        var activity = (await Search.SearchAsync(Ola, "kartläggning kriminalitet", new SearchFilters(Kind: ActivitySubjectKind.Name))).Hits;
        activity.ShouldHaveSingleItem().Title.ShouldBe(DemoData.Assignments.EndingSoonActivity);
        activity.Single().Link.ShouldStartWith("/plan/activities/");

        (await AssignmentsAsync(Fatima, "civilsamhället")).Hits.ShouldBeEmpty();
        (await AssignmentsAsync(Fatima, DemoData.Assignments.Justice2017Number)).Hits.ShouldBeEmpty();
        (await Search.SearchAsync(Fatima, "kartläggning kriminalitet", new SearchFilters(Kind: ActivitySubjectKind.Name))).Hits.ShouldBeEmpty();
        (await Search.SearchAsync(Fatima, "Kammarkollegiet")).Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Budget_lines_are_not_searchable_even_for_the_secretariat()
    {
        (await AssignmentsAsync(Anna, "Kammarkollegiet")).Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_emptied_index_is_filled_again_with_assignments_and_activities()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.Set<SearchEntry>().ExecuteDeleteAsync();
            (await _database.Get<SearchBackfill>().FillIfEmptyAsync(db, CancellationToken.None)).ShouldBeTrue();
        }

        (await AssignmentsAsync(Anna, "krigstjänst")).Hits.ShouldHaveSingleItem().Subject.Id.ShouldBe(DemoData.Assignments.Justice2017);
        (await Search.SearchAsync(Ola, "kartläggning kriminalitet", new SearchFilters(Kind: ActivitySubjectKind.Name))).Hits.ShouldHaveSingleItem();
        _database.Get<IEnumerable<ISearchSource>>().SelectMany(s => s.Kinds).ShouldContain(ActivitySubjectKind.Name);
    }
}

public sealed class SqliteAssignmentJobsSearchTests() : AssignmentJobsSearchTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAssignmentJobsSearchTests() : AssignmentJobsSearchTests(DatabaseProvider.Postgres);
