using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Discussions;

namespace Portal.Tests.Infrastructure.Search;

public abstract class SearchTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;

    private SearchService Search => Database.Get<SearchService>();

    [Fact]
    public async Task Barnet_finds_a_post_that_says_barn_with_the_word_highlighted()
    {
        var cross = await ThreadAsync(DemoData.Threads.CrossAuthority);

        var results = await Search.SearchAsync(Karin, "barnet");

        var hit = results.Hits.ShouldHaveSingleItem();
        hit.ThreadId.ShouldBe(cross);
        hit.PostId.ShouldNotBeNull();
        hit.Author!.DisplayName.ShouldBe("Eva Nyström");
        hit.Snippet.Where(s => s.IsMatch).Select(s => s.Text.ToLowerInvariant()).ShouldBe(["barn"]);
        string.Concat(hit.Snippet.Select(s => s.Text)).ShouldContain("ett barn på 16 år");
        // The hit names the workspaces the thread is shared in (LAMP is closed but listed).
        hit.Workspaces.Select(w => w.Id).ShouldBe([DemoData.Workspaces.Lamp, DemoData.Workspaces.Nmt], ignoreOrder: true);
    }

    [Fact]
    public async Task Arenden_finds_a_post_that_says_arende()
    {
        var nmt = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        var results = await Search.SearchAsync(Karin, "ärenden");

        var hit = results.Hits.Single(h => h.ThreadId == nmt && h.Snippet.Any(s => s.IsMatch && s.Text == "ärende"));
        string.Concat(hit.Snippet.Select(s => s.Text)).ShouldContain("ärende där ett tjugotal bärplockare");
        results.Hits.ShouldAllBe(h => h.Snippet.Any(s => s.IsMatch));
    }

    [Fact]
    public async Task Word_form_matching_works_both_ways()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var posted = await Discussions.PostAsync(Karin, thread, "Barnet i ärendet har fått en god man.");

        (await Search.SearchAsync(Karin, "barn")).Hits.ShouldContain(h => h.PostId == posted.PostId);
        (await Search.SearchAsync(Karin, "ärende")).Hits.ShouldContain(h => h.PostId == posted.PostId);
        (await Search.SearchAsync(Karin, "barnens ärenden")).Hits.ShouldContain(h => h.PostId == posted.PostId);
    }

    [Fact]
    public async Task More_occurrences_rank_higher()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var once = await Discussions.PostAsync(Karin, thread, "Vi pratade om kvalitetssäkring en kort stund innan mötet tog slut och alla gick hem.");
        var thrice = await Discussions.PostAsync(DemoData.Personas.NmtLead, thread, "Kvalitetssäkring, kvalitetssäkringen och åter kvalitetssäkring.");

        var hits = (await Search.SearchAsync(Karin, "kvalitetssäkring")).Hits.Select(h => h.PostId).ToList();

        hits.ShouldBe([thrice.PostId, once.PostId]);
    }

    [Fact]
    public async Task Thread_titles_are_found_too()
    {
        var nmt = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        var hit = (await Search.SearchAsync(Karin, "bärplockningen")).Hits.Single(h => h.PostId is null);

        hit.ThreadId.ShouldBe(nmt);
        hit.ThreadTitle.ShouldBe(DemoData.Threads.NmtMethodSupport);
        hit.Snippet.ShouldContain(s => s.IsMatch && s.Text == "bärplockning");
    }

    [Fact]
    public async Task Deleted_and_removed_posts_are_not_found_and_edits_are()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var deleted = await Discussions.PostAsync(Karin, thread, "Ordet trafikeringsmönster finns här.");
        var removed = await Discussions.PostAsync(DemoData.IdFor("member:johan.berg"), thread, "Också trafikeringsmönster.");
        (await Search.SearchAsync(Karin, "trafikeringsmönster")).TotalCount.ShouldBe(2);

        await Discussions.DeletePostAsync(Karin, deleted.PostId);
        await Discussions.RemovePostAsync(DemoData.Personas.NmtLead, removed.PostId, "Dubblett");
        (await Search.SearchAsync(Karin, "trafikeringsmönster")).TotalCount.ShouldBe(0);

        var edited = await Discussions.PostAsync(Karin, thread, "Före ändringen.");
        await Discussions.EditPostAsync(Karin, edited.PostId, "Efter ändringen: gränskontroller.");
        (await Search.SearchAsync(Karin, "gränskontroll")).Hits.ShouldContain(h => h.PostId == edited.PostId);
    }

    [Fact]
    public async Task Results_page_and_count_only_what_the_member_may_see()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        for (var i = 0; i < 5; i++)
            await Discussions.PostAsync(DemoData.Personas.NmtLead, thread, $"Sidtest nummer {i} om lönefusk.");

        var first = await Search.SearchAsync(Karin, "lönefusk", page: 1, pageSize: 2);
        var third = await Search.SearchAsync(Karin, "lönefusk", page: 3, pageSize: 2);

        first.TotalCount.ShouldBe(5);
        first.Hits.Count.ShouldBe(2);
        third.Hits.Count.ShouldBe(1);
        (await Search.SearchAsync(DemoData.Personas.NgoMember, "lönefusk")).TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("OR AND NOT * ( ) : ^")]
    [InlineData("barn\" OR \"x")]
    public async Task Odd_queries_never_fail(string query)
    {
        var results = await Search.SearchAsync(Karin, query);
        results.Hits.ShouldAllBe(h => h.Snippet.Count > 0);
    }
}

public sealed class SqliteSearchTests() : SearchTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSearchTests() : SearchTests(DatabaseProvider.Postgres);
