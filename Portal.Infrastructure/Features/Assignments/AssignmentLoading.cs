using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Assignments;

internal static class AssignmentLoading
{
    public const string AssignmentNotFound = "assignment.notfound";
    public const string ActivityNotFound = "activity.notfound";

    /// <summary>The actor's standing in the coordinator's work. It needs no read beyond the actor itself (loaded
    /// fresh, so a member moved out of the coordinator's organisation or stripped of the administrator role
    /// loses it at once); async so that a later rule needing a read does not change every caller.</summary>
    public static Task<AssignmentStanding> LoadAssignmentStandingAsync(this PortalDbContext db, Actor actor, AssignmentOptions options,
        CancellationToken cancellationToken)
    {
        _ = db;
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AccessPolicy.StandingInAssignments(actor, options.CoordinatorOrganisationId));
    }

    /// <summary>Of the given assignments, those whose report deadline is met: a report reaching to the end of the
    /// assignment's period has been submitted in the portal. An interim report leaves the deadline open.</summary>
    public static async Task<HashSet<Guid>> ReportedAssignmentIdsAsync(this PortalDbContext db, IReadOnlyCollection<Guid> assignmentIds,
        CancellationToken cancellationToken)
    {
        if (assignmentIds.Count == 0)
            return [];
        var reported = await db.Set<AssignmentReport>().AsNoTracking()
            .Where(r => assignmentIds.Contains(r.AssignmentId) && r.Status == ReportStatus.Submitted)
            .Join(db.GovernmentAssignments, r => r.AssignmentId, a => a.Id, (r, a) => new { r.AssignmentId, r.PeriodEnd, AssignmentEnd = a.PeriodEnd })
            .Where(x => x.PeriodEnd >= x.AssignmentEnd)
            .Select(x => x.AssignmentId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. reported];
    }

    /// <summary>An assignment the actor may see, with its parts and budget lines, or null (also when it exists but
    /// is hidden, so that a guessed id tells nothing).</summary>
    public static async Task<GovernmentAssignment?> LoadVisibleAssignmentAsync(this PortalDbContext db, Actor actor, AssignmentStanding standing,
        Guid assignmentId, CancellationToken cancellationToken, bool tracked = true)
    {
        var query = db.GovernmentAssignments.Include(a => a.Parts).Include(a => a.BudgetLines).AsSplitQuery();
        var assignment = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
            return null;
        var memberId = actor.MemberId;
        var owned = standing.IsStaff
            ? []
            : await db.PlannedActivities.AsNoTracking().Where(a => a.AssignmentId == assignmentId && a.OwnerId == memberId).ToListAsync(cancellationToken);
        return AccessPolicy.CanSeeAssignment(actor, standing, assignment, owned) ? assignment : null;
    }

    /// <summary>An activity the actor may see, with its links, or null.</summary>
    public static async Task<PlannedActivity?> LoadVisibleActivityAsync(this PortalDbContext db, Actor actor, AssignmentStanding standing,
        Guid activityId, CancellationToken cancellationToken, bool tracked = true)
    {
        var query = db.PlannedActivities.Include(a => a.Links);
        var activity = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        return activity is not null && AccessPolicy.CanSeeActivity(actor, standing, activity) ? activity : null;
    }
}
