using Portal.Domain.Meetings;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Which part of a series a change or cancellation applies to. For a single meeting every scope
/// means the meeting.</summary>
public enum MeetingChangeScope
{
    /// <summary>One occurrence (needs its id).</summary>
    Occurrence = 1,
    /// <summary>This and all following occurrences (needs the first one's id): the series is split.</summary>
    Following = 2,
    /// <summary>The whole meeting or series.</summary>
    Whole = 3,
}

/// <summary>Who is invited: the whole of the chosen workspaces, chosen members, and/or all members of chosen
/// organisations. Resolved to members when the meeting is saved: active members of the chosen workspaces,
/// and chosen members and organisation members only if they may read one of the meeting's workspaces.</summary>
public sealed record InviteeSelection(bool WholeWorkspaces, IReadOnlyList<Guid> MemberIds, IReadOnlyList<Guid> OrganisationIds)
{
    public static readonly InviteeSelection WholeWorkspace = new(true, [], []);
}

/// <summary>What the scheduling form sends. Times are wall-clock times in Europe/Stockholm (the kind of the
/// DateTime is ignored). The first of <see cref="WorkspaceIds"/> is the home workspace.</summary>
public sealed record MeetingDraft(
    MeetingKind Kind,
    string? Title,
    string? Description,
    IReadOnlyList<Guid> WorkspaceIds,
    DateTime LocalStart,
    DateTime LocalEnd,
    string? Address,
    string? OnlineLink,
    MeetingRecurrence? Recurrence,
    InviteeSelection Invitees,
    int? Seats = null,
    Guid? SecretaryId = null);

/// <summary>A member as the meeting pages show them.</summary>
public sealed record MeetingPerson(Guid MemberId, string Name, Guid OrganisationId, string OrganisationName);

/// <summary>One invitee's reply (or none yet) for an occurrence.</summary>
public sealed record MeetingReplyView(MeetingPerson Member, ReplyAnswer? Answer, string? Comment, DateTimeOffset? RepliedAt);

/// <summary>The replies of one organisation's invitees, for the editors.</summary>
public sealed record OrganisationReplies(Guid OrganisationId, string OrganisationName, IReadOnlyList<MeetingReplyView> Replies,
    int Accepted, int Maybe, int Declined, int NotReplied);

/// <summary>One occurrence in lists (the series' list on the meeting page, the calendars).</summary>
public sealed record OccurrenceView(Guid OccurrenceId, DateTimeOffset OriginalStart, DateTimeOffset Start, DateTimeOffset End,
    bool IsCancelled, bool IsMoved);

/// <summary>The meeting page: the meeting, the chosen occurrence (the next upcoming one when none was
/// asked for), what the actor may do, the actor's own reply and, for editors, everyone's by organisation.</summary>
public sealed record MeetingView(
    Guid MeetingId,
    string Uid,
    int Sequence,
    long Version,
    MeetingKind Kind,
    string Title,
    string Description,
    string? Address,
    string? OnlineLink,
    MeetingPerson Organiser,
    MeetingPerson? Secretary,
    IReadOnlyList<MeetingWorkspaceView> Workspaces,
    MeetingRecurrence? Recurrence,
    DateTime SeriesStartLocal,
    int DurationMinutes,
    int? Seats,
    DateTimeOffset? CancelledAt,
    int InviteeCount,
    IReadOnlyList<OccurrenceView> Occurrences,
    OccurrenceView Occurrence,
    ReplyAnswer? MyAnswer,
    string? MyComment,
    bool IsInvited,
    bool CanEdit,
    bool CanReply,
    bool CanWriteMinutes,
    bool CanSeeReplies,
    /// <summary>Empty unless <see cref="CanSeeReplies"/>.</summary>
    IReadOnlyList<OrganisationReplies> RepliesByOrganisation,
    /// <summary>Counts for the chosen occurrence; null unless <see cref="CanSeeReplies"/>.</summary>
    ReplyCounts? Counts)
{
    public bool IsSeries => Recurrence is not null;
    public bool IsCancelled => CancelledAt is not null;
}

public sealed record MeetingWorkspaceView(Guid WorkspaceId, string Name);

public sealed record ReplyCounts(int Accepted, int Maybe, int Declined, int NotReplied);

/// <summary>One occurrence in a member's or a workspace's list and calendars. <see cref="MyAnswer"/> is
/// null when the member has not replied (or is not invited: <see cref="IsInvited"/>).</summary>
public sealed record OccurrenceSummary(
    Guid MeetingId,
    Guid OccurrenceId,
    MeetingKind Kind,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Address,
    bool Online,
    bool IsCancelled,
    bool IsSeries,
    Guid HomeWorkspaceId,
    string HomeWorkspaceName,
    bool IsInvited,
    ReplyAnswer? MyAnswer);

/// <summary>The invitee count and names for the scheduling form (names capped to the first few).</summary>
public sealed record InviteePreview(int Count, IReadOnlyList<MeetingPerson> FirstMembers, bool TooMany);

/// <summary>"Find a time": the proposed time (Stockholm wall-clock), who is asked about, and how many
/// suggestions to return.</summary>
public sealed record FindTimeQuery(IReadOnlyList<Guid> WorkspaceIds, InviteeSelection Invitees, DateTime LocalStart, DateTime LocalEnd,
    int Suggestions = 5, Guid? IgnoreMeetingId = null);

/// <summary>An invitee with a portal meeting overlapping the proposed time (the title only if the asker may see it).</summary>
public sealed record BusyInvitee(MeetingPerson Member, DateTimeOffset BusyFrom, DateTimeOffset BusyTo, string? MeetingTitle);

/// <summary>A suggested slot (Stockholm wall-clock) and how many of the invitees are free then.</summary>
public sealed record SuggestedSlot(DateTime LocalStart, DateTime LocalEnd, int Free, int Invited);

public sealed record FindTimeResult(int Invited, IReadOnlyList<BusyInvitee> Busy, IReadOnlyList<SuggestedSlot> Suggestions);
