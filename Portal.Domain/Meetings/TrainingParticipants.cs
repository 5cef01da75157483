using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Organisations;

namespace Portal.Domain.Meetings;

/// <summary>The kind of organisation a training participant comes from. Trainings reach beyond the portal's
/// members (taxi, hotel and restaurant staff in the coordinator's campaigns), so the portal's organisation
/// kinds are extended by businesses and "other"; the numbers of the portal's kinds are kept.</summary>
public enum ParticipantOrganisationKind
{
    StateAgency = 1,
    CountyAdministrativeBoard = 2,
    Municipality = 3,
    Region = 4,
    Ngo = 5,
    InternationalOrganisation = 6,
    Business = 20,
    Other = 99,
}

public static class ParticipantOrganisationKinds
{
    public static ParticipantOrganisationKind Of(OrganisationKind kind) => (ParticipantOrganisationKind)(int)kind;
}

public enum TrainingRegistrationStatus
{
    Registered = 1,
    Waiting = 2,
}

/// <summary>A member registered for a training occurrence: with a seat, or on the waiting list in the order
/// they registered (a freed seat goes to the first waiting).</summary>
public sealed class TrainingRegistration : Entity
{
    private TrainingRegistration() { }

    internal TrainingRegistration(Guid meetingId, Guid occurrenceId, Guid memberId, TrainingRegistrationStatus status, DateTimeOffset now)
    {
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        MemberId = memberId;
        Status = status;
        RegisteredAt = now;
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public Guid MemberId { get; private set; }
    public TrainingRegistrationStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public bool? Attended { get; private set; }

    internal void MoveUp() => Status = TrainingRegistrationStatus.Registered;

    internal void MarkAttended(bool attended) => Attended = attended;
}

/// <summary>Participants from outside the portal: one named person (count 1) or a number of people from one
/// kind of organisation (and county), as the organiser knows them.</summary>
public sealed class TrainingOutsideParticipant : Entity
{
    public const int NameMaxLength = 200;
    public const int OrganisationMaxLength = 200;
    public const int MaxCount = 1000;

    private TrainingOutsideParticipant() { }

    internal TrainingOutsideParticipant(Guid meetingId, Guid occurrenceId, string? name, string? organisationName,
        ParticipantOrganisationKind kind, County? county, int count, Guid recordedById, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("meeting.training.kind.invalid", "kind");
        if (county is { } c && !Enum.IsDefined(c))
            throw new DomainRuleException("meeting.training.county.invalid", "county");
        MeetingId = meetingId;
        OccurrenceId = occurrenceId;
        Name = Guard.OptionalText(name, NameMaxLength, "meeting.training.name");
        OrganisationName = Guard.OptionalText(organisationName, OrganisationMaxLength, "meeting.training.organisation");
        if (Name is not null)
        {
            // A named person is one person, from a named organisation.
            if (OrganisationName is null)
                throw new DomainRuleException("meeting.training.organisation.required", "organisation");
            count = 1;
        }
        if (count is < 1 or > MaxCount)
            throw new DomainRuleException("meeting.training.count.invalid", "count");
        Kind = kind;
        County = county;
        Count = count;
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public Guid MeetingId { get; private set; }
    public Guid OccurrenceId { get; private set; }
    public string? Name { get; private set; }
    public string? OrganisationName { get; private set; }
    public ParticipantOrganisationKind Kind { get; private set; }
    public County? County { get; private set; }
    public int Count { get; private set; }
    /// <summary>For a named person: whether they came (null: not recorded). A count is the number who came.</summary>
    public bool? Attended { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsNamed => Name is not null;

    internal void MarkAttended(bool attended)
    {
        if (!IsNamed)
            throw new DomainRuleException("meeting.training.attendance.counted");
        Attended = attended;
    }
}
