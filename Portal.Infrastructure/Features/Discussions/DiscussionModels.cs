using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Workspaces;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>Settings of discussions, bound from "Portal:Discussions". How much one member may write is
/// a write limit (<see cref="DiscussionWrites"/>, "Portal:RateLimits:Writes").</summary>
public sealed class DiscussionOptions
{
    /// <summary>How often a change that lost a race for the thread's next sequence number is tried
    /// again. With N people posting at the same instant the last one may lose N-1 times.</summary>
    public int ConcurrencyRetries { get; set; } = 30;
}

public sealed record WorkspaceRef(Guid Id, string Name);

public sealed record ThreadSummary(
    Guid Id,
    string Title,
    IReadOnlyList<WorkspaceRef> Workspaces,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    bool ChildConcerned,
    bool IsPinned,
    bool IsLocked,
    PersonRef? StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt,
    long LastSequence,
    int PostCount,
    int UnreadCount);

/// <summary>The first threads of a workspace's list, and whether it has more.</summary>
public sealed record ThreadListPage(IReadOnlyList<ThreadSummary> Threads, bool HasMore);

public enum PostState
{
    Visible,
    Deleted,
    Removed,
}

/// <summary>One reaction used on a post: how many gave it, whether the actor did, and who did (display
/// names in the order they reacted, for the chip's accessible name and tooltip).</summary>
public sealed record ReactionCount(string Reaction, int Count, bool Mine, IReadOnlyList<string> ReactedBy);

/// <summary>One post as the actor may see it. <see cref="Html"/> is sanitised (safe for MarkupString)
/// and null for deleted or removed posts; <see cref="Markdown"/> is given only to the author, for editing.</summary>
public sealed record PostView(
    Guid Id,
    Guid ThreadId,
    Guid? ParentPostId,
    long Sequence,
    long ChangeSequence,
    PersonRef? Author,
    DateTimeOffset PostedAt,
    DateTimeOffset? EditedAt,
    PostState State,
    string? Html,
    string? Markdown,
    string? RemovalReason,
    IReadOnlyList<ReactionCount> Reactions,
    bool IsMine,
    bool CanEdit,
    bool CanDelete,
    bool CanRemove,
    bool CanSeeHistory);

public sealed record PostWithReplies(PostView Post, IReadOnlyList<PostView> Replies);

public sealed record ThreadDetails(
    ThreadSummary Thread,
    IReadOnlyList<PostWithReplies> Posts,
    bool CanPost,
    /// <summary>Why the actor cannot post (an ErrorText code), or null.</summary>
    string? CannotPostReason,
    bool CanModerate,
    bool IsFollowing,
    long MyLastReadSequence,
    Guid? FirstUnreadPostId,
    /// <summary>The thread's workspaces the actor may mention as a whole (the mention picker offers only these).</summary>
    IReadOnlyList<Guid> MentionableWorkspaceIds);

/// <summary>What changed in a thread after a sequence number, in the order it changed; the live
/// views' and the hub's catch-up call.</summary>
public sealed record ThreadChanges(Guid ThreadId, long LastSequence, bool IsPinned, bool IsLocked, IReadOnlyList<PostView> ChangedPosts);

public sealed record ThreadUnread(Guid ThreadId, string Title, int UnreadCount);

public sealed record WorkspaceUnread(Guid WorkspaceId, string Name, int UnreadCount);

public sealed record UnreadSummary(int TotalUnread, IReadOnlyList<ThreadUnread> Threads, IReadOnlyList<WorkspaceUnread> Workspaces);

public sealed record PostRevisionView(string Markdown, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);

public sealed record PostHistory(Guid PostId, string CurrentMarkdown, PostState State, string? RemovalReason, IReadOnlyList<PostRevisionView> Revisions);

public sealed record StartedThread(Guid ThreadId, Guid FirstPostId, long Sequence);

public sealed record PostedPost(Guid PostId, long Sequence);
