using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>The deadlines overview: what falls due within the coming days and what is overdue. Requisition and
/// repayment dates are budget matters (the secretariat's); report dates are shown to whoever sees the
/// assignment; activity end dates to whoever sees the activity (the staff, and owners their own).</summary>
public sealed class AssignmentDeadlineService(IDbContextFactory<PortalDbContext> contexts, AssignmentOptions options)
{
    /// <summary>How far back a repayment or report date counts as overdue: the portal does not know when the money
    /// was paid back, nor of a report sent outside it, so such a date stands out for a while and then leaves the
    /// overview. A report deadline leaves at once when the final report is submitted in the portal. A requisition
    /// not recorded and an activity not marked done, postponed or cancelled stay overdue until they are.</summary>
    public const int OverdueLookBackDays = 60;

    public async Task<IReadOnlyList<DeadlineItem>> OverviewAsync(Caller caller, DateOnly today, int daysAhead,
        CancellationToken cancellationToken = default)
    {
        daysAhead = Math.Clamp(daysAhead, 0, 366);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var horizon = today.AddDays(daysAhead);
        var lookBack = today.AddDays(-OverdueLookBackDays);
        var items = new List<DeadlineItem>();

        var assignments = await db.GovernmentAssignments.AsNoTracking()
            .Where(AccessPolicy.VisibleAssignments(actor, standing, db.PlannedActivities))
            .Where(a => (a.ReportDeadline >= lookBack && a.ReportDeadline <= horizon)
                || (a.RepaymentDeadline >= lookBack && a.RepaymentDeadline <= horizon))
            .ToListAsync(cancellationToken);
        var budget = AccessPolicy.CanSeeBudget(standing);
        var reported = await db.ReportedAssignmentIdsAsync(assignments.Select(a => a.Id).ToList(), cancellationToken);
        foreach (var a in assignments)
        {
            if (a.ReportDeadline >= lookBack && a.ReportDeadline <= horizon && !reported.Contains(a.Id))
                items.Add(new DeadlineItem(DeadlineKind.Report, a.ReportDeadline, a.Id, null, a.Title, a.RegistrationNumber, a.ReportDeadline < today));
            if (!budget)
                continue;
            if (a.RepaymentDeadline >= lookBack && a.RepaymentDeadline <= horizon)
                items.Add(new DeadlineItem(DeadlineKind.Repayment, a.RepaymentDeadline, a.Id, null, a.Title, a.RegistrationNumber,
                    a.RepaymentDeadline < today));
        }
        if (budget)
        {
            var requisitions = await db.Set<BudgetLine>().AsNoTracking()
                .Where(AccessPolicy.VisibleBudgetLines(standing))
                .Where(l => l.RequisitionedOn == null && l.RequisitionBy <= horizon)
                .Join(db.GovernmentAssignments, l => l.AssignmentId, g => g.Id, (l, g) => new { Line = l, g.Title, g.RegistrationNumber })
                .ToListAsync(cancellationToken);
            foreach (var (line, title, number) in requisitions.Select(r => (r.Line, r.Title, r.RegistrationNumber)))
                items.Add(new DeadlineItem(DeadlineKind.Requisition, line.RequisitionBy, line.AssignmentId, null,
                    $"{title} — {line.ExpenditureArea} {line.Appropriation} {line.AppropriationItem}".TrimEnd(), number,
                    line.RequisitionBy < today));
        }

        var activities = await db.PlannedActivities.AsNoTracking()
            .Where(AccessPolicy.VisibleActivities(actor, standing))
            .Where(a => (a.Status == ActivityStatus.Planned || a.Status == ActivityStatus.InProgress) && a.PlannedEnd <= horizon)
            .Select(a => new { a.Id, a.Title, a.PlannedEnd, a.AssignmentId })
            .ToListAsync(cancellationToken);
        var numberIds = activities.Where(a => a.AssignmentId != null).Select(a => a.AssignmentId!.Value).Distinct().ToList();
        var numbers = await db.GovernmentAssignments.AsNoTracking()
            .Where(AccessPolicy.VisibleAssignments(actor, standing, db.PlannedActivities))
            .Where(a => numberIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.RegistrationNumber, cancellationToken);
        foreach (var a in activities)
            items.Add(new DeadlineItem(DeadlineKind.ActivityEnd, a.PlannedEnd, a.AssignmentId, a.Id, a.Title,
                a.AssignmentId is { } id && numbers.TryGetValue(id, out var number) ? number : null, a.PlannedEnd < today));

        return items.OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
    }
}
