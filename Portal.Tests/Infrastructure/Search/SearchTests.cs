using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Subjects;
using Portal.Tests.Infrastructure.Discussions;

namespace Portal.Tests.Infrastructure.Search;

public abstract class SearchTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private SearchService Search => Database.Get<SearchService>();

    protected override void Configure(IServiceCollection services) => services.AddSubjectKind<NoteSubjectKind>();

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Stockholm).DateTime);

    [Fact]
    public async Task Barnet_finds_a_post_that_says_barn_with_the_word_highlighted()
    {
        var cross = await ThreadAsync(DemoData.Threads.CrossAuthority);

        // Threads only: the demo library's documents speak of children too.
        var results = await Search.SearchAsync(Karin, "barnet", new SearchFilters(Kind: ThreadSubjectKind.Name));

        var hit = results.Hits.ShouldHaveSingleItem();
        hit.Subject.ShouldBe(ThreadSubjectKind.Of(cross));
        hit.Title.ShouldBe(DemoData.Threads.CrossAuthority);
        hit.Link.ShouldBe($"/threads/{cross}");
        var part = hit.Parts.ShouldHaveSingleItem();
        part.Author!.DisplayName.ShouldBe("Eva Nyström");
        part.Link.ShouldBe($"/threads/{cross}#post-{part.PartId}");
        part.Snippet.Where(s => s.IsMatch).Select(s => s.Text.ToLowerInvariant()).ShouldBe(["barn"]);
        string.Concat(part.Snippet.Select(s => s.Text)).ShouldContain("ett barn på 16 år");
        // The hit names the workspaces the thread is shared in (LAMP is closed but listed).
        hit.Workspaces.Select(w => w.Id).ShouldBe([DemoData.Workspaces.Lamp, DemoData.Workspaces.Nmt], ignoreOrder: true);
    }

    [Fact]
    public async Task Arenden_finds_a_post_that_says_arende()
    {
        var nmt = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        var results = await Search.SearchAsync(Karin, "ärenden");

        var hit = results.Hits.Single(h => h.Subject.Id == nmt);
        hit.Parts.ShouldContain(p => string.Concat(p.Snippet.Select(s => s.Text)).Contains("ärende där ett tjugotal bärplockare")
            && p.Snippet.Any(s => s.IsMatch && s.Text == "ärende"));
        results.Hits.SelectMany(h => h.Parts).ShouldAllBe(p => p.Snippet.Any(s => s.IsMatch));
    }

    [Fact]
    public async Task Word_form_matching_works_both_ways()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var posted = await Discussions.PostAsync(Karin, thread, "Barnet i ärendet har fått en god man.");

        (await PartIdsAsync(Karin, "barn")).ShouldContain(posted.PostId);
        (await PartIdsAsync(Karin, "ärende")).ShouldContain(posted.PostId);
        (await PartIdsAsync(Karin, "barnens ärenden")).ShouldContain(posted.PostId);
    }

    [Fact]
    public async Task Words_typed_without_diacritics_find_them()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var posted = await Discussions.PostAsync(Karin, thread, "Länssamordnaren i Skåne har mött tvångsarbete förut.");

        (await PartIdsAsync(Karin, "lanssamordnare")).ShouldContain(posted.PostId);
        (await PartIdsAsync(Karin, "tvangsarbete")).ShouldContain(posted.PostId);
        var hit = (await Search.SearchAsync(Karin, "lanssamordnare")).Hits.Single(h => h.Subject.Id == thread);
        hit.Parts.Single(p => p.PartId == posted.PostId).Snippet.Where(s => s.IsMatch).Select(s => s.Text).ShouldBe(["Länssamordnaren"]);
        // The demo thread's title says "tvångsarbete": found without the ring too, title marked.
        var titled = (await Search.SearchAsync(Karin, "tvangsarbete")).Hits.Single(h => h.Subject.Id == thread);
        titled.TitleMatched.ShouldBeTrue();
        titled.TitleSegments.ShouldContain(s => s.IsMatch && s.Text == "tvångsarbete");
    }

    [Fact]
    public async Task A_thread_appears_once_with_its_best_matching_posts()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var once = await Discussions.PostAsync(Karin, thread, "Vi pratade om kvalitetssäkring en kort stund innan mötet tog slut, och sedan gick alla hem till sina kontor i olika delar av staden för att fortsätta med annat arbete resten av dagen.");
        var thrice = await Discussions.PostAsync(Erik, thread, "Kvalitetssäkring, kvalitetssäkringen och åter kvalitetssäkring.");
        for (var i = 0; i < 3; i++)
            await Discussions.PostAsync(Karin, thread, $"Kvalitetssäkring och kvalitetssäkring, del {i}.");

        var results = await Search.SearchAsync(Karin, "kvalitetssäkring");

        results.TotalCount.ShouldBe(1);
        var hit = results.Hits.ShouldHaveSingleItem();
        hit.MatchCount.ShouldBe(5);
        hit.Parts.Count.ShouldBe(SearchService.PartsPerHit);
        hit.Parts[0].PartId.ShouldBe(thrice.PostId);
        hit.Parts.Select(p => p.Rank).ShouldBeInOrder(SortDirection.Descending);
        hit.Parts.ShouldNotContain(p => p.PartId == once.PostId);
    }

    [Fact]
    public async Task Thread_titles_are_found_too()
    {
        var nmt = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        var hit = (await Search.SearchAsync(Karin, "bärplockningen")).Hits.Single(h => h.Subject.Id == nmt);

        hit.TitleMatched.ShouldBeTrue();
        hit.Title.ShouldBe(DemoData.Threads.NmtMethodSupport);
        hit.TitleSegments.ShouldContain(s => s.IsMatch && s.Text == "bärplockning");
        hit.ExploitationForms.ShouldBe([ExploitationForm.ForcedLabour]);
    }

    [Fact]
    public async Task Deleted_and_removed_posts_are_not_found_and_edits_are()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var deleted = await Discussions.PostAsync(Karin, thread, "Ordet trafikeringsmönster finns här.");
        var removed = await Discussions.PostAsync(DemoData.IdFor("member:johan.berg"), thread, "Också trafikeringsmönster.");
        (await Search.SearchAsync(Karin, "trafikeringsmönster")).Hits.ShouldHaveSingleItem().MatchCount.ShouldBe(2);

        await Discussions.DeletePostAsync(Karin, deleted.PostId);
        await Discussions.RemovePostAsync(Erik, removed.PostId, "Dubblett");
        (await Search.SearchAsync(Karin, "trafikeringsmönster")).TotalCount.ShouldBe(0);

        var edited = await Discussions.PostAsync(Karin, thread, "Före ändringen.");
        await Discussions.EditPostAsync(Karin, edited.PostId, "Efter ändringen: gränskontroller.");
        (await PartIdsAsync(Karin, "gränskontroll")).ShouldContain(edited.PostId);
        (await PartIdsAsync(Karin, "före")).ShouldNotContain(edited.PostId);
    }

    [Fact]
    public async Task Results_page_and_count_subjects_the_member_may_see()
    {
        var workspaces = new[] { DemoData.Workspaces.Nmt };
        for (var i = 0; i < 5; i++)
            await Discussions.StartThreadAsync(Erik, workspaces, $"Sidtest {i}", [], false, $"Sidtest nummer {i} om lönefusk.");

        var first = await Search.SearchAsync(Karin, "lönefusk", page: 1, pageSize: 2);
        var third = await Search.SearchAsync(Karin, "lönefusk", page: 3, pageSize: 2);

        first.TotalCount.ShouldBe(5);
        first.Hits.Count.ShouldBe(2);
        third.Hits.Count.ShouldBe(1);
        first.Hits.Concat(third.Hits).Select(h => h.Subject).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Past_the_bound_only_the_newest_matches_are_ranked_and_the_count_is_a_lower_bound()
    {
        var workspaces = new[] { DemoData.Workspaces.Nmt };
        var threads = new List<Guid>();
        for (var i = 0; i < 5; i++)
            threads.Add((await Discussions.StartThreadAsync(Erik, workspaces, $"Gränstest {i}", [], false, $"Gränstest nummer {i} om kvotbrev.")).ThreadId);
        var search = Bounded(3);

        var results = await search.SearchAsync(Karin, "kvotbrev");

        results.IsCountBounded.ShouldBeTrue();
        results.CandidateLimit.ShouldBe(3);
        results.TotalCount.ShouldBe(3);
        results.Hits.Select(h => h.Subject.Id).ShouldBe(threads.Skip(2), ignoreOrder: true);
        // Exactly at the bound nothing is left out: the count is exact.
        var exact = await Bounded(5).SearchAsync(Karin, "kvotbrev");
        exact.IsCountBounded.ShouldBeFalse();
        exact.TotalCount.ShouldBe(5);
    }

    [Fact]
    public async Task Past_the_bound_the_page_holds_the_best_ranked_of_the_candidates()
    {
        var workspaces = new[] { DemoData.Workspaces.Nmt };
        // The oldest says the word most often, but falls outside the bound; of the newer three the
        // one that says it twice in a short post ranks first.
        await Discussions.StartThreadAsync(Erik, workspaces, "Rangtest äldst", [], false, "Spårhund, spårhund, spårhund.");
        var strong = (await Discussions.StartThreadAsync(Erik, workspaces, "Rangtest stark", [], false, "Spårhund och spårhund.")).ThreadId;
        for (var i = 0; i < 2; i++)
            await Discussions.StartThreadAsync(Erik, workspaces, $"Rangtest svag {i}", [], false,
                $"En lång text om mycket annat, möten och resor och kontor och planer, där en spårhund nämns en gång, nummer {i}.");
        var search = Bounded(3);

        var first = await search.SearchAsync(Karin, "spårhund", page: 1, pageSize: 1);
        var all = await search.SearchAsync(Karin, "spårhund");

        first.Hits.ShouldHaveSingleItem().Subject.Id.ShouldBe(strong);
        all.IsCountBounded.ShouldBeTrue();
        all.Hits.Select(h => h.Title).ShouldNotContain("Rangtest äldst");
        all.Hits.Select(h => h.Rank).ShouldBeInOrder(SortDirection.Descending);
        all.Hits.ShouldAllBe(h => h.Parts.All(p => p.Snippet.Any(s => s.IsMatch)));
    }

    [Fact]
    public async Task The_bound_counts_only_what_the_member_may_read_and_what_the_filters_let_through()
    {
        var ola = DemoData.Personas.RegionalCoordinator;
        // Two older threads in the regional coordinators' network, which Ola reads; three newer in
        // NMT, which he does not: NMT's matches must not crowd his out of the bound.
        var theirs = new List<Guid>();
        for (var i = 0; i < 2; i++)
            theirs.Add((await Discussions.StartThreadAsync(Erik, [DemoData.Workspaces.RegionalCoordinators], $"Åtkomsttest {i}", [], false,
                $"Åtkomsttest {i} om tullsigill.")).ThreadId);
        for (var i = 0; i < 3; i++)
            await Discussions.StartThreadAsync(Erik, [DemoData.Workspaces.Nmt], $"Åtkomsttest NMT {i}", [], false, $"NMT {i} om tullsigill.");
        var search = Bounded(2);

        var olas = await search.SearchAsync(ola, "tullsigill");
        var eriks = await search.SearchAsync(Erik, "tullsigill");
        var filtered = await search.SearchAsync(Erik, "tullsigill", new SearchFilters(WorkspaceId: DemoData.Workspaces.RegionalCoordinators));

        olas.IsCountBounded.ShouldBeFalse();
        olas.Hits.Select(h => h.Subject.Id).ShouldBe(theirs, ignoreOrder: true);
        eriks.IsCountBounded.ShouldBeTrue();
        eriks.Hits.Select(h => h.Subject.Id).ShouldNotContain(id => theirs.Contains(id));
        filtered.IsCountBounded.ShouldBeFalse();
        filtered.Hits.Select(h => h.Subject.Id).ShouldBe(theirs, ignoreOrder: true);
    }

    [Fact]
    public async Task A_non_member_of_a_closed_workspace_gets_nothing_from_it_not_even_counts()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Discussions.PostAsync(Karin, thread, "Hemligt ord: skuggfakturor.");

        (await Search.SearchAsync(Karin, "skuggfakturor")).TotalCount.ShouldBe(1);
        var outsider = await Search.SearchAsync(DemoData.Personas.NgoMember, "skuggfakturor");
        outsider.TotalCount.ShouldBe(0);
        outsider.Hits.ShouldBeEmpty();
        (await Search.SearchAsync(DemoData.Personas.NgoMember, "skuggfakturor", new SearchFilters(WorkspaceId: DemoData.Workspaces.Nmt)))
            .TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Filters_narrow_by_workspace_kind_form_child_flag_and_date()
    {
        // Erik sees NMT, LAMP and the regional coordinators' network; "samverkan" is said in several of them.
        var child = await ThreadAsync(DemoData.Threads.ChildConcerned);
        var nmt = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var fresh = await Discussions.PostAsync(Erik, nmt, "Ny tanke om samverkan och ordet blåbärsfält.");
        const string query = "samverkan";
        var all = await SubjectsAsync(Erik, query, SearchFilters.None);
        all.ShouldContain(ThreadSubjectKind.Of(child));
        all.ShouldContain(ThreadSubjectKind.Of(nmt));

        (await SubjectsAsync(Erik, query, new SearchFilters(WorkspaceId: DemoData.Workspaces.RegionalCoordinators)))
            .ShouldBe([ThreadSubjectKind.Of(child)]);
        (await SubjectsAsync(Erik, query, new SearchFilters(ChildConcernedOnly: true))).ShouldBe([ThreadSubjectKind.Of(child)]);
        (await SubjectsAsync(Erik, query, new SearchFilters(Form: ExploitationForm.CriminalActivities))).ShouldBe([ThreadSubjectKind.Of(child)]);
        var forced = await SubjectsAsync(Erik, query, new SearchFilters(Form: ExploitationForm.ForcedLabour));
        forced.ShouldContain(ThreadSubjectKind.Of(nmt));
        forced.ShouldNotContain(ThreadSubjectKind.Of(child));
        (await SubjectsAsync(Erik, query, new SearchFilters(Kind: ThreadSubjectKind.Name)))
            .ShouldBe(all.Where(s => s.Kind == ThreadSubjectKind.Name), ignoreOrder: true); // Erik also owns demo activities
        (await SubjectsAsync(Erik, query, new SearchFilters(Kind: "no-such-kind"))).ShouldBeEmpty();

        // The seeded posts are days old; only the fresh one is from today.
        var today = await Search.SearchAsync(Erik, query, new SearchFilters(From: Today));
        today.Hits.ShouldHaveSingleItem().Parts.Select(p => p.PartId).ShouldBe([fresh.PostId]);
        var before = await Search.SearchAsync(Erik, query, new SearchFilters(To: Today.AddDays(-1)));
        before.Hits.SelectMany(h => h.Parts).ShouldNotContain(p => p.PartId == fresh.PostId);
        before.Hits.ShouldContain(h => h.Subject == ThreadSubjectKind.Of(child));
    }

    [Fact]
    public async Task A_registered_kind_is_searched_and_its_own_access_rule_applies()
    {
        // A kind that is not a thread: visible only to Karin.
        await using (var db = await Database.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await Database.Get<ISearchIndex>().IndexAsync(db, new IndexedText(new SubjectRef(NoteSubjectKind.Name, NoteSubjectKind.KarinsNote),
                null, "Anteckning om vägarbetare", "Anteckning om vägarbetare", "/notes/1", DateTimeOffset.UtcNow, []), default);
            await Database.Get<ISearchIndex>().IndexAsync(db, new IndexedText(new SubjectRef("unregistered", Guid.NewGuid()),
                null, "Vägarbetare utan ägare", "Vägarbetare utan ägare", "/x", DateTimeOffset.UtcNow, []), default);
            await db.SaveChangesAsync();
        }

        var karins = await Search.SearchAsync(Karin, "vägarbetare");
        var hit = karins.Hits.ShouldHaveSingleItem();
        hit.Subject.Kind.ShouldBe(NoteSubjectKind.Name);
        hit.Link.ShouldBe("/notes/1");
        (await Search.SearchAsync(Erik, "vägarbetare")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_index_is_filled_from_the_existing_threads_and_posts()
    {
        await using var db = await Database.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Set<SearchEntry>().RemoveRange(db.Set<SearchEntry>());
        await db.SaveChangesAsync();
        (await Search.SearchAsync(Karin, "barnet")).TotalCount.ShouldBe(0);

        (await Database.Get<SearchBackfill>().FillIfEmptyAsync(db, default)).ShouldBeTrue();

        (await Search.SearchAsync(Karin, "barnet", new SearchFilters(Kind: ThreadSubjectKind.Name))).TotalCount.ShouldBe(1);
        // Every source fills it: the demo library's documents too.
        (await Search.SearchAsync(Karin, "barnet", new SearchFilters(Kind: DocumentSubjectKind.Name))).TotalCount.ShouldBeGreaterThan(0);
        (await Database.Get<SearchBackfill>().FillIfEmptyAsync(db, default)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("OR AND NOT * ( ) : ^")]
    [InlineData("barn\" OR \"x")]
    [InlineData("or")]
    public async Task Odd_queries_never_fail(string query)
    {
        var results = await Search.SearchAsync(Karin, query);
        results.Hits.SelectMany(h => h.Parts).ShouldAllBe(p => p.Snippet.Count > 0);
    }

    // The service as registered, with a bound small enough to pass in a test.
    private SearchService Bounded(int candidateLimit) =>
        new(Database.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>(), Database.Get<DatabaseOptions>(),
            Database.Get<SubjectRegistry>(), Database.Get<IEnumerable<ISearchSource>>()) { CandidateLimit = candidateLimit };

    private async Task<List<Guid>> PartIdsAsync(Guid actor, string query) =>
        (await Search.SearchAsync(actor, query, pageSize: 100)).Hits.SelectMany(h => h.Parts).Select(p => p.PartId).ToList();

    private async Task<List<SubjectRef>> SubjectsAsync(Guid actor, string query, SearchFilters filters) =>
        (await Search.SearchAsync(actor, query, filters, pageSize: 100)).Hits.Select(h => h.Subject).ToList();

    /// <summary>A test kind standing for a feature to come: one note (its id is Karin's), which only Karin may see.</summary>
    private sealed class NoteSubjectKind : ISubjectKind
    {
        public const string Name = "test-note";
        public static readonly Guid KarinsNote = DemoData.Personas.NmtPolice;

        public string Kind => Name;

        public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
            db.Members.Where(m => m.Id == actor.MemberId && m.Id == KarinsNote).Select(m => m.Id);

        public Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
            CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, SubjectInfo>>(actor.MemberId == DemoData.Personas.NmtPolice && ids.Contains(KarinsNote)
                ? new Dictionary<Guid, SubjectInfo> { [KarinsNote] = new(new SubjectRef(Name, KarinsNote), "Anteckning om vägarbetare", "/notes/1", []) }
                : new Dictionary<Guid, SubjectInfo>());
    }
}

public sealed class SqliteSearchTests() : SearchTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSearchTests() : SearchTests(DatabaseProvider.Postgres);
