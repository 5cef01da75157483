using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>A government assignment as a subject of notifications, search hits, audit records and links;
/// titled by its registration number and title.</summary>
public sealed class AssignmentSubjectKind(AssignmentOptions options) : ISubjectKind
{
    public const string Name = "assignment";

    public string Kind => Name;

    public static SubjectRef Of(Guid assignmentId) => new(Name, assignmentId);

    public static string LinkTo(Guid assignmentId) => $"/assignments/{assignmentId}";

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.GovernmentAssignments.Where(AccessPolicy.VisibleAssignments(actor, Standing(actor), db.PlannedActivities)).Select(a => a.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.GovernmentAssignments.AsNoTracking()
            .Where(AccessPolicy.VisibleAssignments(actor, Standing(actor), db.PlannedActivities))
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.RegistrationNumber, a.Title })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SubjectInfo(Of(r.Id), $"{r.RegistrationNumber} {r.Title}", LinkTo(r.Id), []));
    }

    private AssignmentStanding Standing(Actor actor) => AccessPolicy.StandingInAssignments(actor, options.CoordinatorOrganisationId);
}

/// <summary>A planned activity as a subject of notifications, search hits, audit records and links.</summary>
public sealed class ActivitySubjectKind(AssignmentOptions options) : ISubjectKind
{
    public const string Name = "activity";

    public string Kind => Name;

    public static SubjectRef Of(Guid activityId) => new(Name, activityId);

    public static string LinkTo(Guid activityId) => $"/plan/activities/{activityId}";

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.PlannedActivities.Where(AccessPolicy.VisibleActivities(actor, Standing(actor))).Select(a => a.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.PlannedActivities.AsNoTracking()
            .Where(AccessPolicy.VisibleActivities(actor, Standing(actor)))
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.WorkspaceId })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SubjectInfo(Of(r.Id), r.Title, LinkTo(r.Id),
            r.WorkspaceId is { } workspaceId ? [workspaceId] : []));
    }

    private AssignmentStanding Standing(Actor actor) => AccessPolicy.StandingInAssignments(actor, options.CoordinatorOrganisationId);
}
