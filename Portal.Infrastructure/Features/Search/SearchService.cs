using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NpgsqlTypes;
using Portal.Domain.Access;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Search;

/// <summary>Full-text search over the entries of every registered subject kind, Swedish word forms
/// and diacritics matched by our own index terms (ADR 0009). PostgreSQL: a stored tsvector over the
/// terms ('simple' configuration), ts_rank. SQLite: FTS5 over the terms, bm25. Either way the
/// matches are filtered in SQL by each kind's VisibleIds and the filters, the newest
/// <see cref="CandidateLimit"/> of them ranked, then grouped by subject, counted and paged; kinds
/// that are not registered never show.</summary>
public sealed class SearchService(IDbContextFactory<PortalDbContext> contexts, DatabaseOptions database, SubjectRegistry subjects,
    IEnumerable<ISearchSource> sources)
{
    public const int MaxQueryLength = 200;
    public const int DefaultPageSize = 20;

    /// <summary>The subject kinds that have texts in the index, in registration order: what the kind
    /// filter offers. A feature appears here by registering its <see cref="ISearchSource"/>.</summary>
    public IReadOnlyList<string> SearchableKinds { get; } = sources.SelectMany(s => s.Kinds).Distinct().ToList();
    public const int PartsPerHit = 3;
    public const int DefaultCandidateLimit = 1000;

    /// <summary>The most matching entries (posts, titles) a query ranks: the newest ones the member may
    /// read and the filters let through. Beyond it the count is a lower bound (ADR 0034).</summary>
    public int CandidateLimit { get; init; } = DefaultCandidateLimit;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public async Task<SearchResults> SearchAsync(Guid actorId, string? query, int page = 1, int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        await SearchAsync(actorId, query, SearchFilters.None, page, pageSize, cancellationToken);

    public async Task<SearchResults> SearchAsync(Guid actorId, string? query, SearchFilters filters, int page = 1,
        int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength)
            text = text[..MaxQueryLength];
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var terms = SwedishStems.QueryTerms(text);
        if (terms.Count == 0)
            return new SearchResults(text, filters, page, pageSize, 0, []);

        var entries = Filter(db.Set<SearchEntry>().AsNoTracking(), filters).Where(VisibleTo(db, actor));
        // The access check and the filters come before the bound, so a member with narrow access
        // gets the newest of *their* matches, never fewer because of what others may read. One row
        // over the bound tells that there are more (ADR 0034).
        var candidates = await (database.Provider == DatabaseProvider.Postgres
                ? PostgresCandidates(entries, terms)
                : SqliteCandidates(db, entries, terms))
            .Take(CandidateLimit + 1)
            .ToListAsync(cancellationToken);
        var bounded = candidates.Count > CandidateLimit;
        if (bounded)
            candidates.RemoveAt(CandidateLimit);
        // The candidates are few: grouped by subject, counted, ordered and paged here (ADR 0027).
        var groups = candidates.GroupBy(c => new { c.SubjectKind, c.SubjectId })
            .Select(g => new { g.Key.SubjectKind, g.Key.SubjectId, Rank = g.Max(r => r.Rank), Count = g.Count() })
            .ToList();
        var total = groups.Count;
        var pageRows = groups
            .OrderByDescending(g => g.Rank).ThenBy(g => g.SubjectKind, StringComparer.Ordinal).ThenBy(g => g.SubjectId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToList();
        if (pageRows.Count == 0)
            return new SearchResults(text, filters, page, pageSize, total, [], bounded ? CandidateLimit : null);

        var pageSubjects = pageRows.Select(g => new SubjectRef(g.SubjectKind, g.SubjectId)).ToHashSet();
        var rankOf = candidates.Where(c => pageSubjects.Contains(new SubjectRef(c.SubjectKind, c.SubjectId)))
            .ToDictionary(c => c.EntryId, c => c.Rank);
        var entryIds = rankOf.Keys.ToList();
        var matched = (await db.Set<SearchEntry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToListAsync(cancellationToken))
            .Select(e => new { Entry = e, Rank = rankOf[e.Id] })
            .ToList();
        var entriesOf = matched.ToLookup(x => x.Entry.Subject);
        // Asked again item by item: the kind describes only what the actor may see.
        var described = await subjects.DescribeVisibleAsync(db, actor, pageRows.Select(g => new SubjectRef(g.SubjectKind, g.SubjectId)),
            cancellationToken);
        var names = await DiscussionService.VisibleWorkspaceNamesAsync(db, actor, described.Values.SelectMany(i => i.WorkspaceIds),
            cancellationToken);
        var authors = await db.LoadPeopleAsync(matched.Where(x => x.Entry.AuthorId is not null).Select(x => x.Entry.AuthorId!.Value),
            cancellationToken);
        var termSet = terms.ToHashSet();

        var hits = new List<SearchHit>();
        foreach (var group in pageRows)
        {
            var subject = new SubjectRef(group.SubjectKind, group.SubjectId);
            if (!described.TryGetValue(subject, out var info))
                continue;
            var found = entriesOf[subject].ToList();
            var own = found.FirstOrDefault(x => x.Entry.PartId is null)?.Entry ?? found[0].Entry;
            var parts = found.Where(x => x.Entry.PartId is not null)
                .OrderByDescending(x => x.Rank).ThenBy(x => x.Entry.OccurredAt)
                .Take(PartsPerHit)
                .Select(x => new SearchPartHit(x.Entry.PartId!.Value, x.Entry.Link,
                    x.Entry.AuthorId is { } author ? authors.GetValueOrDefault(author) : null, x.Entry.OccurredAt,
                    SearchHighlighter.Highlight(x.Entry.PlainText, termSet), x.Rank))
                .ToList();
            var workspaces = info.WorkspaceIds.Where(names.ContainsKey).Select(id => new WorkspaceRef(id, names[id]))
                .OrderBy(w => w.Name, StringComparer.CurrentCulture).ToList();
            hits.Add(new SearchHit(subject, info.Title, info.Link, SearchHighlighter.Highlight(info.Title, termSet, maxWords: 100),
                found.Any(x => x.Entry.PartId is null), workspaces, own.ExploitationForms, own.ChildConcerned, group.Count, parts, group.Rank));
        }
        return new SearchResults(text, filters, page, pageSize, total, hits, bounded ? CandidateLimit : null);
    }

    private static IQueryable<SearchEntry> Filter(IQueryable<SearchEntry> entries, SearchFilters filters)
    {
        if (filters.WorkspaceId is { } workspaceId)
            entries = entries.Where(e => e.WorkspaceIds.Contains(workspaceId));
        if (filters.Kind is { Length: > 0 } kind)
            entries = entries.Where(e => e.SubjectKind == kind);
        if (filters.Form is { } form)
            entries = entries.Where(e => e.ExploitationForms.Contains(form));
        if (filters.ChildConcernedOnly)
            entries = entries.Where(e => e.ChildConcerned);
        if (filters.From is { } from)
        {
            var start = StartOfDay(from);
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        if (filters.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.OccurredAt < end);
        }
        return entries;
    }

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An entry is visible when its kind is registered and the kind's query face lists its
    /// subject: one OR-ed condition per kind, all in SQL.</summary>
    private Expression<Func<SearchEntry, bool>> VisibleTo(PortalDbContext db, Actor actor)
    {
        Expression<Func<SearchEntry, bool>>? visible = null;
        foreach (var name in subjects.Kinds)
        {
            var ids = subjects.Get(name).VisibleIds(db, actor);
            Expression<Func<SearchEntry, bool>> ofKind = e => e.SubjectKind == name && ids.Contains(e.SubjectId);
            visible = visible is null
                ? ofKind
                : Expression.Lambda<Func<SearchEntry, bool>>(
                    Expression.OrElse(visible.Body, ReplacingExpressionVisitor.Replace(ofKind.Parameters[0], visible.Parameters[0], ofKind.Body)),
                    visible.Parameters);
        }
        return visible ?? (e => false);
    }

    /// <summary>FTS5 MATCH of every term (each quoted, so user input is never FTS syntax), newest
    /// entry first: FTS5 walks its doclist in rowid order and stops at the bound, so bm25 is computed
    /// for the candidates only. bm25 is lower-is-better, so it is negated to rank like ts_rank.</summary>
    private static IQueryable<Candidate> SqliteCandidates(PortalDbContext db, IQueryable<SearchEntry> entries, IReadOnlyList<string> terms)
    {
        var match = string.Join(' ', terms.Select(s => "\"" + s.Replace("\"", "\"\"") + "\""));
        var matches = db.Database.SqlQuery<EntryMatch>($"""
            SELECT search_fts.rowid AS "EntryId", -bm25(search_fts) AS "Rank"
            FROM search_fts WHERE search_fts MATCH {match}
            """);
        return from m in matches
               join e in entries on m.EntryId equals e.Id
               orderby m.EntryId descending
               select new Candidate { EntryId = e.Id, SubjectKind = e.SubjectKind, SubjectId = e.SubjectId, Rank = m.Rank };
    }

    /// <summary>Every term must occur; plainto_tsquery reads no operators, and the 'simple'
    /// configuration leaves our terms as they are. Newest entry first, so the planner may walk the
    /// primary key backwards and stop at the bound when a word is common.</summary>
    private static IQueryable<Candidate> PostgresCandidates(IQueryable<SearchEntry> entries, IReadOnlyList<string> terms)
    {
        var text = string.Join(' ', terms);
        return entries
            .Where(e => EF.Property<NpgsqlTsVector>(e, PostgresPortalDbContext.SearchVector).Matches(EF.Functions.PlainToTsQuery("simple", text)))
            .OrderByDescending(e => e.Id)
            .Select(e => new Candidate
            {
                EntryId = e.Id, SubjectKind = e.SubjectKind, SubjectId = e.SubjectId,
                Rank = EF.Property<NpgsqlTsVector>(e, PostgresPortalDbContext.SearchVector).Rank(EF.Functions.PlainToTsQuery("simple", text)),
            });
    }

    private sealed class Candidate
    {
        public long EntryId { get; init; }
        public string SubjectKind { get; init; } = "";
        public Guid SubjectId { get; init; }
        public double Rank { get; init; }
    }

    // A class with setters: what EF's SqlQuery materialises for unmapped result types.
    internal sealed class EntryMatch
    {
        public long EntryId { get; set; }
        public double Rank { get; set; }
    }
}
