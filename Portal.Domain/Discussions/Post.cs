using Portal.Domain.Common;

namespace Portal.Domain.Discussions;

/// <summary>The Markdown rendered to sanitised HTML, and its plain text for search and snippets.
/// Made by the infrastructure's renderer when the post is saved.</summary>
public sealed record RenderedPost(string Html, string PlainText)
{
    /// <summary>The Markdown held images, which are never shown: the preview says so.</summary>
    public bool DroppedImages { get; init; }
}

/// <summary>One post in a thread. <see cref="Sequence"/> is its place (never changes);
/// <see cref="ChangeSequence"/> is the thread sequence of its latest change, so that "what changed
/// since N" is one indexed query.</summary>
public sealed class Post : Entity
{
    public const int RemovalReasonMaxLength = 500;

    private readonly List<PostRevision> _revisions = [];
    private readonly List<PostReaction> _reactions = [];
    private List<Guid> _mentionedMemberIds = [];
    private List<Guid> _mentionedWorkspaceIds = [];

    private Post() { }

    internal Post(Guid threadId, Guid authorId, Guid? parentPostId, PostBody body, RenderedPost rendered, long sequence, DateTimeOffset now)
    {
        ThreadId = threadId;
        AuthorId = authorId;
        ParentPostId = parentPostId;
        PostedAt = now;
        Sequence = sequence;
        ChangeSequence = sequence;
        SetBody(body, rendered);
    }

    public Guid ThreadId { get; private set; }
    public Guid AuthorId { get; private set; }
    public Guid? ParentPostId { get; private set; }
    public string Markdown { get; private set; } = "";
    public string Html { get; private set; } = "";
    public string PlainText { get; private set; } = "";
    public long Sequence { get; private set; }
    public long ChangeSequence { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public Guid? RemovedBy { get; private set; }
    public string? RemovalReason { get; private set; }
    public IReadOnlyList<Guid> MentionedMemberIds => _mentionedMemberIds.AsReadOnly();
    public IReadOnlyList<Guid> MentionedWorkspaceIds => _mentionedWorkspaceIds.AsReadOnly();
    public IReadOnlyCollection<PostRevision> Revisions => _revisions.AsReadOnly();
    public IReadOnlyCollection<PostReaction> Reactions => _reactions.AsReadOnly();

    public bool IsDeleted => DeletedAt is not null;
    public bool IsRemoved => RemovedAt is not null;
    /// <summary>Deleted by its author or removed by a lead: no longer shown, replied to or edited.</summary>
    public bool IsGone => IsDeleted || IsRemoved;

    internal bool Edit(Guid editorId, PostBody body, RenderedPost rendered, DateTimeOffset now)
    {
        if (editorId != AuthorId)
            throw new DomainRuleException("post.edit.not-author");
        if (IsGone)
            throw new DomainRuleException("post.gone");
        if (body.Markdown == Markdown)
            return false;
        _revisions.Add(new PostRevision(Id, Markdown, EditedAt ?? PostedAt, now));
        EditedAt = now;
        SetBody(body, rendered);
        return true;
    }

    internal void Delete(Guid memberId, DateTimeOffset now)
    {
        if (memberId != AuthorId)
            throw new DomainRuleException("post.delete.not-author");
        if (IsGone)
            throw new DomainRuleException("post.gone");
        // The author withdrew it: the text and its earlier versions go; the placeholder stays.
        DeletedAt = now;
        Markdown = Html = PlainText = "";
        _revisions.Clear();
        _mentionedMemberIds = [];
        _mentionedWorkspaceIds = [];
    }

    internal void Remove(Guid leadId, string? reason, DateTimeOffset now)
    {
        if (IsGone)
            throw new DomainRuleException("post.gone");
        RemovalReason = Guard.RequiredText(reason, RemovalReasonMaxLength, "post.removal.reason");
        RemovedAt = now;
        RemovedBy = leadId;
        // Kept for the leads' history; out of search and out of every member's view.
        PlainText = "";
    }

    internal bool Toggle(Guid memberId, string reaction, DateTimeOffset now)
    {
        if (!PostReaction.Allowed.Contains(reaction))
            throw new DomainRuleException("post.reaction.unknown", "reaction");
        var existing = _reactions.FirstOrDefault(r => r.MemberId == memberId && r.Reaction == reaction);
        if (existing is not null)
        {
            _reactions.Remove(existing);
            return false;
        }
        _reactions.Add(new PostReaction(Id, memberId, reaction, now));
        return true;
    }

    internal void Touch(long sequence) => ChangeSequence = sequence;

    private void SetBody(PostBody body, RenderedPost rendered)
    {
        Markdown = body.Markdown;
        Html = rendered.Html;
        PlainText = rendered.PlainText;
        _mentionedMemberIds = body.Mentions.Where(m => m.Kind == MentionKind.Member).Select(m => m.Id).ToList();
        _mentionedWorkspaceIds = body.Mentions.Where(m => m.Kind == MentionKind.Workspace).Select(m => m.Id).ToList();
    }
}

/// <summary>An earlier body of an edited post: what it said, from when until when. Leads see these.</summary>
public sealed class PostRevision : Entity
{
    private PostRevision() { }

    internal PostRevision(Guid postId, string markdown, DateTimeOffset writtenAt, DateTimeOffset replacedAt)
    {
        PostId = postId;
        Markdown = markdown;
        WrittenAt = writtenAt;
        ReplacedAt = replacedAt;
    }

    public Guid PostId { get; private set; }
    public string Markdown { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }
    public DateTimeOffset ReplacedAt { get; private set; }
}

/// <summary>One member's reaction to a post, from a small allow-list.</summary>
public sealed class PostReaction
{
    public const int MaxLength = 16;

    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "👍", "❤️", "🎉", "😮", "🙏",
    };

    /// <summary>The allow-list in the order the UI offers it.</summary>
    public static readonly IReadOnlyList<string> Offered = ["👍", "❤️", "🎉", "😮", "🙏"];

    private PostReaction() { }

    internal PostReaction(Guid postId, Guid memberId, string reaction, DateTimeOffset at)
    {
        PostId = postId;
        MemberId = memberId;
        Reaction = reaction;
        ReactedAt = at;
    }

    public Guid PostId { get; private set; }
    public Guid MemberId { get; private set; }
    public string Reaction { get; private set; } = "";
    public DateTimeOffset ReactedAt { get; private set; }
}
