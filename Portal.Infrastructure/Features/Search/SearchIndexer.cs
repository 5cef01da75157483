using Microsoft.EntityFrameworkCore;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Search;

/// <summary>Keeps the search index in step with threads and posts; called by the use cases before
/// they save, so the index changes in the same transaction as the text.</summary>
public interface ISearchIndexer
{
    Task IndexThreadAsync(PortalDbContext db, DiscussionThread thread, CancellationToken cancellationToken);

    Task IndexPostAsync(PortalDbContext db, Post post, CancellationToken cancellationToken);
}

internal static class SearchText
{
    public static string StemsOf(string text) => string.Join(' ', SwedishStemmer.StemWords(text));

    public static string Of(Post post) => post.IsGone ? "" : post.PlainText;
}

/// <summary>SQLite: a search document per post and title holding the stemmed text; triggers copy it
/// into the FTS5 table.</summary>
internal sealed class SqliteSearchIndexer : ISearchIndexer
{
    public Task IndexThreadAsync(PortalDbContext db, DiscussionThread thread, CancellationToken cancellationToken) =>
        UpsertAsync(db, thread.Id, thread.Id, null, SearchText.StemsOf(thread.Title), cancellationToken);

    public Task IndexPostAsync(PortalDbContext db, Post post, CancellationToken cancellationToken) =>
        UpsertAsync(db, post.Id, post.ThreadId, post.Id, SearchText.StemsOf(SearchText.Of(post)), cancellationToken);

    private static async Task UpsertAsync(PortalDbContext db, Guid key, Guid threadId, Guid? postId, string stems, CancellationToken cancellationToken)
    {
        var documents = db.Set<SearchDocument>();
        var document = documents.Local.FirstOrDefault(d => d.DocumentKey == key)
            ?? await documents.SingleOrDefaultAsync(d => d.DocumentKey == key, cancellationToken);
        if (document is null)
            documents.Add(new SearchDocument { DocumentKey = key, ThreadId = threadId, PostId = postId, StemmedText = stems });
        else
            document.StemmedText = stems;
    }
}

/// <summary>PostgreSQL: the stored tsvector column is generated from the text and these stems.</summary>
internal sealed class PostgresSearchIndexer : ISearchIndexer
{
    public Task IndexThreadAsync(PortalDbContext db, DiscussionThread thread, CancellationToken cancellationToken)
    {
        db.Entry(thread).Property(SearchColumns.Stems).CurrentValue = SearchText.StemsOf(thread.Title);
        return Task.CompletedTask;
    }

    public Task IndexPostAsync(PortalDbContext db, Post post, CancellationToken cancellationToken)
    {
        db.Entry(post).Property(SearchColumns.Stems).CurrentValue = SearchText.StemsOf(SearchText.Of(post));
        return Task.CompletedTask;
    }
}
