using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>Makes the deadlines reach people: an assignment's requisitions (each budget line not yet
/// requisitioned), its repayment and its report deadline reach the secretariat, an activity's planned end (while
/// it is planned or in progress) its owner and the secretariat. Each is announced once when it comes within
/// <see cref="AssignmentOptions.DeadlineNoticeDays"/> days (<c>assignment-deadline</c>,
/// <c>activity-ending</c>) and once when it has passed (<c>assignment-overdue</c>). The notice and its mark
/// (<see cref="AssignmentDeadlineNotice"/>) are saved together, so a second run — or a second node losing the race
/// to insert the mark — sends nothing. A deadline that passed more than <see cref="OverdueReach"/> ago is not
/// announced: the job starting on old data (the 2014 and 2017 decisions) must not flood the bell with history.
/// The notifier leaves out anyone who may not see the assignment or activity and honours preferences; mail goes
/// out through the outbox.</summary>
public sealed class AssignmentDeadlineJob(IDbContextFactory<PortalDbContext> contexts, Notifier notifier, AssignmentOptions options)
    : ITimedJob
{
    public const string Name = "assignments.deadlines";
    public const string DeadlineKind = "assignment-deadline";
    public const string ActivityEndingKind = "activity-ending";
    public const string OverdueKind = "assignment-overdue";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int OverdueReach = 30;

    /// <summary>One deadline of one assignment or activity, and who hears of it.</summary>
    private sealed record Due(SubjectRef Subject, Guid ItemId, string Deadline, DateOnly Date, IReadOnlyList<Guid> Recipients)
    {
        public string Text => $"{NotificationText.WordedPrefix}deadline.{Deadline}|{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var today = StockholmTime.DayOf(run.Now);
        var horizon = today.AddDays(Math.Max(0, options.DeadlineNoticeDays));
        var reach = today.AddDays(-OverdueReach);
        List<Due> candidates;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            candidates = await DueAsync(db, reach, horizon, cancellationToken);
        foreach (var due in candidates)
        {
            var overdue = due.Date < today;
            var kind = overdue ? OverdueKind : due.Deadline == AssignmentDeadlineNotice.ActivityEnd ? ActivityEndingKind : DeadlineKind;
            await NotifyAsync(due, kind, overdue, run.Now, cancellationToken);
        }
    }

    /// <summary>Every deadline between <paramref name="reach"/> and <paramref name="horizon"/> that is still open.</summary>
    private static async Task<List<Due>> DueAsync(PortalDbContext db, DateOnly reach, DateOnly horizon, CancellationToken cancellationToken)
    {
        var secretariat = await db.Members.AsNoTracking().Where(m => m.IsAdministrator).Select(m => m.Id).ToListAsync(cancellationToken);
        var due = new List<Due>();

        var assignments = await db.GovernmentAssignments.AsNoTracking()
            .Include(a => a.BudgetLines)
            .Where(a => (a.RepaymentDeadline >= reach && a.RepaymentDeadline <= horizon)
                || (a.ReportDeadline >= reach && a.ReportDeadline <= horizon)
                || a.BudgetLines.Any(l => l.RequisitionedOn == null && l.RequisitionBy >= reach && l.RequisitionBy <= horizon))
            .ToListAsync(cancellationToken);
        bool InWindow(DateOnly date) => date >= reach && date <= horizon;
        var reported = await db.ReportedAssignmentIdsAsync(assignments.Select(a => a.Id).ToList(), cancellationToken);
        foreach (var assignment in assignments)
        {
            var subject = AssignmentSubjectKind.Of(assignment.Id);
            foreach (var line in assignment.BudgetLines.Where(l => l.RequisitionedOn is null && InWindow(l.RequisitionBy)))
                due.Add(new Due(subject, line.Id, AssignmentDeadlineNotice.Requisition, line.RequisitionBy, secretariat));
            if (InWindow(assignment.RepaymentDeadline))
                due.Add(new Due(subject, assignment.Id, AssignmentDeadlineNotice.Repayment, assignment.RepaymentDeadline, secretariat));
            if (InWindow(assignment.ReportDeadline) && !reported.Contains(assignment.Id))
                due.Add(new Due(subject, assignment.Id, AssignmentDeadlineNotice.Report, assignment.ReportDeadline, secretariat));
        }

        var activities = await db.PlannedActivities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Planned || a.Status == ActivityStatus.InProgress)
            .Where(a => a.PlannedEnd >= reach && a.PlannedEnd <= horizon)
            .Select(a => new { a.Id, a.OwnerId, a.PlannedEnd })
            .ToListAsync(cancellationToken);
        foreach (var activity in activities)
            due.Add(new Due(ActivitySubjectKind.Of(activity.Id), activity.Id, AssignmentDeadlineNotice.ActivityEnd, activity.PlannedEnd,
                [activity.OwnerId, .. secretariat]));
        return due;
    }

    /// <summary>One notice in its own unit of work, with its mark.</summary>
    private async Task NotifyAsync(Due due, string kind, bool overdue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var marks = db.Set<AssignmentDeadlineNotice>();
        if (await marks.AnyAsync(n => n.SubjectId == due.Subject.Id && n.ItemId == due.ItemId && n.Deadline == due.Deadline
                && n.Due == due.Date && n.Overdue == overdue, cancellationToken))
            return;
        await notifier.NotifyAsync(db, kind, due.Subject, due.ItemId == due.Subject.Id ? null : due.ItemId, null, due.Recipients, now, due.Text,
            cancellationToken);
        marks.Add(new AssignmentDeadlineNotice(due.Subject.Id, due.ItemId, due.Deadline, due.Date, overdue, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run saved this deadline's mark (and its notices) first.
        }
    }
}
