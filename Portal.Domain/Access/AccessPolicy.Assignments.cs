using System.Linq.Expressions;
using Portal.Domain.Assignments;

namespace Portal.Domain.Access;

/// <summary>The actor's place in the coordinator's work, loaded fresh with the actor for each use case:
/// staff (the secretariat, or an active member of the coordinator's organisation) and the secretariat (the
/// administrators: the coordinator's secretariat runs the portal).</summary>
public sealed record AssignmentStanding(bool IsStaff, bool IsSecretariat)
{
    public static AssignmentStanding None { get; } = new(false, false);
}

public static partial class AccessPolicy
{
    // ---- Government assignments and the activity plan ----
    // The coordinator's staff read every assignment and the whole plan. An owner — a member named as an
    // activity's owner, of any organisation — reads the activities they own and the assignments those serve,
    // and reports their progress and links. Only the secretariat registers and changes assignments, sees the
    // budget lines, plans and changes activities of anyone, and writes the reports. Anything else is hidden
    // ("not found"), the same answer as for an id that does not exist.

    /// <summary>The standing from the actor and the configured coordinator organisation (none configured: only
    /// the secretariat is staff). The actor is loaded active, so its organisation is enabled.</summary>
    public static AssignmentStanding StandingInAssignments(Actor actor, Guid? coordinatorOrganisationId) =>
        new(actor.IsAdministrator || (coordinatorOrganisationId is { } id && actor.OrganisationId == id), actor.IsAdministrator);

    public static bool CanSeeAssignment(Actor actor, AssignmentStanding standing, GovernmentAssignment assignment,
        IEnumerable<PlannedActivity> activities) =>
        standing.IsStaff || activities.Any(a => a.AssignmentId == assignment.Id && a.OwnerId == actor.MemberId);

    public static Expression<Func<GovernmentAssignment, bool>> VisibleAssignments(Actor actor, AssignmentStanding standing,
        IQueryable<PlannedActivity> activities)
    {
        var memberId = actor.MemberId;
        var staff = standing.IsStaff;
        return g => staff || activities.Any(a => a.AssignmentId == g.Id && a.OwnerId == memberId);
    }

    public static bool CanEditAssignment(AssignmentStanding standing) => standing.IsSecretariat;

    /// <summary>The budget lines (amounts, appropriations, requisitions): the secretariat only.</summary>
    public static bool CanSeeBudget(AssignmentStanding standing) => standing.IsSecretariat;

    /// <summary>The query face of <see cref="CanSeeBudget"/> for budget lines read on their own (the deadlines).</summary>
    public static Expression<Func<BudgetLine, bool>> VisibleBudgetLines(AssignmentStanding standing)
    {
        var secretariat = standing.IsSecretariat;
        return l => secretariat;
    }

    public static bool CanSeeActivity(Actor actor, AssignmentStanding standing, PlannedActivity activity) =>
        standing.IsStaff || activity.OwnerId == actor.MemberId;

    public static Expression<Func<PlannedActivity, bool>> VisibleActivities(Actor actor, AssignmentStanding standing)
    {
        var memberId = actor.MemberId;
        var staff = standing.IsStaff;
        return a => staff || a.OwnerId == memberId;
    }

    /// <summary>Creating activities and changing any of their terms: the secretariat.</summary>
    public static bool CanPlanActivity(AssignmentStanding standing) => standing.IsSecretariat;

    /// <summary>Status, spent cost and links: the owner and the secretariat.</summary>
    public static bool CanUpdateActivity(Actor actor, AssignmentStanding standing, PlannedActivity activity) =>
        standing.IsSecretariat || activity.OwnerId == actor.MemberId;

    public static bool CanWriteReport(AssignmentStanding standing) => standing.IsSecretariat;

    /// <summary>Reports are read by the staff; their budget part only by the secretariat (<see cref="CanSeeBudget"/>).</summary>
    public static bool CanSeeReport(AssignmentStanding standing) => standing.IsStaff;
}
