using Microsoft.EntityFrameworkCore;
using Portal.Domain.Assignments;
using Portal.Domain.Documents;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>Assembles a report's content for an assignment and a period from what the portal holds now: the
/// assignment's activities whose planned span meets the period, each with the figures of what it is linked to
/// (meetings held, trainings and participants, guidance published and acknowledged, method-support requests
/// counted and suppressed as in the method-support figures), and the budget. No access check here: the report
/// service checks, and decides whether the budget is included.</summary>
public sealed class ReportAssembler(TimeProvider clock)
{
    public async Task<ReportContent> AssembleAsync(PortalDbContext db, GovernmentAssignment assignment, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var start = MeetingMinutesTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = MeetingMinutesTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var activities = await db.PlannedActivities.AsNoTracking()
            .Include(a => a.Links)
            .Where(a => a.AssignmentId == assignment.Id && a.PlannedStart <= to && a.PlannedEnd >= from)
            .OrderBy(a => a.PlannedStart).ThenBy(a => a.Title)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ownerIds = activities.Select(a => a.OwnerId).Distinct().ToList();
        var owners = await db.Members.AsNoTracking().Where(m => ownerIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);

        var assembled = new Dictionary<Guid, ReportActivity>();
        foreach (var activity in activities)
        {
            var meetingIds = LinkedIds(activity, ActivityLinkKind.Meeting);
            var requestIds = LinkedIds(activity, ActivityLinkKind.SupportRequest);
            var (held, participants, rows) = meetingIds.Count == 0
                ? (0, 0, [])
                : await TrainingFiguresService.ComputeAsync(db, start, end, now, meetingIds, cancellationToken);
            ReportSupport? support = null;
            if (activity.Kind == ActivityKind.MethodSupport || requestIds.Count > 0)
            {
                var all = activity.Kind == ActivityKind.MethodSupport;
                var range = SupportFigureRange.Whole(from, to, ReportContent.PeriodTotal, all ? null : requestIds);
                var (tables, _) = await SupportFiguresService.ComputeAsync(db, range, cancellationToken);
                support = new ReportSupport(all, tables);
            }
            assembled[activity.Id] = new ReportActivity(
                activity.Id, activity.Title, activity.Kind.ToString(), activity.Status.ToString(),
                owners.TryGetValue(activity.OwnerId, out var owner) ? owner : "",
                activity.PlannedStart, activity.PlannedEnd, activity.PlannedCost, activity.SpentCost, activity.ChildRights,
                await MeetingsAsync(db, meetingIds, start, end, now, cancellationToken),
                new ReportTrainings(held, participants,
                    rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => new ReportParticipantCount(g.Key, g.Sum(r => r.Participants))).ToList(),
                    rows.Where(r => r.County is not null).GroupBy(r => r.County!.Value).OrderBy(g => g.Key)
                        .Select(g => new ReportCountyCount(g.Key, g.Sum(r => r.Participants))).ToList(),
                    rows.Where(r => r.County is null).Sum(r => r.Participants)),
                await GuidanceAsync(db, LinkedIds(activity, ActivityLinkKind.Document), from, to, end, cancellationToken),
                support);
        }

        var parts = assignment.Parts.Select(p => new ReportPart(p.Number, p.Text,
            activities.Where(a => a.PartIds.Contains(p.Id)).Select(a => assembled[a.Id]).ToList())).ToList();
        var others = activities.Where(a => a.PartIds.Count == 0 || !a.PartIds.Any(assignment.HasPart)).Select(a => assembled[a.Id]).ToList();

        // Spent: every activity of the assignment, whatever its span, as the assignment's own view counts it.
        var spent = await db.PlannedActivities.Where(a => a.AssignmentId == assignment.Id).Select(a => a.SpentCost).ToListAsync(cancellationToken);
        var lines = assignment.BudgetLines.Select(l => new ReportBudgetLine(l.Amount, l.ExpenditureArea, l.Appropriation, l.AppropriationItem ?? "",
            l.RequisitionFrom, l.RequisitionBy, l.RequisitionedOn, l.AmountReceived)).ToList();
        var received = lines.Sum(l => l.AmountReceived ?? 0);
        var budget = new ReportBudget(assignment.TotalBudget, lines.Where(l => l.RequisitionedOn is not null).Sum(l => l.Amount), received,
            spent.Sum(), Math.Max(0, received - spent.Sum()), lines);

        return new ReportContent(assignment.Id, assignment.RegistrationNumber, assignment.Title, assignment.Ministry, from, to, now,
            parts, others, budget);
    }

    private static List<Guid> LinkedIds(PlannedActivity activity, ActivityLinkKind kind) =>
        activity.Links.Where(l => l.Kind == kind).Select(l => l.TargetId).Distinct().ToList();

    /// <summary>Meetings and network days held: occurrences, not cancelled, of linked meetings not cancelled,
    /// that ended within the period and before now. Who took part: the attendance recorded with the minutes, or
    /// the accepted replies where none was recorded — counted by organisation.</summary>
    private static async Task<ReportMeetings> MeetingsAsync(PortalDbContext db, List<Guid> meetingIds, DateTimeOffset start, DateTimeOffset end,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (meetingIds.Count == 0)
            return new ReportMeetings(0, 0, [], []);
        var until = end < now ? end : now;
        var occasions = await db.MeetingOccurrences.AsNoTracking()
            .Where(o => meetingIds.Contains(o.MeetingId) && !o.IsCancelled && o.End >= start && o.End <= until)
            .Join(db.Meetings.Where(m => m.CancelledAt == null && m.Kind != MeetingKind.Training), o => o.MeetingId, m => m.Id,
                (o, m) => new { o.Id, o.End, o.Start, m.Title, m.Kind })
            .ToListAsync(cancellationToken);
        var occurrenceIds = occasions.Select(o => o.Id).ToList();
        var present = await db.Set<MeetingAttendance>().AsNoTracking()
            .Where(a => occurrenceIds.Contains(a.OccurrenceId))
            .Select(a => new { a.OccurrenceId, a.MemberId, a.Present })
            .ToListAsync(cancellationToken);
        var accepted = await db.MeetingReplies.AsNoTracking()
            .Where(r => occurrenceIds.Contains(r.OccurrenceId) && r.Answer == ReplyAnswer.Accepted)
            .Select(r => new { r.OccurrenceId, r.MemberId })
            .ToListAsync(cancellationToken);
        var memberIds = present.Select(p => p.MemberId).Concat(accepted.Select(a => a.MemberId)).Distinct().ToList();
        var organisationOf = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, o.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);

        var perOccasion = occasions.OrderBy(o => o.Start).Select(o =>
        {
            var recorded = present.Where(p => p.OccurrenceId == o.Id).ToList();
            var source = recorded.Count > 0 ? AttendanceSource.Minutes : AttendanceSource.AcceptedReplies;
            var members = source == AttendanceSource.Minutes
                ? recorded.Where(p => p.Present).Select(p => p.MemberId)
                : accepted.Where(a => a.OccurrenceId == o.Id).Select(a => a.MemberId);
            var organisations = members.Select(m => organisationOf.GetValueOrDefault(m)).OfType<string>().Distinct().ToList();
            return (Occasion: new ReportOccasion(o.Title, o.Kind, StockholmTime.DayOf(o.Start), organisations.Count, source), Organisations: organisations);
        }).ToList();
        var byOrganisation = perOccasion.SelectMany(o => o.Organisations).GroupBy(name => name)
            .Select(g => new ReportOrganisationCount(g.Key, g.Count()))
            .OrderByDescending(o => o.Occasions).ThenBy(o => o.Organisation, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false))
            .ToList();
        return new ReportMeetings(occasions.Count(o => o.Kind == MeetingKind.Meeting), occasions.Count(o => o.Kind == MeetingKind.NetworkDay),
            perOccasion.Select(o => o.Occasion).ToList(), byOrganisation);
    }

    /// <summary>Versions of linked guidance documents published in the period, each with the members who
    /// acknowledged that major version by the period's end.</summary>
    private static async Task<ReportGuidance> GuidanceAsync(PortalDbContext db, List<Guid> documentIds, DateOnly from, DateOnly to,
        DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
            return new ReportGuidance([]);
        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => documentIds.Contains(v.DocumentId) && v.Status == DocumentVersionStatus.Published && v.PublishedAt != null)
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v.DocumentId, v.Major, v.Minor, v.PublishedAt, d.Title })
            .ToListAsync(cancellationToken);
        versions = versions.Where(v => StockholmTime.DayOf(v.PublishedAt!.Value) is var day && day >= from && day <= to).ToList();
        var acknowledgements = await db.DocumentAcknowledgements.AsNoTracking()
            .Where(a => documentIds.Contains(a.DocumentId) && a.AcknowledgedAt < end)
            .Select(a => new { a.DocumentId, a.Major, a.MemberId })
            .ToListAsync(cancellationToken);
        return new ReportGuidance(versions.OrderBy(v => v.PublishedAt).Select(v => new ReportDocument(v.Title,
            $"{v.Major}.{v.Minor}", StockholmTime.DayOf(v.PublishedAt!.Value),
            acknowledgements.Where(a => a.DocumentId == v.DocumentId && a.Major == v.Major).Select(a => a.MemberId).Distinct().Count())).ToList());
    }
}
