using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>What the agenda, minutes and training parts share: which occurrence they may be written for, and
/// how a change of theirs is announced (it touches the root for concurrency and tells open pages, but is
/// nothing a calendar shows, so <see cref="Sequence"/> stays).</summary>
public sealed partial class Meeting
{
    /// <summary>An occurrence whose record may still be written: not cancelled (minutes of a meeting that did
    /// not take place would be fiction).</summary>
    private MeetingOccurrence MinutesOccurrence(Guid occurrenceId)
    {
        var occurrence = OccurrenceById(occurrenceId);
        if (occurrence.IsCancelled)
            throw new DomainRuleException("meeting.occurrence.cancelled");
        return occurrence;
    }

    /// <summary>An occurrence still to be prepared for: the meeting and the occurrence not cancelled.</summary>
    private MeetingOccurrence OpenOccurrence(Guid occurrenceId)
    {
        if (IsCancelled)
            throw new DomainRuleException("meeting.cancelled");
        return MinutesOccurrence(occurrenceId);
    }

    private bool IsInvitee(Guid memberId) => IsInvited(memberId);

    private void MinutesChanged() => Changed(calendar: false);
}
