using System.Linq.Expressions;
using Portal.Domain.Discussions;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Discussion threads ----
    // A thread is visible iff the actor may read at least one of the workspaces it is shared in.
    // Per-item checks take the thread's workspaces loaded with at least the actor's own membership.

    public static bool CanSeeThread(Actor actor, DiscussionThread thread, IEnumerable<Workspace> threadWorkspaces) =>
        ThreadWorkspacesOf(thread, threadWorkspaces).Any(w => CanReadWorkspace(actor, w));

    public static Expression<Func<DiscussionThread, bool>> VisibleThreads(Actor actor)
    {
        var memberId = actor.MemberId;
        return WithReadableRule<DiscussionThread>(t => t.Workspaces.Any(tw => IsReadable(tw.Workspace!, memberId)));
    }

    /// <summary>A post is visible with its thread (a deleted or removed one as a placeholder).</summary>
    public static bool CanSeePost(Actor actor, Post post, DiscussionThread thread, IEnumerable<Workspace> threadWorkspaces) =>
        post.ThreadId == thread.Id && CanSeeThread(actor, thread, threadWorkspaces);

    /// <summary>The query face for posts: those whose thread is among <paramref name="threads"/>
    /// filtered by <see cref="VisibleThreads"/>.</summary>
    public static Expression<Func<Post, bool>> VisiblePosts(Actor actor, IQueryable<DiscussionThread> threads)
    {
        var visible = threads.Where(VisibleThreads(actor));
        return p => visible.Any(t => t.Id == p.ThreadId);
    }

    /// <summary>Start a thread in these workspaces: a contributor (lead or member) in every one of
    /// them — starting a thread is posting into each, which observers do not.</summary>
    public static bool CanStartThread(Actor actor, IReadOnlyCollection<Workspace> workspaces) =>
        workspaces.Count > 0 && workspaces.All(w => CanContribute(actor, w));

    /// <summary>Post, reply, react and edit one's own: a contributor in at least one of the thread's
    /// workspaces, and the thread not locked.</summary>
    public static bool CanPostInThread(Actor actor, DiscussionThread thread, IEnumerable<Workspace> threadWorkspaces) =>
        !thread.IsLocked && ThreadWorkspacesOf(thread, threadWorkspaces).Any(w => CanContribute(actor, w));

    /// <summary>Pin, lock, remove any post with a reason, see edit history: a lead of any of its workspaces.</summary>
    public static bool CanModerateThread(Actor actor, DiscussionThread thread, IEnumerable<Workspace> threadWorkspaces) =>
        ThreadWorkspacesOf(thread, threadWorkspaces).Any(w => w.IsLead(actor.MemberId));

    /// <summary>Mention a workspace as a whole (which notifies all its members and makes them
    /// follow): only a workspace the thread is shared with — its members may read the thread — and
    /// only by a contributor (lead or member) of that workspace, who may address it. Any other
    /// workspace mention stays in the text but notifies no one. Item-only: it is asked per post
    /// and per thread page, never as a query.</summary>
    public static bool CanMentionWorkspace(Actor actor, DiscussionThread thread, Workspace workspace) =>
        thread.WorkspaceIds.Contains(workspace.Id) && CanContribute(actor, workspace);

    private static IEnumerable<Workspace> ThreadWorkspacesOf(DiscussionThread thread, IEnumerable<Workspace> workspaces)
    {
        var ids = thread.WorkspaceIds;
        return workspaces.Where(w => ids.Contains(w.Id));
    }
}
