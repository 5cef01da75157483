using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Discussions;

/// <summary>A conversation shared in one or more workspaces (a cross-authority thread is shared in
/// several). The thread owns the per-thread sequence: every change to it or its posts takes the
/// next number, and the thread row's <see cref="LastSequence"/> is the concurrency token that makes
/// two concurrent changes serialise (the loser retries).</summary>
public sealed class DiscussionThread : AuditableEntity
{
    public const int TitleMaxLength = 200;
    public const int MaxWorkspaces = 10;

    private readonly List<ThreadWorkspace> _workspaces = [];
    private List<ExploitationForm> _exploitationForms = [];

    private DiscussionThread() { }

    public string Title { get; private set; } = "";
    public IReadOnlyCollection<ThreadWorkspace> Workspaces => _workspaces.AsReadOnly();
    public IReadOnlyList<Guid> WorkspaceIds => _workspaces.Select(w => w.WorkspaceId).ToList();
    public IReadOnlyList<ExploitationForm> ExploitationForms => _exploitationForms.AsReadOnly();
    /// <summary>A child is concerned: shown on the thread everywhere and counted in statistics.</summary>
    public bool ChildConcerned { get; private set; }
    public bool IsPinned { get; private set; }
    public bool IsLocked { get; private set; }
    public Guid StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public long LastSequence { get; private set; }

    /// <summary>Starts a thread with its first post (sequence 1).</summary>
    public static (DiscussionThread Thread, Post FirstPost) Start(IEnumerable<Guid> workspaceIds, string title,
        IEnumerable<ExploitationForm> forms, bool childConcerned, Guid startedBy, PostBody body, RenderedPost rendered,
        DateTimeOffset now)
    {
        var ids = workspaceIds.Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainRuleException("thread.workspaces.required", "workspaces");
        if (ids.Count > MaxWorkspaces)
            throw new DomainRuleException("thread.workspaces.too-many", "workspaces");
        var formList = forms.Distinct().Order().ToList();
        if (formList.Any(f => !Enum.IsDefined(f)))
            throw new DomainRuleException("thread.forms.invalid", "forms");
        var thread = new DiscussionThread
        {
            Title = Guard.RequiredText(title, TitleMaxLength, "thread.title"),
            ChildConcerned = childConcerned,
            StartedBy = startedBy,
            StartedAt = now,
            LastActivityAt = now,
            _exploitationForms = formList,
        };
        thread._workspaces.AddRange(ids.Select(id => new ThreadWorkspace(thread.Id, id)));
        var post = new Post(thread.Id, startedBy, null, body, rendered, thread.Next(now), now);
        thread.Raise(new ThreadActivity(thread.Id, post.Sequence, ThreadActivityKind.ThreadStarted, post.Id, startedBy, thread.WorkspaceIds));
        return (thread, post);
    }

    /// <summary>Adds a post; a reply to a reply attaches to the top-level post (one level of nesting).</summary>
    public Post AddPost(Guid authorId, PostBody body, RenderedPost rendered, Post? replyTo, DateTimeOffset now)
    {
        EnsureOpen();
        Guid? parentId = null;
        if (replyTo is not null)
        {
            EnsureMine(replyTo);
            if (replyTo.IsGone)
                throw new DomainRuleException("post.reply.parent-gone", "parent");
            parentId = replyTo.ParentPostId ?? replyTo.Id;
        }
        var post = new Post(Id, authorId, parentId, body, rendered, Next(now), now);
        Raise(new ThreadActivity(Id, post.Sequence, ThreadActivityKind.PostAdded, post.Id, authorId, WorkspaceIds));
        return post;
    }

    public void EditPost(Post post, Guid editorId, PostBody body, RenderedPost rendered, DateTimeOffset now)
    {
        EnsureMine(post);
        EnsureOpen();
        if (!post.Edit(editorId, body, rendered, now))
            return;
        var sequence = Next(now);
        post.Touch(sequence);
        Raise(new ThreadActivity(Id, sequence, ThreadActivityKind.PostEdited, post.Id, editorId, WorkspaceIds));
    }

    /// <summary>The author withdraws a post; it stays as a "deleted" placeholder so replies keep their place.</summary>
    public void DeletePost(Post post, Guid memberId, DateTimeOffset now)
    {
        EnsureMine(post);
        post.Delete(memberId, now);
        var sequence = Next(now);
        post.Touch(sequence);
        Raise(new ThreadActivity(Id, sequence, ThreadActivityKind.PostDeleted, post.Id, memberId, WorkspaceIds));
    }

    /// <summary>A lead removes a post with a reason that everyone sees. The policy decides who may.</summary>
    public void RemovePost(Post post, Guid leadId, string? reason, DateTimeOffset now)
    {
        EnsureMine(post);
        post.Remove(leadId, reason, now);
        var sequence = Next(now);
        post.Touch(sequence);
        Raise(new ThreadActivity(Id, sequence, ThreadActivityKind.PostRemoved, post.Id, leadId, WorkspaceIds));
    }

    /// <summary>Adds the reaction if the member has not given it, removes it if they have.
    /// Returns true when it is now present.</summary>
    public bool ToggleReaction(Post post, Guid memberId, string reaction, DateTimeOffset now)
    {
        EnsureMine(post);
        EnsureOpen();
        if (post.IsGone)
            throw new DomainRuleException("post.gone");
        var present = post.Toggle(memberId, reaction, now);
        var sequence = Next(now, touchActivity: false);
        post.Touch(sequence);
        Raise(new ThreadActivity(Id, sequence, ThreadActivityKind.ReactionChanged, post.Id, memberId, WorkspaceIds));
        return present;
    }

    public void Pin(bool pinned, Guid leadId)
    {
        if (IsPinned == pinned)
            return;
        IsPinned = pinned;
        Raise(new ThreadActivity(Id, LastSequence, ThreadActivityKind.ThreadPinned, null, leadId, WorkspaceIds));
    }

    public void Lock(bool locked, Guid leadId)
    {
        if (IsLocked == locked)
            return;
        IsLocked = locked;
        Raise(new ThreadActivity(Id, LastSequence, ThreadActivityKind.ThreadLocked, null, leadId, WorkspaceIds));
    }

    private long Next(DateTimeOffset now, bool touchActivity = true)
    {
        LastSequence++;
        if (touchActivity)
            LastActivityAt = now;
        return LastSequence;
    }

    private void EnsureOpen()
    {
        if (IsLocked)
            throw new DomainRuleException("thread.locked");
    }

    private void EnsureMine(Post post)
    {
        if (post.ThreadId != Id)
            throw new DomainRuleException("post.other-thread");
    }
}

/// <summary>One workspace a thread is shared in.</summary>
public sealed class ThreadWorkspace
{
    private ThreadWorkspace() { }

    internal ThreadWorkspace(Guid threadId, Guid workspaceId)
    {
        ThreadId = threadId;
        WorkspaceId = workspaceId;
    }

    public Guid ThreadId { get; private set; }
    public Guid WorkspaceId { get; private set; }
    /// <summary>For the access policy's query face only; not loaded in use cases.</summary>
    public Workspace? Workspace { get; private set; }
}
