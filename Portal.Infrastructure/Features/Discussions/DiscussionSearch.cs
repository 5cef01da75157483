using Microsoft.EntityFrameworkCore;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>How discussions register their texts with the search index: a thread's title is the
/// thread subject's own entry, each post a part of it. Called by the use cases before they save.</summary>
public interface ISearchIndexer
{
    Task IndexThreadAsync(PortalDbContext db, DiscussionThread thread, CancellationToken cancellationToken);

    Task IndexPostAsync(PortalDbContext db, Post post, CancellationToken cancellationToken);
}

internal sealed class DiscussionSearchIndexer(ISearchIndex index) : ISearchIndexer
{
    public async Task IndexThreadAsync(PortalDbContext db, DiscussionThread thread, CancellationToken cancellationToken) =>
        await index.IndexAsync(db, new IndexedText(ThreadSubjectKind.Of(thread.Id), null, thread.Title, thread.Title,
            $"/threads/{thread.Id}", thread.StartedAt, await WorkspaceIdsAsync(db, thread, cancellationToken),
            thread.ExploitationForms, thread.ChildConcerned, thread.StartedBy), cancellationToken);

    public async Task IndexPostAsync(PortalDbContext db, Post post, CancellationToken cancellationToken)
    {
        var subject = ThreadSubjectKind.Of(post.ThreadId);
        // A deleted or removed post must not be found by the words it had.
        if (post.IsGone)
        {
            await index.RemoveAsync(db, subject, post.Id, cancellationToken);
            return;
        }
        var thread = db.Threads.Local.FirstOrDefault(t => t.Id == post.ThreadId)
            ?? await db.Threads.Include(t => t.Workspaces).SingleAsync(t => t.Id == post.ThreadId, cancellationToken);
        await index.IndexAsync(db, new IndexedText(subject, post.Id, thread.Title, post.PlainText,
            $"/threads/{thread.Id}#post-{post.Id}", post.PostedAt, await WorkspaceIdsAsync(db, thread, cancellationToken),
            thread.ExploitationForms, thread.ChildConcerned, post.AuthorId), cancellationToken);
    }

    // A thread always lives in at least one workspace; none loaded means the links were not included.
    private static async Task<IReadOnlyCollection<Guid>> WorkspaceIdsAsync(PortalDbContext db, DiscussionThread thread,
        CancellationToken cancellationToken) =>
        thread.Workspaces.Count > 0
            ? thread.WorkspaceIds
            : await db.ThreadWorkspaces.Where(l => l.ThreadId == thread.Id).Select(l => l.WorkspaceId).ToListAsync(cancellationToken);
}

/// <summary>Indexes every thread and post again (see <see cref="SearchBackfill"/>).</summary>
internal sealed class DiscussionSearchSource(ISearchIndexer indexer) : ISearchSource
{
    public IReadOnlyCollection<string> Kinds { get; } = [ThreadSubjectKind.Name];

    public async Task IndexAllAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var threads = await db.Threads.Include(t => t.Workspaces).ToListAsync(cancellationToken);
        foreach (var thread in threads)
            await indexer.IndexThreadAsync(db, thread, cancellationToken);
        var posts = await db.Posts.ToListAsync(cancellationToken);
        foreach (var post in posts)
            await indexer.IndexPostAsync(db, post, cancellationToken);
    }
}
