using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Search;

/// <summary>One search result: a post (or a thread's title when <see cref="PostId"/> is null) with a
/// snippet as text segments, matches marked.</summary>
public sealed record SearchHit(
    Guid ThreadId,
    string ThreadTitle,
    IReadOnlyList<WorkspaceRef> Workspaces,
    bool ChildConcerned,
    Guid? PostId,
    PersonRef? Author,
    DateTimeOffset? PostedAt,
    IReadOnlyList<TextSegment> Snippet,
    double Rank);

public sealed record SearchResults(string Query, int Page, int PageSize, int TotalCount, IReadOnlyList<SearchHit> Hits);

/// <summary>Full-text search over the posts and thread titles the actor may see, with Swedish word
/// forms matched. PostgreSQL: stored tsvector columns (swedish), websearch_to_tsquery, ts_rank and
/// ts_headline. SQLite: FTS5 over Swedish-stemmed text, bm25, snippets marked by comparing stems.
/// Either way the candidates are filtered in SQL by the access policy's VisibleThreads face
/// before counting and paging.</summary>
public sealed class SearchService(IDbContextFactory<PortalDbContext> contexts, DatabaseOptions database)
{
    public const int MaxQueryLength = 200;
    public const int DefaultPageSize = 20;

    public async Task<SearchResults> SearchAsync(Guid actorId, string? query, int page = 1, int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength)
            text = text[..MaxQueryLength];
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var stems = SwedishStemmer.StemWords(text).Distinct().ToList();
        if (stems.Count == 0)
            return new SearchResults(text, page, pageSize, 0, []);

        var candidates = database.Provider == DatabaseProvider.Postgres
            ? PostgresCandidates(db, text, string.Join(' ', stems))
            : SqliteCandidates(db, stems);
        var visibleThreadIds = db.Threads.Where(AccessPolicy.VisibleThreads(actor)).Select(t => t.Id);
        var visible = candidates.Where(c => visibleThreadIds.Contains(c.ThreadId));
        var total = await visible.CountAsync(cancellationToken);
        var hits = await visible
            .OrderByDescending(c => c.Rank).ThenBy(c => c.ThreadId).ThenBy(c => c.PostId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        if (hits.Count == 0)
            return new SearchResults(text, page, pageSize, total, []);

        var threadIds = hits.Select(h => h.ThreadId).Distinct().ToList();
        var postIds = hits.Where(h => h.PostId is not null).Select(h => h.PostId!.Value).ToList();
        var threads = await db.Threads.AsNoTracking().Where(t => threadIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new { t.Title, t.ChildConcerned }, cancellationToken);
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.AuthorId, p.PostedAt, p.PlainText }, cancellationToken);
        var people = await db.LoadPeopleAsync(posts.Values.Select(p => p.AuthorId), cancellationToken);
        var links = await db.ThreadWorkspaces.AsNoTracking().Where(l => threadIds.Contains(l.ThreadId)).ToListAsync(cancellationToken);
        // Only the workspaces the actor may see are named (a thread may also be shared with a hidden one).
        var names = await DiscussionService.VisibleWorkspaceNamesAsync(db, actor, links.Select(l => l.WorkspaceId), cancellationToken);
        var workspacesOf = links.Where(l => names.ContainsKey(l.WorkspaceId)).ToLookup(l => l.ThreadId, l => new WorkspaceRef(l.WorkspaceId, names[l.WorkspaceId]));
        var snippets = database.Provider == DatabaseProvider.Postgres
            ? await PostgresHeadlinesAsync(db, text, string.Join(' ', stems), hits, cancellationToken)
            : null;
        var stemSet = stems.ToHashSet();

        var results = new List<SearchHit>();
        foreach (var hit in hits)
        {
            var thread = threads[hit.ThreadId];
            var post = hit.PostId is { } id && posts.TryGetValue(id, out var p) ? p : null;
            var key = hit.PostId ?? hit.ThreadId;
            var snippet = snippets is not null && snippets.TryGetValue(key, out var marked)
                ? SearchHighlighter.FromMarked(marked)
                : SearchHighlighter.Highlight(post?.PlainText ?? thread.Title, stemSet);
            results.Add(new SearchHit(hit.ThreadId, thread.Title,
                workspacesOf[hit.ThreadId].OrderBy(w => w.Name, StringComparer.CurrentCulture).ToList(), thread.ChildConcerned, hit.PostId,
                post is null ? null : people.GetValueOrDefault(post.AuthorId), post?.PostedAt, snippet, hit.Rank));
        }
        return new SearchResults(text, page, pageSize, total, results);
    }

    /// <summary>FTS5 MATCH of every stem (each quoted, so user input is never FTS syntax); bm25 is
    /// lower-is-better, so it is negated to rank like ts_rank.</summary>
    private static IQueryable<Candidate> SqliteCandidates(PortalDbContext db, IReadOnlyList<string> stems)
    {
        var match = string.Join(' ', stems.Select(s => "\"" + s.Replace("\"", "\"\"") + "\""));
        return db.Database.SqlQuery<Candidate>($"""
            SELECT d."ThreadId" AS "ThreadId", d."PostId" AS "PostId", -bm25(search_fts) AS "Rank"
            FROM search_fts JOIN search_documents d ON d."Id" = search_fts.rowid
            WHERE search_fts MATCH {match}
            """);
    }

    /// <summary>The member's query as PostgreSQL reads it with the swedish configuration, or the same
    /// words in our own stems (which the stored vector also holds), over posts and titles.</summary>
    private static IQueryable<Candidate> PostgresCandidates(PortalDbContext db, string query, string stems) =>
        db.Database.SqlQuery<Candidate>($"""
            SELECT p."ThreadId" AS "ThreadId", p."Id" AS "PostId", ts_rank(p."SearchVector", q.query)::double precision AS "Rank"
            FROM posts p, (SELECT websearch_to_tsquery('swedish', {query}) || websearch_to_tsquery('swedish', {stems}) AS query) q
            WHERE p."SearchVector" @@ q.query
            UNION ALL
            SELECT t."Id", NULL::uuid, ts_rank(t."SearchVector", q2.query)::double precision
            FROM discussion_threads t, (SELECT websearch_to_tsquery('swedish', {query}) || websearch_to_tsquery('swedish', {stems}) AS query) q2
            WHERE t."SearchVector" @@ q2.query
            """);

    private static async Task<Dictionary<Guid, string>> PostgresHeadlinesAsync(PortalDbContext db, string query, string stems,
        IReadOnlyList<Candidate> hits, CancellationToken cancellationToken)
    {
        var postIds = hits.Where(h => h.PostId is not null).Select(h => h.PostId!.Value).ToArray();
        var threadIds = hits.Where(h => h.PostId is null).Select(h => h.ThreadId).ToArray();
        var options = $"StartSel={SearchHighlighter.StartMark}, StopSel={SearchHighlighter.StopMark}, MaxWords=35, MinWords=15";
        var titleOptions = options + ", HighlightAll=true";
        var rows = await db.Database.SqlQuery<Headline>($"""
            SELECT p."Id" AS "Id", ts_headline('swedish', p."PlainText", websearch_to_tsquery('swedish', {query}) || websearch_to_tsquery('swedish', {stems}), {options}) AS "Text"
            FROM posts p WHERE p."Id" = ANY({postIds})
            UNION ALL
            SELECT t."Id", ts_headline('swedish', t."Title", websearch_to_tsquery('swedish', {query}) || websearch_to_tsquery('swedish', {stems}), {titleOptions})
            FROM discussion_threads t WHERE t."Id" = ANY({threadIds})
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Text);
    }

    // Classes with setters: what EF's SqlQuery materialises for unmapped result types.
    internal sealed class Candidate
    {
        public Guid ThreadId { get; set; }
        public Guid? PostId { get; set; }
        public double Rank { get; set; }
    }

    internal sealed class Headline
    {
        public Guid Id { get; set; }
        public string Text { get; set; } = "";
    }
}
