namespace Portal.Infrastructure.Features.Assignments;

/// <summary>The audit trail's action strings for assignments and the plan (stable: never rename one).</summary>
public static class AssignmentAuditActions
{
    public const string Registered = "assignment.registered";
    public const string Changed = "assignment.changed";
    public const string RequisitionRecorded = "assignment.requisition-recorded";
    /// <summary>The budget lines were read (by id or from the assignment's page).</summary>
    public const string BudgetViewed = "assignment.budget-viewed";
    public const string ActivityPlanned = "activity.planned";
    public const string ActivityChanged = "activity.changed";
    public const string ActivityProgress = "activity.progress";
    public const string ActivityLinked = "activity.linked";
    public const string ActivityUnlinked = "activity.unlinked";
}
