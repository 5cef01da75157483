using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Discussions;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>Threads and posts. Every call loads the actor, asks the access policy, changes through the
/// domain, saves (the interceptor publishes <see cref="ThreadActivity"/> and
/// <see cref="NotificationCreated"/> after the commit) and returns read models. A thread that the
/// actor may not see is "not found", whatever the reason.</summary>
public sealed class DiscussionService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock,
    MarkdownRenderer renderer, ISearchIndexer indexer, DiscussionOptions options, Notifier notifier, WriteLimiter limiter)
{
    // ---- Reading ----

    /// <summary>The threads of one readable workspace: pinned first, then by latest activity.</summary>
    public async Task<IReadOnlyList<ThreadSummary>> ListThreadsAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        (await ListThreadsAsync(actorId, workspaceId, limit: null, cancellationToken)).Threads;

    /// <summary>The first <paramref name="limit"/> threads of one readable workspace in the list's order
    /// (pinned first, then by latest activity), and whether there are more. The workspace's page shows
    /// a page of them: a busy workspace has hundreds, and every live viewer re-reads its page on every post.</summary>
    public async Task<ThreadListPage> ListThreadsPageAsync(Guid actorId, Guid workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await ListThreadsAsync(actorId, workspaceId, limit, cancellationToken);
    }

    private async Task<ThreadListPage> ListThreadsAsync(Guid actorId, Guid workspaceId, int? limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);
        if (workspace is null || !AccessPolicy.CanReadWorkspace(actor, workspace))
            throw new NotFoundException("workspace.notfound");
        var query = db.Threads.AsNoTracking()
            .Where(AccessPolicy.VisibleThreads(actor))
            .Where(t => t.Workspaces.Any(w => w.WorkspaceId == workspaceId))
            .OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastActivityAt).ThenBy(t => t.Id);
        // One more than asked for tells whether there are more.
        var summaries = await SummariesAsync(db, actor, limit is { } n ? query.Take(n + 1) : query, cancellationToken);
        var ordered = summaries.OrderByDescending(s => s.IsPinned).ThenByDescending(s => s.LastActivityAt).ThenBy(s => s.Id).ToList();
        return limit is { } max && ordered.Count > max ? new ThreadListPage(ordered[..max], HasMore: true) : new ThreadListPage(ordered, HasMore: false);
    }

    /// <summary>Unread posts (by others, not deleted) in the threads of one workspace that the actor may
    /// see; 0 when the actor may not read the workspace. The same count as the workspace's line of
    /// <see cref="GetUnreadSummaryAsync"/>, without counting every other thread the actor may see.</summary>
    public async Task<int> CountUnreadInWorkspaceAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var readable = await db.Workspaces.AsNoTracking()
            .Where(AccessPolicy.ReadableWorkspaces(actor))
            .AnyAsync(w => w.Id == workspaceId, cancellationToken);
        if (!readable)
            return 0;
        var me = actor.MemberId;
        var threads = db.Threads.AsNoTracking()
            .Where(AccessPolicy.VisibleThreads(actor))
            .Where(t => t.Workspaces.Any(w => w.WorkspaceId == workspaceId));
        return await WithLastRead(db, threads, me)
            .SumAsync(t => t.Thread.LastSequence > t.LastRead
                ? db.Posts.Count(p => p.ThreadId == t.Thread.Id && p.Sequence > t.LastRead && p.AuthorId != me
                    && p.DeletedAt == null && p.RemovedAt == null)
                : 0, cancellationToken);
    }

    /// <summary>Every thread the actor may see, newest activity first (for tests and overviews).</summary>
    public async Task<IReadOnlyList<ThreadSummary>> ListVisibleThreadsAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var summaries = await SummariesAsync(db, actor, db.Threads.AsNoTracking().Where(AccessPolicy.VisibleThreads(actor)), cancellationToken);
        return summaries.OrderByDescending(s => s.LastActivityAt).ToList();
    }

    /// <summary>Whether the actor may see the thread now (for the hub and live views deciding
    /// whether to pass on an event); the same check as opening it.</summary>
    public async Task<bool> CanSeeThreadAsync(Guid actorId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        try
        {
            await LoadThreadAsync(db, actor, threadId, track: false, explainLeaving: false, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public async Task<ThreadDetails> GetThreadAsync(Guid actorId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (thread, workspaces) = await LoadThreadAsync(db, actor, threadId, track: false, explainLeaving: false, cancellationToken);
        var posts = await db.Posts.AsNoTracking().Include(p => p.Reactions)
            .Where(p => p.ThreadId == threadId).OrderBy(p => p.Sequence).ToListAsync(cancellationToken);
        var lastRead = await LastReadAsync(db, actor.MemberId, threadId, cancellationToken);
        var following = await db.ThreadFollows.AnyAsync(f => f.ThreadId == threadId && f.MemberId == actor.MemberId, cancellationToken);
        var people = await db.LoadPeopleAsync(posts.Select(p => p.AuthorId).Concat(Reactors(posts)).Append(thread.StartedBy), cancellationToken);
        var names = await VisibleWorkspaceNamesAsync(db, actor, thread.WorkspaceIds, cancellationToken);
        var canPost = AccessPolicy.CanPostInThread(actor, thread, workspaces);
        var canModerate = AccessPolicy.CanModerateThread(actor, thread, workspaces);

        var views = posts.Select(p => ViewOf(p, actor, people, canPost, canModerate)).ToList();
        var replies = views.Where(v => v.ParentPostId is not null).ToLookup(v => v.ParentPostId!.Value);
        var tree = views.Where(v => v.ParentPostId is null)
            .Select(v => new PostWithReplies(v, replies[v.Id].OrderBy(r => r.Sequence).ToList()))
            .ToList();
        var unread = posts.Where(p => IsUnreadFor(p, actor.MemberId, lastRead)).ToList();
        var summary = SummaryOf(thread, names, people, posts.Count(p => !p.IsGone), unread.Count);
        return new ThreadDetails(summary, tree, canPost, canPost ? null : ReasonCannotPost(actor, thread, workspaces), canModerate,
            following, lastRead, unread.OrderBy(p => p.Sequence).FirstOrDefault()?.Id,
            workspaces.Where(w => AccessPolicy.CanMentionWorkspace(actor, thread, w)).Select(w => w.Id).ToList());
    }

    /// <summary>Posts changed (added, edited, deleted, removed, reacted to) after
    /// <paramref name="sinceSequence"/>, in the order of their latest change, and the thread's
    /// current sequence. Calling it again with that sequence returns only what is newer.</summary>
    public async Task<ThreadChanges> GetChangesSinceAsync(Guid actorId, Guid threadId, long sinceSequence, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (thread, workspaces) = await LoadThreadAsync(db, actor, threadId, track: false, explainLeaving: false, cancellationToken);
        var posts = await db.Posts.AsNoTracking().Include(p => p.Reactions)
            .Where(p => p.ThreadId == threadId && p.ChangeSequence > sinceSequence)
            .OrderBy(p => p.ChangeSequence).ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(posts.Select(p => p.AuthorId).Concat(Reactors(posts)), cancellationToken);
        var canPost = AccessPolicy.CanPostInThread(actor, thread, workspaces);
        var canModerate = AccessPolicy.CanModerateThread(actor, thread, workspaces);
        return new ThreadChanges(thread.Id, thread.LastSequence, thread.IsPinned, thread.IsLocked,
            posts.Select(p => ViewOf(p, actor, people, canPost, canModerate)).ToList());
    }

    /// <summary>Unread posts (by others, not deleted) per visible thread and per readable workspace.</summary>
    public async Task<UnreadSummary> GetUnreadSummaryAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var me = actor.MemberId;
        var rows = await WithLastRead(db, db.Threads.AsNoTracking().Where(AccessPolicy.VisibleThreads(actor)), me)
            .Select(t => new
            {
                t.Thread.Id,
                t.Thread.Title,
                WorkspaceIds = t.Thread.Workspaces.Select(w => w.WorkspaceId).ToList(),
                Unread = t.Thread.LastSequence > t.LastRead
                    ? db.Posts.Count(p => p.ThreadId == t.Thread.Id && p.Sequence > t.LastRead && p.AuthorId != me
                        && p.DeletedAt == null && p.RemovedAt == null)
                    : 0,
            })
            .ToListAsync(cancellationToken);
        var withUnread = rows.Where(r => r.Unread > 0).ToList();
        var workspaceIds = withUnread.SelectMany(r => r.WorkspaceIds).Distinct().ToList();
        var readable = await db.Workspaces.AsNoTracking()
            .Where(AccessPolicy.ReadableWorkspaces(actor))
            .Where(w => workspaceIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Name })
            .ToListAsync(cancellationToken);
        return new UnreadSummary(
            withUnread.Sum(r => r.Unread),
            withUnread.OrderByDescending(r => r.Unread).Select(r => new ThreadUnread(r.Id, r.Title, r.Unread)).ToList(),
            readable.Select(w => new WorkspaceUnread(w.Id, w.Name, withUnread.Where(r => r.WorkspaceIds.Contains(w.Id)).Sum(r => r.Unread)))
                .OrderBy(w => w.Name, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>Earlier versions of an edited post: for leads of the thread's workspaces only.</summary>
    public async Task<PostHistory> GetPostHistoryAsync(Guid actorId, Guid postId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var post = await db.Posts.AsNoTracking().Include(p => p.Revisions).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException("post.notfound");
        var (thread, workspaces) = await LoadThreadAsync(db, actor, post.ThreadId, track: false, explainLeaving: false, cancellationToken, "post.notfound");
        if (!AccessPolicy.CanModerateThread(actor, thread, workspaces))
            throw new AccessDeniedException("discussion.moderate.denied");
        return new PostHistory(post.Id, post.Markdown, StateOf(post), post.RemovalReason,
            post.Revisions.OrderBy(r => r.WrittenAt).Select(r => new PostRevisionView(r.Markdown, r.WrittenAt, r.ReplacedAt)).ToList());
    }

    // ---- Writing ----

    /// <summary>Starts a thread in one or more workspaces; the actor must be able to contribute in each.</summary>
    public async Task<StartedThread> StartThreadAsync(Guid actorId, IReadOnlyCollection<Guid> workspaceIds, string? title,
        IEnumerable<ExploitationForm> exploitationForms, bool childConcerned, string? firstPostMarkdown,
        CancellationToken cancellationToken = default)
    {
        var body = PostBody.Parse(firstPostMarkdown);
        var rendered = renderer.Render(body);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var ids = workspaceIds.Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainRuleException("thread.workspaces.required", "workspaces");
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .Where(w => ids.Contains(w.Id))
            .ToListAsync(cancellationToken);
        if (workspaces.Count != ids.Count || workspaces.Any(w => !AccessPolicy.CanSeeWorkspace(actor, w)))
            throw new NotFoundException("workspace.notfound");
        if (!AccessPolicy.CanStartThread(actor, workspaces))
            throw new DomainRuleException(workspaces.Any(w => w.MembershipOf(actor.MemberId) is { Status: MembershipStatus.Active, Role: MembershipRole.Observer })
                ? "post.observer" : "post.not-member");
        var now = clock.GetUtcNow();

        var (thread, post) = DiscussionThread.Start(ids, title ?? "", exploitationForms, childConcerned, actor.MemberId, body, rendered, now);
        db.Threads.Add(thread);
        db.Posts.Add(post);
        await indexer.IndexThreadAsync(db, thread, cancellationToken);
        await indexer.IndexPostAsync(db, post, cancellationToken);
        await EnsureFollowingAsync(db, actor.MemberId, thread.Id, now, cancellationToken);
        // The notifier asks the thread's subject kind who may see it, so the thread is saved first and
        // its first post's notifications right after, in one transaction (its events go out at the commit).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await limiter.CountAsync(db, actor.MemberId, now,
            [new(DiscussionWrites.Thread), new(DiscussionWrites.Post, Field: "body"), new(DiscussionWrites.Mention, MentionsIn(post), "body")],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(db, actor, thread, workspaces, post, null, post.MentionedMemberIds, post.MentionedWorkspaceIds, now, includeFollowers: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StartedThread(thread.Id, post.Id, post.Sequence);
    }

    /// <summary>Posts in a thread, or replies to a post (a reply to a reply joins the top-level post).</summary>
    public async Task<PostedPost> PostAsync(Guid actorId, Guid threadId, string? markdown, Guid? parentPostId = null,
        CancellationToken cancellationToken = default)
    {
        var body = PostBody.Parse(markdown);
        var rendered = renderer.Render(body);
        var mentions = 0;
        return await ChangeThreadAsync(actorId, threadId, explainLeaving: true, async (db, actor, thread, workspaces, now) =>
        {
            EnsureCanPost(actor, thread, workspaces);
            Post? replyTo = null;
            if (parentPostId is { } parentId)
                replyTo = await db.Posts.SingleOrDefaultAsync(p => p.Id == parentId && p.ThreadId == thread.Id, cancellationToken)
                    ?? throw new NotFoundException("post.notfound");
            var post = thread.AddPost(actor.MemberId, body, rendered, replyTo, now);
            db.Posts.Add(post);
            mentions = MentionsIn(post);
            await indexer.IndexPostAsync(db, post, cancellationToken);
            await NotifyAsync(db, actor, thread, workspaces, post, replyTo, post.MentionedMemberIds, post.MentionedWorkspaceIds, now, includeFollowers: true, cancellationToken);
            await EnsureFollowingAsync(db, actor.MemberId, thread.Id, now, cancellationToken);
            return new PostedPost(post.Id, post.Sequence);
        }, cancellationToken, () => [new(DiscussionWrites.Post, Field: "body"), new(DiscussionWrites.Mention, mentions, "body")]);
    }

    public async Task EditPostAsync(Guid actorId, Guid postId, string? markdown, CancellationToken cancellationToken = default)
    {
        var body = PostBody.Parse(markdown);
        var rendered = renderer.Render(body);
        var threadId = await ThreadOfPostAsync(postId, cancellationToken);
        var newMentions = 0;
        await ChangeThreadAsync(actorId, threadId, explainLeaving: true, async (db, actor, thread, workspaces, now) =>
        {
            var post = await db.Posts.SingleAsync(p => p.Id == postId, cancellationToken);
            if (post.AuthorId != actor.MemberId)
                throw new DomainRuleException("post.edit.not-author");
            EnsureCanPost(actor, thread, workspaces);
            var mentionedBefore = post.MentionedMemberIds.ToHashSet();
            var workspacesBefore = post.MentionedWorkspaceIds.ToHashSet();
            thread.EditPost(post, actor.MemberId, body, rendered, now);
            await indexer.IndexPostAsync(db, post, cancellationToken);
            // Only people newly mentioned by the edit hear of it.
            var newMembers = post.MentionedMemberIds.Where(id => !mentionedBefore.Contains(id)).ToList();
            var newWorkspaces = post.MentionedWorkspaceIds.Where(id => !workspacesBefore.Contains(id)).ToList();
            newMentions = newMembers.Count + newWorkspaces.Count;
            await NotifyAsync(db, actor, thread, workspaces, post, null, newMembers, newWorkspaces, now, includeFollowers: false, cancellationToken);
            return true;
        }, cancellationToken, () => [new(DiscussionWrites.Edit, Field: "body"), new(DiscussionWrites.Mention, newMentions, "body")]);
    }

    /// <summary>The author deletes their own post; it stays as a "deleted" placeholder.</summary>
    public async Task DeletePostAsync(Guid actorId, Guid postId, CancellationToken cancellationToken = default)
    {
        var threadId = await ThreadOfPostAsync(postId, cancellationToken);
        await ChangeThreadAsync(actorId, threadId, explainLeaving: false, async (db, actor, thread, _, now) =>
        {
            var post = await db.Posts.Include(p => p.Revisions).SingleAsync(p => p.Id == postId, cancellationToken);
            thread.DeletePost(post, actor.MemberId, now);
            await indexer.IndexPostAsync(db, post, cancellationToken);
            return true;
        }, cancellationToken, () => [new(DiscussionWrites.Edit)]);
    }

    /// <summary>A lead of one of the thread's workspaces removes any post, with a reason everyone sees.</summary>
    public async Task RemovePostAsync(Guid actorId, Guid postId, string? reason, CancellationToken cancellationToken = default)
    {
        var threadId = await ThreadOfPostAsync(postId, cancellationToken);
        await ChangeThreadAsync(actorId, threadId, explainLeaving: false, async (db, actor, thread, workspaces, now) =>
        {
            if (!AccessPolicy.CanModerateThread(actor, thread, workspaces))
                throw new AccessDeniedException("discussion.moderate.denied");
            var post = await db.Posts.SingleAsync(p => p.Id == postId, cancellationToken);
            thread.RemovePost(post, actor.MemberId, reason, now);
            await indexer.IndexPostAsync(db, post, cancellationToken);
            return true;
        }, cancellationToken, () => [new(DiscussionWrites.Moderation, Field: "reason")]);
    }

    /// <summary>Toggles the actor's reaction; returns whether it is now given.</summary>
    public async Task<bool> ReactAsync(Guid actorId, Guid postId, string reaction, CancellationToken cancellationToken = default)
    {
        var threadId = await ThreadOfPostAsync(postId, cancellationToken);
        return await ChangeThreadAsync(actorId, threadId, explainLeaving: true, async (db, actor, thread, workspaces, now) =>
        {
            EnsureCanPost(actor, thread, workspaces);
            var post = await db.Posts.Include(p => p.Reactions).SingleAsync(p => p.Id == postId, cancellationToken);
            return thread.ToggleReaction(post, actor.MemberId, reaction, now);
        }, cancellationToken, () => [new(DiscussionWrites.Reaction)]);
    }

    public Task PinThreadAsync(Guid actorId, Guid threadId, bool pinned, CancellationToken cancellationToken = default) =>
        ModerateAsync(actorId, threadId, (actor, thread) => thread.Pin(pinned, actor.MemberId), cancellationToken);

    public Task LockThreadAsync(Guid actorId, Guid threadId, bool locked, CancellationToken cancellationToken = default) =>
        ModerateAsync(actorId, threadId, (actor, thread) => thread.Lock(locked, actor.MemberId), cancellationToken);

    public async Task FollowAsync(Guid actorId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        await LoadThreadAsync(db, actor, threadId, track: false, explainLeaving: false, cancellationToken);
        var now = clock.GetUtcNow();
        await EnsureFollowingAsync(db, actor.MemberId, threadId, now, cancellationToken);
        await limiter.SaveAsync(db, actor.MemberId, now, [new(DiscussionWrites.Follow)], cancellationToken);
    }

    public async Task UnfollowAsync(Guid actorId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        await LoadThreadAsync(db, actor, threadId, track: false, explainLeaving: false, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await limiter.CountAsync(db, actor.MemberId, clock.GetUtcNow(), [new(DiscussionWrites.Follow)], cancellationToken);
        await db.ThreadFollows.Where(f => f.ThreadId == threadId && f.MemberId == actor.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records that the actor has read the thread up to <paramref name="sequence"/>
    /// (never backwards, never past the thread's last sequence).</summary>
    public async Task MarkReadAsync(Guid actorId, Guid threadId, long sequence, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var actor = await db.LoadActorAsync(actorId, cancellationToken);
            var (thread, _) = await LoadThreadAsync(db, actor, threadId, track: false, explainLeaving: false, cancellationToken);
            var state = await db.ThreadReadStates.SingleOrDefaultAsync(r => r.ThreadId == threadId && r.MemberId == actor.MemberId, cancellationToken);
            if (state is null)
            {
                state = new ThreadReadState(actor.MemberId, threadId);
                db.ThreadReadStates.Add(state);
            }
            var readUpTo = Math.Min(sequence, thread.LastSequence);
            var advanced = state.MarkRead(readUpTo, clock.GetUtcNow());
            // Notifications about posts the member has now seen are read too, so the bell agrees.
            var seen = await db.Notifications.AsTracking()
                .Where(n => n.MemberId == actor.MemberId && n.SubjectKind == ThreadSubjectKind.Name && n.SubjectId == threadId && n.ReadAt == null)
                .Where(n => db.Posts.Any(p => p.Id == n.PartId && p.Sequence <= readUpTo))
                .ToListAsync(cancellationToken);
            foreach (var notification in seen)
                notification.MarkRead(clock.GetUtcNow());
            if (!advanced && seen.Count == 0)
                return;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two tabs marking the same thread at once: the second finds the row next time.
            }
        }
    }

    // ---- Helpers ----

    private async Task ModerateAsync(Guid actorId, Guid threadId, Action<Actor, DiscussionThread> change, CancellationToken cancellationToken) =>
        await ChangeThreadAsync(actorId, threadId, explainLeaving: false, (_, actor, thread, workspaces, _) =>
        {
            if (!AccessPolicy.CanModerateThread(actor, thread, workspaces))
                throw new AccessDeniedException("discussion.moderate.denied");
            change(actor, thread);
            return Task.FromResult(true);
        }, cancellationToken, () => [new(DiscussionWrites.Moderation)]);

    /// <summary>Runs a change to a thread in a fresh unit of work and saves it with the writes it counts
    /// (<paramref name="counted"/>, asked after the change). If another change took the thread's next
    /// sequence number first, the whole use case runs again on fresh data.</summary>
    private async Task<T> ChangeThreadAsync<T>(Guid actorId, Guid threadId, bool explainLeaving,
        Func<PortalDbContext, Actor, DiscussionThread, IReadOnlyList<Workspace>, DateTimeOffset, Task<T>> change,
        CancellationToken cancellationToken, Func<IReadOnlyCollection<CountedWrite>> counted)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var actor = await db.LoadActorAsync(actorId, cancellationToken);
            var (thread, workspaces) = await LoadThreadAsync(db, actor, threadId, track: true, explainLeaving, cancellationToken);
            var now = clock.GetUtcNow();
            var result = await change(db, actor, thread, workspaces, now);
            try
            {
                await limiter.SaveAsync(db, actor.MemberId, now, counted(), cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < options.ConcurrencyRetries)
            {
                // Lost the race for the sequence number (or a follow row): try again on fresh data,
                // after a short random pause so that the losers do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 5 + 5 * Math.Min(attempt, 10)), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainRuleException("discussion.busy");
            }
        }
    }

    private async Task<Guid> ThreadOfPostAsync(Guid postId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var threadId = await db.Posts.Where(p => p.Id == postId).Select(p => (Guid?)p.ThreadId).SingleOrDefaultAsync(cancellationToken);
        // Access is checked on the thread by the caller; an unknown post and an invisible one look alike.
        return threadId ?? throw new NotFoundException("post.notfound");
    }

    /// <summary>Loads a thread and its workspaces (with the actor's own membership), or says "not
    /// found" when the actor may not see it. With <paramref name="explainLeaving"/>, a former member
    /// of the thread's workspaces is told that they left instead (they knew the thread).</summary>
    private static async Task<(DiscussionThread, IReadOnlyList<Workspace>)> LoadThreadAsync(PortalDbContext db, Actor actor,
        Guid threadId, bool track, bool explainLeaving, CancellationToken cancellationToken, string notFoundCode = "thread.notfound")
    {
        var threads = track ? db.Threads : db.Threads.AsNoTracking();
        var thread = await threads.Include(t => t.Workspaces).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken)
            ?? throw new NotFoundException(notFoundCode);
        var ids = thread.WorkspaceIds;
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .Where(w => ids.Contains(w.Id))
            .ToListAsync(cancellationToken);
        if (AccessPolicy.CanSeeThread(actor, thread, workspaces))
            return (thread, workspaces);
        if (explainLeaving && workspaces.Any(w => w.MembershipOf(actor.MemberId)?.Status is MembershipStatus.Left or MembershipStatus.Removed))
            throw new DomainRuleException("post.left-workspace");
        throw new NotFoundException(notFoundCode);
    }

    private static void EnsureCanPost(Actor actor, DiscussionThread thread, IReadOnlyList<Workspace> workspaces)
    {
        if (!AccessPolicy.CanPostInThread(actor, thread, workspaces))
            throw new DomainRuleException(ReasonCannotPost(actor, thread, workspaces));
    }

    private static string ReasonCannotPost(Actor actor, DiscussionThread thread, IReadOnlyList<Workspace> workspaces)
    {
        if (thread.IsLocked)
            return "thread.locked";
        var standings = workspaces.Select(w => w.MembershipOf(actor.MemberId)).OfType<Membership>().ToList();
        if (standings.Any(m => m is { Status: MembershipStatus.Active, Role: MembershipRole.Observer }))
            return "post.observer";
        if (standings.Any(m => m.Status is MembershipStatus.Left or MembershipStatus.Removed))
            return "post.left-workspace";
        return "post.not-member";
    }

    private static int MentionsIn(Post post) => post.MentionedMemberIds.Count + post.MentionedWorkspaceIds.Count;

    private static async Task EnsureFollowingAsync(PortalDbContext db, Guid memberId, Guid threadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.ThreadFollows.Local.Any(f => f.MemberId == memberId && f.ThreadId == threadId)
            || await db.ThreadFollows.AnyAsync(f => f.MemberId == memberId && f.ThreadId == threadId, cancellationToken))
            return;
        db.ThreadFollows.Add(new ThreadFollow(memberId, threadId, now));
    }

    /// <summary>One notification per member who may see the thread: mentioned (directly or through a
    /// mentioned workspace), replied to, or following; a mention outranks a reply, a reply outranks a
    /// followed post. Mentioned readers start following. A workspace mention counts only where the
    /// policy lets the author mention that workspace as a whole (<see cref="AccessPolicy.CanMentionWorkspace"/>);
    /// <paramref name="threadWorkspaces"/> are loaded with at least the author's own membership.</summary>
    private async Task NotifyAsync(PortalDbContext db, Actor actor, DiscussionThread thread, IReadOnlyCollection<Workspace> threadWorkspaces,
        Post post, Post? replyTo, IReadOnlyCollection<Guid> mentionedMembers, IReadOnlyCollection<Guid> mentionedWorkspaces, DateTimeOffset now,
        bool includeFollowers, CancellationToken cancellationToken)
    {
        var actorId = actor.MemberId;
        var mentioned = mentionedMembers.ToHashSet();
        var workspaceIds = threadWorkspaces
            .Where(w => mentionedWorkspaces.Contains(w.Id) && AccessPolicy.CanMentionWorkspace(actor, thread, w))
            .Select(w => w.Id).ToList();
        if (workspaceIds.Count > 0)
        {
            mentioned.UnionWith(await db.Memberships
                .Where(m => workspaceIds.Contains(m.WorkspaceId) && m.Status == MembershipStatus.Active)
                .Select(m => m.MemberId).ToListAsync(cancellationToken));
        }
        var followers = includeFollowers
            ? await db.ThreadFollows.Where(f => f.ThreadId == thread.Id).Select(f => f.MemberId).ToListAsync(cancellationToken)
            : [];
        var repliedTo = replyTo?.AuthorId is { } r && !mentioned.Contains(r) ? new[] { r } : [];
        var subject = ThreadSubjectKind.Of(thread.Id);
        var mentionedReaders = await notifier.NotifyAsync(db, DiscussionNotificationKinds.Mention, subject, post.Id, actorId, mentioned, now,
            cancellationToken: cancellationToken);
        await notifier.NotifyAsync(db, DiscussionNotificationKinds.Reply, subject, post.Id, actorId, repliedTo, now, cancellationToken: cancellationToken);
        await notifier.NotifyAsync(db, DiscussionNotificationKinds.FollowedPost, subject, post.Id, actorId,
            followers.Where(id => !mentioned.Contains(id) && !repliedTo.Contains(id)), now, cancellationToken: cancellationToken);
        foreach (var reader in mentionedReaders)
            await EnsureFollowingAsync(db, reader, thread.Id, now, cancellationToken);
    }

    private static async Task<long> LastReadAsync(PortalDbContext db, Guid memberId, Guid threadId, CancellationToken cancellationToken) =>
        await db.ThreadReadStates.Where(r => r.ThreadId == threadId && r.MemberId == memberId)
            .Select(r => (long?)r.LastReadSequence).SingleOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Threads with the member's last read sequence (0 without a read state), joined once. The
    /// unread posts (by others, not gone, after it) are then counted only where the thread's last
    /// sequence is past it: a thread read up to date — most of a member's threads — costs a look-up in
    /// the read states instead of a count over its posts.</summary>
    private static IQueryable<ThreadWithLastRead> WithLastRead(PortalDbContext db, IQueryable<DiscussionThread> threads, Guid memberId) =>
        from t in threads
        join r in db.ThreadReadStates.Where(r => r.MemberId == memberId) on t.Id equals r.ThreadId into reads
        from r in reads.DefaultIfEmpty()
        select new ThreadWithLastRead { Thread = t, LastRead = (long?)r!.LastReadSequence ?? 0 };

    private sealed class ThreadWithLastRead
    {
        public required DiscussionThread Thread { get; init; }
        public required long LastRead { get; init; }
    }

    private static bool IsUnreadFor(Post post, Guid memberId, long lastRead) =>
        post.Sequence > lastRead && post.AuthorId != memberId && !post.IsGone;

    /// <summary>Names of the thread's workspaces that the actor may know of (a hidden workspace's
    /// name is not shown to outsiders even when it shares a thread with theirs).</summary>
    internal static async Task<Dictionary<Guid, string>> VisibleWorkspaceNamesAsync(PortalDbContext db, Actor actor,
        IEnumerable<Guid> workspaceIds, CancellationToken cancellationToken)
    {
        var ids = workspaceIds.Distinct().ToList();
        return await db.Workspaces.AsNoTracking()
            .Where(AccessPolicy.VisibleWorkspaces(actor))
            .Where(w => ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
    }

    private static async Task<List<ThreadSummary>> SummariesAsync(PortalDbContext db, Actor actor, IQueryable<DiscussionThread> query,
        CancellationToken cancellationToken)
    {
        var me = actor.MemberId;
        var rows = await WithLastRead(db, query, me)
            .Select(t => new
            {
                t.Thread,
                Posts = db.Posts.Count(p => p.ThreadId == t.Thread.Id && p.DeletedAt == null && p.RemovedAt == null),
                Unread = t.Thread.LastSequence > t.LastRead
                    ? db.Posts.Count(p => p.ThreadId == t.Thread.Id && p.Sequence > t.LastRead && p.AuthorId != me
                        && p.DeletedAt == null && p.RemovedAt == null)
                    : 0,
            })
            .ToListAsync(cancellationToken);
        var threadIds = rows.Select(r => r.Thread.Id).ToList();
        var links = await db.ThreadWorkspaces.AsNoTracking().Where(w => threadIds.Contains(w.ThreadId)).ToListAsync(cancellationToken);
        var names = await VisibleWorkspaceNamesAsync(db, actor, links.Select(l => l.WorkspaceId), cancellationToken);
        var people = await db.LoadPeopleAsync(rows.Select(r => r.Thread.StartedBy), cancellationToken);
        var linksByThread = links.ToLookup(l => l.ThreadId, l => l.WorkspaceId);
        return rows.Select(r => SummaryOf(r.Thread, names, people, r.Posts, r.Unread, linksByThread[r.Thread.Id])).ToList();
    }

    private static ThreadSummary SummaryOf(DiscussionThread thread, IReadOnlyDictionary<Guid, string> names,
        IReadOnlyDictionary<Guid, PersonRef> people, int postCount, int unread, IEnumerable<Guid>? workspaceIds = null) =>
        new(thread.Id, thread.Title,
            (workspaceIds ?? thread.WorkspaceIds).Where(names.ContainsKey).Select(id => new WorkspaceRef(id, names[id]))
                .OrderBy(w => w.Name, StringComparer.CurrentCulture).ToList(),
            thread.ExploitationForms.ToList(), thread.ChildConcerned, thread.IsPinned, thread.IsLocked,
            people.GetValueOrDefault(thread.StartedBy), thread.StartedAt, thread.LastActivityAt, thread.LastSequence, postCount, unread);

    private static PostState StateOf(Post post) =>
        post.IsRemoved ? PostState.Removed : post.IsDeleted ? PostState.Deleted : PostState.Visible;

    internal static PostView ViewOf(Post post, Actor actor, IReadOnlyDictionary<Guid, PersonRef> people, bool canPost, bool canModerate)
    {
        var state = StateOf(post);
        var visible = state == PostState.Visible;
        var mine = post.AuthorId == actor.MemberId;
        var reactions = visible
            ? post.Reactions.GroupBy(r => r.Reaction)
                .OrderBy(g => IndexOf(PostReaction.Offered, g.Key))
                .Select(g => new ReactionCount(g.Key, g.Count(), g.Any(r => r.MemberId == actor.MemberId),
                    g.OrderBy(r => r.ReactedAt).Select(r => people.GetValueOrDefault(r.MemberId)?.DisplayName)
                        .OfType<string>().ToList()))
                .ToList()
            : [];
        return new PostView(post.Id, post.ThreadId, post.ParentPostId, post.Sequence, post.ChangeSequence,
            people.GetValueOrDefault(post.AuthorId), post.PostedAt, post.EditedAt, state,
            Html: visible ? post.Html : null,
            Markdown: visible && mine ? post.Markdown : null,
            RemovalReason: post.RemovalReason,
            Reactions: reactions,
            IsMine: mine,
            CanEdit: visible && mine && canPost,
            CanDelete: visible && mine,
            CanRemove: visible && canModerate,
            CanSeeHistory: canModerate && post.EditedAt is not null && !post.IsDeleted);
    }

    internal static IEnumerable<Guid> Reactors(IEnumerable<Post> posts) =>
        posts.Where(p => StateOf(p) == PostState.Visible).SelectMany(p => p.Reactions).Select(r => r.MemberId);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value)
                return i;
        return list.Count;
    }
}
