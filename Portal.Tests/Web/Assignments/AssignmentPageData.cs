using Portal.Domain.Assignments;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;

namespace Portal.Tests.Web.Assignments;

/// <summary>An assignment and activities made through the use cases, for the pages' tests.</summary>
internal static class AssignmentPageData
{
    public static Task<Guid> RegisterAsync(AssignmentService assignments, Caller secretariat, string registrationNumber, bool childRights = false) =>
        assignments.RegisterAsync(secretariat, new AssignmentDraft(
            registrationNumber, "Uppdrag om samverkan mot människohandel", "Socialdepartementet",
            new DateOnly(2027, 1, 10), new DateOnly(2027, 2, 1), new DateOnly(2027, 12, 31),
            ["Samordna myndigheternas arbete.", "Utbilda yrkesverksamma."], [], childRights, 400_000m,
            [new BudgetLineDraft(400_000m, "UO 9", "8:1", "ap.1", "Kammarkollegiet", new DateOnly(2027, 9, 15))],
            new DateOnly(2028, 3, 15), new DateOnly(2028, 3, 15), null));

    public static Task<Guid> PlanAsync(ActivityPlanService plan, Caller secretariat, Guid ownerId, string title, Guid? assignmentId,
        ActivityStatus status = ActivityStatus.Planned, int startMonth = 3, int endMonth = 5, bool childRights = false) =>
        plan.PlanAsync(secretariat, new ActivityDraft(
            2027, title, "Beskrivning av aktiviteten.", ActivityKind.Training, ownerId, assignmentId, [], null,
            new DateOnly(2027, startMonth, 1), new DateOnly(2027, endMonth, 28), status, 10_000m, 0m, [], childRights));
}
