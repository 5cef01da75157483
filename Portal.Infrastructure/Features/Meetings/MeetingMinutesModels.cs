using Portal.Domain.Meetings;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>A member as the minutes panels name them (with their organisation, since meetings span many).</summary>
public sealed record MinutesPerson(Guid MemberId, string Name, string OrganisationName);

public sealed record AttendanceRow(MinutesPerson Person, bool? Present);

public sealed record DecisionView(Guid Id, int Order, string Text);

public sealed record ActionItemView(Guid Id, string Text, MinutesPerson? Assignee, DateOnly DueOn, bool Done, bool Overdue, bool CanMarkDone);

/// <summary>One occurrence's minutes as the panel shows them. <see cref="Html"/> is the Markdown rendered and
/// sanitised; <see cref="Text"/> is the Markdown itself, only for those who may write (the editor's start).</summary>
public sealed record MinutesView(
    Guid MeetingId,
    Guid OccurrenceId,
    long Version,
    bool CanWrite,
    string Html,
    string? Text,
    MinutesPerson? WrittenBy,
    DateTimeOffset? WrittenAt,
    IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ActionItemView> ActionItems,
    IReadOnlyList<MinutesPerson> Assignable);

/// <summary>An open action item on its assignee's home page.</summary>
public sealed record MyActionItem(Guid Id, Guid MeetingId, Guid OccurrenceId, string MeetingTitle, DateTimeOffset OccurrenceStart,
    string Text, DateOnly DueOn, bool Overdue);

public sealed record AgendaLinkView(AgendaLinkKind Kind, Guid TargetId, string Title, string Href);

public sealed record AgendaItemView(Guid Id, int Order, string Title, MinutesPerson? Owner, int? MinutesAllotted,
    AgendaItemStatus Status, MinutesPerson? ProposedBy, AgendaLinkView? Link);

/// <summary>One occurrence's agenda. Editors see every open proposal; a member sees only their own.</summary>
public sealed record AgendaView(
    Guid MeetingId,
    Guid OccurrenceId,
    long Version,
    bool CanEdit,
    bool CanPropose,
    DateTimeOffset ProposalDeadline,
    bool DeadlineSet,
    bool DeadlinePassed,
    IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<AgendaItemView> Proposals,
    IReadOnlyList<MinutesPerson> Owners,
    IReadOnlyList<AgendaLinkView> LinkOptions);

public sealed record RegistrationView(MinutesPerson Person, TrainingRegistrationStatus Status, int? WaitingPlace, bool? Attended);

public sealed record OutsideParticipantView(Guid Id, string? Name, string? OrganisationName, ParticipantOrganisationKind Kind,
    Domain.Directory.County? County, int Count, bool? Attended);

/// <summary>A training occurrence's participants. Everyone who may see the training sees the seats and their own
/// place; the organisers (those who write the minutes) see who registered and the outside participants.</summary>
public sealed record TrainingParticipantsView(
    Guid MeetingId,
    Guid OccurrenceId,
    long Version,
    int Seats,
    int Taken,
    int Waiting,
    bool RegistrationOpen,
    bool CanRegister,
    bool CanManage,
    TrainingRegistrationStatus? MyStatus,
    int? MyWaitingPlace,
    IReadOnlyList<RegistrationView> Registrations,
    IReadOnlyList<OutsideParticipantView> OutsideParticipants);

public sealed record OutsideParticipantDraft(string? Name, string? OrganisationName, ParticipantOrganisationKind Kind,
    Domain.Directory.County? County, int Count);
