using Microsoft.EntityFrameworkCore;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>How assignments and planned activities register with the search index (ADR 0009), each under its own
/// subject kind so that a hit is shown only to those the kind's query face lets see it (the coordinator's staff,
/// and owners for what they own). An assignment is found by its registration number, title, ministry and the text
/// of its parts; an activity by its title and description, with its exploitation forms and child-rights flag as
/// facets. Budget lines are never indexed: they are for the secretariat only, and a snippet would show them to
/// every staff member. Called by the use cases before they save (and by the demo seed).</summary>
public sealed class AssignmentSearchIndexer(ISearchIndex index)
{
    public Task IndexAssignmentAsync(PortalDbContext db, GovernmentAssignment assignment, CancellationToken cancellationToken)
    {
        var lines = new[] { assignment.RegistrationNumber, assignment.Title, assignment.Ministry }
            .Concat(assignment.Parts.OrderBy(p => p.Number).Select(p => $"{p.Number}. {p.Text}"));
        return index.IndexAsync(db, new IndexedText(AssignmentSubjectKind.Of(assignment.Id), null, TitleOf(assignment),
            string.Join("\n", lines.Where(t => !string.IsNullOrWhiteSpace(t))), AssignmentSubjectKind.LinkTo(assignment.Id),
            assignment.CreatedAt, [], ChildConcerned: assignment.ChildRights), cancellationToken);
    }

    public Task IndexActivityAsync(PortalDbContext db, PlannedActivity activity, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<Guid> workspaces = activity.WorkspaceId is { } w ? [w] : [];
        return index.IndexAsync(db, new IndexedText(ActivitySubjectKind.Of(activity.Id), null, activity.Title,
            string.Join("\n", new[] { activity.Title, activity.Description }.Where(t => !string.IsNullOrWhiteSpace(t))),
            ActivitySubjectKind.LinkTo(activity.Id), activity.CreatedAt, workspaces, activity.ExploitationForms, activity.ChildRights,
            activity.OwnerId), cancellationToken);
    }

    public Task RemoveActivityAsync(PortalDbContext db, Guid activityId, CancellationToken cancellationToken) =>
        index.RemoveAsync(db, ActivitySubjectKind.Of(activityId), null, cancellationToken);

    /// <summary>"Ju2017/01271/PO – Uppdrag till …": the number is how the secretariat names a decision.</summary>
    public static string TitleOf(GovernmentAssignment assignment) => $"{assignment.RegistrationNumber} – {assignment.Title}";
}

/// <summary>Fills the index with every assignment and activity (search backfill).</summary>
internal sealed class AssignmentSearchSource(AssignmentSearchIndexer indexer) : ISearchSource
{
    public IReadOnlyCollection<string> Kinds { get; } = [AssignmentSubjectKind.Name, ActivitySubjectKind.Name];

    public async Task IndexAllAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        foreach (var assignment in await db.GovernmentAssignments.Include(a => a.Parts).ToListAsync(cancellationToken))
            await indexer.IndexAssignmentAsync(db, assignment, cancellationToken);
        foreach (var activity in await db.PlannedActivities.ToListAsync(cancellationToken))
            await indexer.IndexActivityAsync(db, activity, cancellationToken);
    }
}
