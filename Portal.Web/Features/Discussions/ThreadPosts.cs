using Portal.Infrastructure.Features.Discussions;

namespace Portal.Web.Features.Discussions;

/// <summary>The posts a thread page shows, merged by post id from the first load and every later
/// "changes since" answer, and the last sequence seen (where the next catch-up starts).</summary>
public sealed class ThreadPosts
{
    private readonly Dictionary<Guid, PostView> _posts = [];

    public long LastSequence { get; private set; }

    public int Count => _posts.Count;

    /// <summary>The highest post sequence shown: how far the member has read.</summary>
    public long HighestPostSequence => _posts.Count == 0 ? 0 : _posts.Values.Max(p => p.Sequence);

    public IEnumerable<PostView> TopLevel => _posts.Values.Where(p => p.ParentPostId is null).OrderBy(p => p.Sequence);

    public IEnumerable<PostView> RepliesTo(Guid postId) => _posts.Values.Where(p => p.ParentPostId == postId).OrderBy(p => p.Sequence);

    public void Load(ThreadDetails details)
    {
        foreach (var block in details.Posts)
            foreach (var post in block.Replies.Prepend(block.Post))
                Merge(post);
        LastSequence = Math.Max(LastSequence, details.Thread.LastSequence);
    }

    public void Apply(ThreadChanges changes)
    {
        foreach (var post in changes.ChangedPosts)
            Merge(post);
        LastSequence = Math.Max(LastSequence, changes.LastSequence);
    }

    public void Clear()
    {
        _posts.Clear();
        LastSequence = 0;
    }

    /// <summary>A later change of a post replaces an earlier one; an older answer arriving late
    /// (two catch-ups overlapping) does not undo it.</summary>
    private void Merge(PostView post)
    {
        if (!_posts.TryGetValue(post.Id, out var known) || known.ChangeSequence <= post.ChangeSequence)
            _posts[post.Id] = post;
    }
}
