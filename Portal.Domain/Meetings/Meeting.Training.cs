using Portal.Domain.Common;
using Portal.Domain.Directory;

namespace Portal.Domain.Meetings;

/// <summary>Registration for a training occurrence: a seat while there are seats, then the waiting list in
/// the order of registering; a freed seat goes to the first waiting. Outside participants (by name, or a
/// count per kind of organisation) and attendance feed the yearly figures.</summary>
public sealed partial class Meeting
{
    public const int MaxOutsideRowsPerOccurrence = 500;

    private readonly List<TrainingRegistration> _registrations = [];
    private readonly List<TrainingOutsideParticipant> _outsideParticipants = [];

    public IReadOnlyCollection<TrainingRegistration> Registrations => _registrations.AsReadOnly();
    public IReadOnlyCollection<TrainingOutsideParticipant> OutsideParticipants => _outsideParticipants.AsReadOnly();

    public IReadOnlyList<TrainingRegistration> RegistrationsOf(Guid occurrenceId) =>
        _registrations.Where(r => r.OccurrenceId == occurrenceId).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToList();

    public TrainingRegistration Register(Guid occurrenceId, Guid memberId, DateTimeOffset now)
    {
        var occurrence = TrainingOccurrence(occurrenceId);
        if (occurrence.Start <= now)
            throw new DomainRuleException("meeting.training.registration-closed");
        if (_registrations.Any(r => r.OccurrenceId == occurrenceId && r.MemberId == memberId))
            throw new DomainRuleException("meeting.training.already-registered");
        var taken = _registrations.Count(r => r.OccurrenceId == occurrenceId && r.Status == TrainingRegistrationStatus.Registered);
        var status = taken < (Seats ?? 0) ? TrainingRegistrationStatus.Registered : TrainingRegistrationStatus.Waiting;
        var registration = new TrainingRegistration(Id, occurrenceId, memberId, status, now);
        _registrations.Add(registration);
        MinutesChanged();
        return registration;
    }

    /// <summary>Withdraws a registration; returns the registration that moved up into the freed seat, if any.</summary>
    public TrainingRegistration? Unregister(Guid occurrenceId, Guid memberId)
    {
        TrainingOccurrence(occurrenceId);
        var registration = _registrations.SingleOrDefault(r => r.OccurrenceId == occurrenceId && r.MemberId == memberId)
            ?? throw new NotFoundException("meeting.training.registration.notfound");
        _registrations.Remove(registration);
        var movedUp = registration.Status == TrainingRegistrationStatus.Registered ? FillSeats(occurrenceId).FirstOrDefault() : null;
        MinutesChanged();
        return movedUp;
    }

    /// <summary>Moves the first waiting up into every free seat (after a withdrawal, or when seats were added).</summary>
    public IReadOnlyList<TrainingRegistration> FillSeats(Guid occurrenceId)
    {
        var ordered = RegistrationsOf(occurrenceId);
        var free = (Seats ?? 0) - ordered.Count(r => r.Status == TrainingRegistrationStatus.Registered);
        var moved = ordered.Where(r => r.Status == TrainingRegistrationStatus.Waiting).Take(Math.Max(free, 0)).ToList();
        foreach (var registration in moved)
            registration.MoveUp();
        if (moved.Count > 0)
            MinutesChanged();
        return moved;
    }

    public void MarkRegistrationAttended(Guid occurrenceId, Guid memberId, bool attended)
    {
        TrainingOccurrence(occurrenceId);
        var registration = _registrations.SingleOrDefault(r => r.OccurrenceId == occurrenceId && r.MemberId == memberId
            && r.Status == TrainingRegistrationStatus.Registered) ?? throw new NotFoundException("meeting.training.registration.notfound");
        registration.MarkAttended(attended);
        MinutesChanged();
    }

    public TrainingOutsideParticipant AddOutsideParticipant(Guid occurrenceId, string? name, string? organisationName,
        ParticipantOrganisationKind kind, County? county, int count, Guid recordedById, DateTimeOffset now)
    {
        TrainingOccurrence(occurrenceId);
        if (_outsideParticipants.Count(p => p.OccurrenceId == occurrenceId) >= MaxOutsideRowsPerOccurrence)
            throw new DomainRuleException("meeting.training.too-many");
        var participant = new TrainingOutsideParticipant(Id, occurrenceId, name, organisationName, kind, county, count, recordedById, now);
        _outsideParticipants.Add(participant);
        MinutesChanged();
        return participant;
    }

    public void RemoveOutsideParticipant(Guid participantId)
    {
        _outsideParticipants.Remove(OutsideParticipant(participantId));
        MinutesChanged();
    }

    public void MarkOutsideParticipantAttended(Guid participantId, bool attended)
    {
        OutsideParticipant(participantId).MarkAttended(attended);
        MinutesChanged();
    }

    private TrainingOutsideParticipant OutsideParticipant(Guid participantId) =>
        _outsideParticipants.SingleOrDefault(p => p.Id == participantId) ?? throw new NotFoundException("meeting.training.participant.notfound");

    private MeetingOccurrence TrainingOccurrence(Guid occurrenceId)
    {
        if (Kind != MeetingKind.Training)
            throw new DomainRuleException("meeting.training.not-a-training");
        return OpenOccurrence(occurrenceId);
    }
}
