using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>"Read up to here" from the live thread pages of one node, saved together for all the pages
/// that report at the same time (after a post, every page showing the thread does): one round loads
/// the members, the thread with their memberships, their read states and their unread notifications
/// about the thread, and saves once. Each member is checked by the access policy as in
/// <see cref="DiscussionService.MarkReadAsync"/>; should the shared save fail (two tabs creating the
/// same read state at once), each request is saved on its own as that use case does (ADR 0025).</summary>
public sealed class ThreadReadMarks
{
    private readonly IDbContextFactory<PortalDbContext> _contexts;
    private readonly DiscussionService _discussions;
    private readonly TimeProvider _clock;
    private readonly SharedReads<Guid, Request, bool> _marks;

    public ThreadReadMarks(IDbContextFactory<PortalDbContext> contexts, DiscussionService discussions, TimeProvider clock)
    {
        _contexts = contexts;
        _discussions = discussions;
        _clock = clock;
        _marks = new SharedReads<Guid, Request, bool>(MarkRoundAsync);
    }

    private readonly record struct Request(Guid ActorId, long Sequence);

    /// <summary>The same as <see cref="DiscussionService.MarkReadAsync"/>, possibly saved together with
    /// other members' marks on the same thread.</summary>
    public Task MarkReadAsync(Guid actorId, Guid threadId, long sequence, CancellationToken cancellationToken = default) =>
        _marks.ReadAsync(threadId, new Request(actorId, sequence), cancellationToken);

    private async Task<IReadOnlyList<SharedReads<Guid, Request, bool>.Outcome>> MarkRoundAsync(Guid threadId, IReadOnlyList<Request> requests)
    {
        if (requests.Count == 1)
            return [await OnItsOwnAsync(threadId, requests[0])];
        await using var db = await _contexts.CreateDbContextAsync();
        var memberIds = requests.Select(r => r.ActorId).Distinct().ToList();
        var actors = await db.LoadActorsAsync(memberIds, CancellationToken.None);
        var thread = await db.Threads.AsNoTracking().Include(t => t.Workspaces).SingleOrDefaultAsync(t => t.Id == threadId);
        var workspaceIds = thread?.WorkspaceIds ?? [];
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => memberIds.Contains(m.MemberId)))
            .Where(w => workspaceIds.Contains(w.Id))
            .ToListAsync();

        // Who may mark, and how far: two tabs of one member count as the furthest of them.
        var outcomes = new SharedReads<Guid, Request, bool>.Outcome[requests.Count];
        var readUpTo = new Dictionary<Guid, long>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (actors[request.ActorId] is not { Actor: { } actor })
                outcomes[i] = SharedReads<Guid, Request, bool>.Outcome.Refused(new AccessDeniedException(actors[request.ActorId].RefusalCode!));
            else if (thread is null || !AccessPolicy.CanSeeThread(actor, thread, workspaces))
                outcomes[i] = SharedReads<Guid, Request, bool>.Outcome.Refused(new NotFoundException("thread.notfound"));
            else
            {
                readUpTo[actor.MemberId] = Math.Max(readUpTo.GetValueOrDefault(actor.MemberId), Math.Min(request.Sequence, thread.LastSequence));
                outcomes[i] = SharedReads<Guid, Request, bool>.Outcome.Of(true);
            }
        }
        if (readUpTo.Count == 0)
            return outcomes;

        var readers = readUpTo.Keys.ToList();
        var now = _clock.GetUtcNow();
        var states = await db.ThreadReadStates.Where(r => r.ThreadId == threadId && readers.Contains(r.MemberId)).ToDictionaryAsync(r => r.MemberId);
        foreach (var (memberId, sequence) in readUpTo)
        {
            if (!states.TryGetValue(memberId, out var state))
                db.ThreadReadStates.Add(state = new ThreadReadState(memberId, threadId));
            state.MarkRead(sequence, now);
        }
        // Notifications about posts the member has now seen are read too, so the bell agrees.
        var highest = readUpTo.Values.Max();
        var unread = await db.Notifications.AsTracking()
            .Where(n => readers.Contains(n.MemberId) && n.SubjectKind == ThreadSubjectKind.Name && n.SubjectId == threadId && n.ReadAt == null)
            .Join(db.Posts.Where(p => p.ThreadId == threadId && p.Sequence <= highest), n => n.PartId, p => (Guid?)p.Id, (n, p) => new { Notification = n, p.Sequence })
            .ToListAsync();
        foreach (var seen in unread.Where(u => u.Sequence <= readUpTo[u.Notification.MemberId]))
            seen.Notification.MarkRead(now);
        try
        {
            await db.SaveChangesAsync();
            return outcomes;
        }
        catch (DbUpdateException)
        {
            // Someone else created one of the read states meanwhile: each on its own, with its retries.
            var separate = new SharedReads<Guid, Request, bool>.Outcome[requests.Count];
            for (var i = 0; i < requests.Count; i++)
                separate[i] = await OnItsOwnAsync(threadId, requests[i]);
            return separate;
        }
    }

    private async Task<SharedReads<Guid, Request, bool>.Outcome> OnItsOwnAsync(Guid threadId, Request request)
    {
        try
        {
            await _discussions.MarkReadAsync(request.ActorId, threadId, request.Sequence);
            return SharedReads<Guid, Request, bool>.Outcome.Of(true);
        }
        catch (Exception exception) when (exception is NotFoundException or AccessDeniedException or DomainRuleException)
        {
            return SharedReads<Guid, Request, bool>.Outcome.Refused(exception);
        }
    }
}
