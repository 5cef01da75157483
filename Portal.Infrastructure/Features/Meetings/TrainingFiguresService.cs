using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

public sealed record TrainingFigureRow(ParticipantOrganisationKind Kind, County? County, int Participants);

/// <summary>A year's training figures for the yearly report: trainings held, and participants by kind of
/// organisation and county (<see cref="Rows"/>, with the totals by kind and by county beside them).</summary>
public sealed record TrainingFigures(int Year, int TrainingsHeld, int Participants, IReadOnlyList<TrainingFigureRow> Rows)
{
    public IReadOnlyDictionary<ParticipantOrganisationKind, int> ByKind { get; } =
        Rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Participants));

    public IReadOnlyDictionary<County, int> ByCounty { get; } =
        Rows.Where(r => r.County is not null).GroupBy(r => r.County!.Value).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Participants));

    public int WithoutCounty => Rows.Where(r => r.County is null).Sum(r => r.Participants);
}

/// <summary>Counts trainings and their participants per calendar year (Stockholm). A training held is an
/// occurrence of a training that was not cancelled and has started. Participants: portal members marked as
/// having attended (kind of their organisation, county of their profile), named outside participants not
/// marked absent, and the counted outside participants. Aggregates only, for the coordinator's secretariat
/// (administrators): no names leave this service.</summary>
public sealed class TrainingFiguresService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task<TrainingFigures> ForYearAsync(Guid actorId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        if (!actor.IsAdministrator)
            throw new AccessDeniedException("meeting.figures.denied");
        if (year is < 2000 or > 2100)
            throw new DomainRuleException("meeting.figures.year.invalid", "year");
        var from = MeetingMinutesTime.ToUtc(new DateTime(year, 1, 1));
        var to = MeetingMinutesTime.ToUtc(new DateTime(year + 1, 1, 1));
        var (held, participants, rows) = await ComputeAsync(db, from, to, clock.GetUtcNow(), null, cancellationToken);
        return new TrainingFigures(year, held, participants, rows);
    }

    /// <summary>Trainings held from <paramref name="from"/> up to <paramref name="to"/> (UTC instants, not
    /// beyond <paramref name="now"/>), of some meetings only when <paramref name="meetingIds"/> is set, and
    /// their participants (no access check: callers check).</summary>
    internal static async Task<(int Held, int Participants, IReadOnlyList<TrainingFigureRow> Rows)> ComputeAsync(PortalDbContext db,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, IReadOnlyCollection<Guid>? meetingIds, CancellationToken cancellationToken)
    {
        if (to > now)
            to = now;
        var trainings = db.Meetings.Where(m => m.Kind == MeetingKind.Training && m.CancelledAt == null);
        if (meetingIds is not null)
            trainings = trainings.Where(m => meetingIds.Contains(m.Id));
        var held = await db.Set<MeetingOccurrence>().AsNoTracking()
            .Where(o => !o.IsCancelled && o.Start >= from && o.Start < to)
            .Join(trainings, o => o.MeetingId, m => m.Id, (o, _) => o.Id)
            .ToListAsync(cancellationToken);

        var members = await db.Set<TrainingRegistration>().AsNoTracking()
            .Where(r => held.Contains(r.OccurrenceId) && r.Attended == true)
            .Join(db.Members, r => r.MemberId, m => m.Id, (_, m) => new { m.County, m.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { o.Kind, x.County })
            .ToListAsync(cancellationToken);
        var outside = await db.Set<TrainingOutsideParticipant>().AsNoTracking()
            .Where(p => held.Contains(p.OccurrenceId) && p.Attended != false)
            .Select(p => new { p.Kind, p.County, p.Count })
            .ToListAsync(cancellationToken);

        var rows = members.Select(m => (Kind: ParticipantOrganisationKinds.Of(m.Kind), m.County, Count: 1))
            .Concat(outside.Select(p => (p.Kind, p.County, p.Count)))
            .GroupBy(r => (r.Kind, r.County))
            .Select(g => new TrainingFigureRow(g.Key.Kind, g.Key.County, g.Sum(r => r.Count)))
            .OrderBy(r => r.Kind).ThenBy(r => r.County)
            .ToList();
        return (held.Count, rows.Sum(r => r.Participants), rows);
    }
}
