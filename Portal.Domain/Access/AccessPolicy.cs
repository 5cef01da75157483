using System.Linq.Expressions;
using Portal.Domain.Discussions;
using Portal.Domain.Updates;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

/// <summary>The one place that answers "may this member see or do this to that?". Each question
/// about lists has two faces: a per-item check on a loaded aggregate and an expression that filters
/// a query. Tests prove the two faces agree on the same data.</summary>
public static class AccessPolicy
{
    // ---- Workspaces: knowing that it exists (name, purpose, leads) ----

    public static bool CanSeeWorkspace(Actor actor, Workspace workspace) =>
        actor.IsAdministrator
        || workspace.Visibility != WorkspaceVisibility.Hidden
        || workspace.Memberships.Any(m => m.MemberId == actor.MemberId
            && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Invited));

    public static Expression<Func<Workspace, bool>> VisibleWorkspaces(Actor actor)
    {
        var memberId = actor.MemberId;
        if (actor.IsAdministrator)
            return w => true;
        return w => w.Visibility != WorkspaceVisibility.Hidden
            || w.Memberships.Any(m => m.MemberId == memberId
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Invited));
    }

    // ---- Workspaces: reading what is inside (members, threads, documents) ----
    // Need-to-know: administrators manage workspaces but do not read closed ones' contents.

    public static bool CanReadWorkspace(Actor actor, Workspace workspace) =>
        workspace.Visibility == WorkspaceVisibility.Open
        || workspace.Memberships.Any(m => m.MemberId == actor.MemberId && m.Status == MembershipStatus.Active);

    public static Expression<Func<Workspace, bool>> ReadableWorkspaces(Actor actor)
    {
        var memberId = actor.MemberId;
        return w => w.Visibility == WorkspaceVisibility.Open
            || w.Memberships.Any(m => m.MemberId == memberId && m.Status == MembershipStatus.Active);
    }

    /// <summary>The roster of a workspace: its readers, plus administrators who manage it.</summary>
    public static bool CanSeeRoster(Actor actor, Workspace workspace) =>
        actor.IsAdministrator || CanReadWorkspace(actor, workspace);

    // ---- Workspaces: acting ----

    /// <summary>Leads and members post; observers only read; non-members of an open workspace
    /// join first.</summary>
    public static bool CanContribute(Actor actor, Workspace workspace) =>
        workspace.Memberships.Any(m => m.MemberId == actor.MemberId
            && m.Status == MembershipStatus.Active
            && (m.Role == MembershipRole.Lead || m.Role == MembershipRole.Member));

    public static bool CanManageMembers(Actor actor, Workspace workspace) =>
        actor.IsAdministrator || workspace.IsLead(actor.MemberId);

    // ---- Discussion threads ----
    // A thread is visible iff the actor may read at least one of the workspaces it is shared in
    // (the ReadableWorkspaces rule: open, or an active membership). Per-item checks take the
    // thread's workspaces loaded with at least the actor's own membership.

    public static bool CanSeeThread(Actor actor, DiscussionThread thread, IEnumerable<Workspace> threadWorkspaces) =>
        ThreadWorkspacesOf(thread, threadWorkspaces).Any(w => CanReadWorkspace(actor, w));

    public static Expression<Func<DiscussionThread, bool>> VisibleThreads(Actor actor)
    {
        var memberId = actor.MemberId;
        return t => t.Workspaces.Any(tw => tw.Workspace!.Visibility == WorkspaceVisibility.Open
            || tw.Workspace.Memberships.Any(m => m.MemberId == memberId && m.Status == MembershipStatus.Active));
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

    private static IEnumerable<Workspace> ThreadWorkspacesOf(DiscussionThread thread, IEnumerable<Workspace> workspaces)
    {
        var ids = thread.WorkspaceIds;
        return workspaces.Where(w => ids.Contains(w.Id));
    }

    // ---- Workspace updates ----

    public static bool CanSeeUpdate(Actor actor, WorkspaceUpdate update, Workspace workspace) =>
        update.WorkspaceId == workspace.Id && CanReadWorkspace(actor, workspace);

    public static Expression<Func<WorkspaceUpdate, bool>> VisibleUpdates(Actor actor)
    {
        var memberId = actor.MemberId;
        return u => u.Workspace!.Visibility == WorkspaceVisibility.Open
            || u.Workspace.Memberships.Any(m => m.MemberId == memberId && m.Status == MembershipStatus.Active);
    }

    public static bool CanPostUpdate(Actor actor, Workspace workspace) => CanContribute(actor, workspace);

    public static bool CanPinUpdate(Actor actor, Workspace workspace) => workspace.IsLead(actor.MemberId);

    // ---- Administration ----

    public static bool CanAdminister(Actor actor) => actor.IsAdministrator;
}
