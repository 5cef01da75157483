using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>"Changes since" for the live thread pages of one node, read once for all the pages that
/// ask at the same time (after a post, every page showing the thread asks): one round loads the
/// askers, the thread, its workspaces with the askers' memberships, the changed posts and their
/// people, then answers each asker exactly as <see cref="DiscussionService.GetChangesSinceAsync"/>
/// would — the access policy is asked per member, and a member who may not see the thread gets
/// "not found" (ADR 0025).</summary>
public sealed class ThreadChangeReads
{
    private readonly IDbContextFactory<PortalDbContext> _contexts;
    private readonly SharedReads<Guid, Request, ThreadChanges> _reads;

    public ThreadChangeReads(IDbContextFactory<PortalDbContext> contexts)
    {
        _contexts = contexts;
        _reads = new SharedReads<Guid, Request, ThreadChanges>(ReadRoundAsync);
    }

    private readonly record struct Request(Guid ActorId, long SinceSequence);

    /// <summary>The same answer as <see cref="DiscussionService.GetChangesSinceAsync"/>, possibly
    /// read together with other members' requests for the same thread.</summary>
    public Task<ThreadChanges> GetChangesSinceAsync(Guid actorId, Guid threadId, long sinceSequence, CancellationToken cancellationToken = default) =>
        _reads.ReadAsync(threadId, new Request(actorId, sinceSequence), cancellationToken);

    private async Task<IReadOnlyList<SharedReads<Guid, Request, ThreadChanges>.Outcome>> ReadRoundAsync(Guid threadId, IReadOnlyList<Request> requests)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var memberIds = requests.Select(r => r.ActorId).Distinct().ToList();
        var actors = await db.LoadActorsAsync(memberIds, CancellationToken.None);
        var thread = await db.Threads.AsNoTracking().Include(t => t.Workspaces).SingleOrDefaultAsync(t => t.Id == threadId);
        if (thread is null)
            return requests.Select(r => Refused(actors[r.ActorId].RefusalCode is { } code ? new AccessDeniedException(code) : new NotFoundException("thread.notfound"))).ToList();
        var workspaceIds = thread.WorkspaceIds;
        // Each workspace with the memberships of everyone asking: the policy looks up each member's own.
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => memberIds.Contains(m.MemberId)))
            .Where(w => workspaceIds.Contains(w.Id))
            .ToListAsync();
        var since = requests.Min(r => r.SinceSequence);
        var posts = await db.Posts.AsNoTracking().Include(p => p.Reactions)
            .Where(p => p.ThreadId == threadId && p.ChangeSequence > since)
            .OrderBy(p => p.ChangeSequence).ToListAsync();
        var people = await db.LoadPeopleAsync(posts.Select(p => p.AuthorId).Concat(DiscussionService.Reactors(posts)), CancellationToken.None);

        return requests.Select(request =>
        {
            if (actors[request.ActorId] is not { Actor: { } actor })
                return Refused(new AccessDeniedException(actors[request.ActorId].RefusalCode!));
            if (!AccessPolicy.CanSeeThread(actor, thread, workspaces))
                return Refused(new NotFoundException("thread.notfound"));
            var canPost = AccessPolicy.CanPostInThread(actor, thread, workspaces);
            var canModerate = AccessPolicy.CanModerateThread(actor, thread, workspaces);
            return SharedReads<Guid, Request, ThreadChanges>.Outcome.Of(new ThreadChanges(thread.Id, thread.LastSequence, thread.IsPinned, thread.IsLocked,
                posts.Where(p => p.ChangeSequence > request.SinceSequence)
                    .Select(p => DiscussionService.ViewOf(p, actor, people, canPost, canModerate)).ToList()));
        }).ToList();
    }

    private static SharedReads<Guid, Request, ThreadChanges>.Outcome Refused(Exception error) =>
        SharedReads<Guid, Request, ThreadChanges>.Outcome.Refused(error);
}
