namespace Portal.Domain.Discussions;

/// <summary>A member follows a thread: they hear of new posts in it. Automatic when they post or are mentioned.</summary>
public sealed class ThreadFollow
{
    private ThreadFollow() { }

    public ThreadFollow(Guid memberId, Guid threadId, DateTimeOffset at)
    {
        MemberId = memberId;
        ThreadId = threadId;
        FollowedAt = at;
    }

    public Guid MemberId { get; private set; }
    public Guid ThreadId { get; private set; }
    public DateTimeOffset FollowedAt { get; private set; }
}

/// <summary>How far a member has read a thread: the highest post sequence they have seen.</summary>
public sealed class ThreadReadState
{
    private ThreadReadState() { }

    public ThreadReadState(Guid memberId, Guid threadId)
    {
        MemberId = memberId;
        ThreadId = threadId;
    }

    public Guid MemberId { get; private set; }
    public Guid ThreadId { get; private set; }
    public long LastReadSequence { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>Only moves forward: an old tab reporting an earlier position does not undo reading.</summary>
    public bool MarkRead(long sequence, DateTimeOffset now)
    {
        if (sequence <= LastReadSequence)
            return false;
        LastReadSequence = sequence;
        ReadAt = now;
        return true;
    }
}
