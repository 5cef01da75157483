using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>One time a meeting takes place. <see cref="OriginalStart"/> is the start the series' pattern
/// gave it — the iCalendar RECURRENCE-ID — and does not change when this occurrence alone is moved.</summary>
public sealed class MeetingOccurrence : Entity
{
    private readonly List<MeetingReply> _replies = [];

    private MeetingOccurrence() { }

    internal MeetingOccurrence(Guid meetingId, DateTimeOffset start, DateTimeOffset end)
    {
        MeetingId = meetingId;
        OriginalStart = start;
        Start = start;
        End = end;
    }

    public Guid MeetingId { get; private set; }
    public DateTimeOffset OriginalStart { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public bool IsCancelled { get; private set; }
    public IReadOnlyCollection<MeetingReply> Replies => _replies.AsReadOnly();
    /// <summary>Moved away from where the series' pattern put it.</summary>
    public bool IsMoved => Start != OriginalStart;

    public MeetingReply? ReplyOf(Guid memberId) => _replies.FirstOrDefault(r => r.MemberId == memberId);

    internal void MoveTo(DateTimeOffset start, DateTimeOffset end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Back on the series' (new) pattern.</summary>
    internal void Reset(DateTimeOffset start, DateTimeOffset end)
    {
        OriginalStart = start;
        Start = start;
        End = end;
    }

    internal void Cancel() => IsCancelled = true;

    internal MeetingReply SetReply(Guid memberId, ReplyAnswer answer, string? comment, DateTimeOffset now)
    {
        if (!Enum.IsDefined(answer))
            throw new DomainRuleException("meeting.reply.answer.invalid", "answer");
        var text = Guard.OptionalText(comment, MeetingReply.CommentMaxLength, "meeting.reply.comment");
        var reply = ReplyOf(memberId);
        if (reply is null)
        {
            reply = new MeetingReply(Id, memberId, answer, text, now);
            _replies.Add(reply);
        }
        else
            reply.Change(answer, text, now);
        return reply;
    }

    internal void RemoveRepliesExcept(IReadOnlySet<Guid> memberIds) => _replies.RemoveAll(r => !memberIds.Contains(r.MemberId));

    internal void CopyRepliesFrom(MeetingOccurrence other)
    {
        foreach (var reply in other._replies)
            _replies.Add(new MeetingReply(Id, reply.MemberId, reply.Answer, reply.Comment, reply.RepliedAt));
    }
}

/// <summary>An invitee's answer for one occurrence.</summary>
public sealed class MeetingReply
{
    public const int CommentMaxLength = 500;

    private MeetingReply() { }

    internal MeetingReply(Guid occurrenceId, Guid memberId, ReplyAnswer answer, string? comment, DateTimeOffset repliedAt)
    {
        OccurrenceId = occurrenceId;
        MemberId = memberId;
        Answer = answer;
        Comment = comment;
        RepliedAt = repliedAt;
    }

    public Guid OccurrenceId { get; private set; }
    public Guid MemberId { get; private set; }
    public ReplyAnswer Answer { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RepliedAt { get; private set; }

    internal void Change(ReplyAnswer answer, string? comment, DateTimeOffset now)
    {
        Answer = answer;
        Comment = comment;
        RepliedAt = now;
    }
}
