using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Registration for trainings (a seat, or the waiting list) by members who may see the training, and
/// the organisers' record of outside participants and attendance. Who registered is the organisers' to know;
/// everyone else sees the seats and their own place.</summary>
public sealed class TrainingParticipantService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter,
    Notifications.Notifier notifier)
{
    public async Task<TrainingParticipantsView> GetAsync(Guid actorId, Guid meetingId, Guid occurrenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Training, cancellationToken);
        var meeting = context.Meeting;
        if (meeting.Kind != MeetingKind.Training)
            throw new NotFoundException("meeting.training.notfound");
        var registrations = meeting.RegistrationsOf(occurrenceId);
        var waiting = registrations.Where(r => r.Status == TrainingRegistrationStatus.Waiting).ToList();
        var mine = registrations.SingleOrDefault(r => r.MemberId == context.Actor.MemberId);
        var people = context.CanWrite ? await db.PeopleAsync(registrations.Select(r => r.MemberId), cancellationToken) : [];
        var open = !context.Occurrence.IsCancelled && meeting.CancelledAt is null && context.Occurrence.Start > clock.GetUtcNow();
        return new TrainingParticipantsView(meeting.Id, occurrenceId, meeting.Version, meeting.Seats ?? 0,
            registrations.Count - waiting.Count, waiting.Count, open, open && mine is null, context.CanWrite,
            mine?.Status, mine is { Status: TrainingRegistrationStatus.Waiting } ? waiting.IndexOf(mine) + 1 : null,
            context.CanWrite
                ? registrations.Where(r => people.ContainsKey(r.MemberId)).Select(r => new RegistrationView(people[r.MemberId], r.Status,
                    r.Status == TrainingRegistrationStatus.Waiting ? waiting.IndexOf(r) + 1 : null, r.Attended)).ToList()
                : [],
            context.CanWrite
                ? meeting.OutsideParticipants.Where(p => p.OccurrenceId == occurrenceId).OrderBy(p => p.RecordedAt)
                    .Select(p => new OutsideParticipantView(p.Id, p.Name, p.OrganisationName, p.Kind, p.County, p.Count, p.Attended)).ToList()
                : []);
    }

    /// <summary>Registers the actor: a seat while there are seats, else the waiting list.</summary>
    public async Task<TrainingRegistrationStatus> RegisterAsync(Guid actorId, Guid meetingId, Guid occurrenceId,
        CancellationToken cancellationToken = default)
    {
        var status = TrainingRegistrationStatus.Waiting;
        await ChangeAsync(actorId, meetingId, occurrenceId, manage: false, null, (_, context, now) =>
        {
            status = context.Meeting.Register(occurrenceId, context.Actor.MemberId, now).Status;
            return null;
        }, cancellationToken);
        return status;
    }

    /// <summary>Withdraws the actor's registration; the first waiting moves up into a freed seat and is told.</summary>
    public Task UnregisterAsync(Guid actorId, Guid meetingId, Guid occurrenceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, manage: false, null, (db, context, now) =>
        {
            var movedUp = context.Meeting.Unregister(occurrenceId, context.Actor.MemberId);
            return movedUp is null
                ? null
                : () => notifier.NotifyAsync(db, MeetingMinutesNotificationKinds.TrainingSeat, MeetingSubjectKind.Of(meetingId), occurrenceId,
                    null, [movedUp.MemberId], now, null, cancellationToken);
        }, cancellationToken);

    public Task MarkAttendedAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid memberId, bool attended,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, manage: true, null, (_, context, _) =>
        {
            context.Meeting.MarkRegistrationAttended(occurrenceId, memberId, attended);
            return null;
        }, cancellationToken);

    public async Task<Guid> AddOutsideAsync(Guid actorId, Guid meetingId, Guid occurrenceId, OutsideParticipantDraft draft,
        CancellationToken cancellationToken = default)
    {
        Guid id = default;
        await ChangeAsync(actorId, meetingId, occurrenceId, manage: true, "name", (_, context, now) =>
        {
            id = context.Meeting.AddOutsideParticipant(occurrenceId, draft.Name, draft.OrganisationName, draft.Kind, draft.County, draft.Count,
                context.Actor.MemberId, now).Id;
            return null;
        }, cancellationToken);
        return id;
    }

    public Task RemoveOutsideAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid participantId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, manage: true, null, (_, context, _) =>
        {
            context.Meeting.RemoveOutsideParticipant(participantId);
            return null;
        }, cancellationToken);

    public Task MarkOutsideAttendedAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid participantId, bool attended,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, manage: true, null, (_, context, _) =>
        {
            context.Meeting.MarkOutsideParticipantAttended(participantId, attended);
            return null;
        }, cancellationToken);

    private async Task ChangeAsync(Guid actorId, Guid meetingId, Guid occurrenceId, bool manage, string? field,
        Func<PortalDbContext, MinutesContext, DateTimeOffset, Func<Task>?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Training, cancellationToken, tracked: true);
        if (manage && !context.CanWrite)
            throw new AccessDeniedException("meeting.training.denied");
        var now = clock.GetUtcNow();
        var notify = change(db, context, now);
        await limiter.SaveAsync(db, context.Actor, now, MeetingMinutesWrites.Training, field, notify, cancellationToken);
    }
}
