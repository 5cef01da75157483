using Portal.Domain.Assignments;
using Portal.Domain.Directory;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>A decision as the secretariat types it (register and change). Parts are numbered by their place.</summary>
public sealed record AssignmentDraft(
    string? RegistrationNumber, string? Title, string? Ministry, DateOnly DecisionDate, DateOnly PeriodStart, DateOnly PeriodEnd,
    IReadOnlyList<string> Parts, IReadOnlyList<Guid> PartnerOrganisationIds, bool ChildRights, decimal TotalBudget,
    IReadOnlyList<BudgetLineDraft> BudgetLines, DateOnly RepaymentDeadline, DateOnly ReportDeadline, Guid? DecisionDocumentId);

public sealed record BudgetLineDraft(
    decimal Amount, string? ExpenditureArea, string? Appropriation, string? AppropriationItem, string? RequisitionFrom,
    DateOnly RequisitionBy, DateOnly? RequisitionedOn = null, decimal? AmountReceived = null);

/// <summary>A line of the assignments list: no budget.</summary>
public sealed record AssignmentSummary(
    Guid Id, string RegistrationNumber, string Title, string Ministry, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly RepaymentDeadline, DateOnly ReportDeadline, bool ChildRights, int ActivityCount);

/// <summary>An activity as a line under a part or in a link: title, status, owner.</summary>
public sealed record ActivityRef(Guid Id, string Title, ActivityKind Kind, ActivityStatus Status, string OwnerName);

/// <summary>A part of the decision with the activities serving it that the viewer may see.</summary>
public sealed record AssignmentPartView(Guid Id, int Number, string Text, IReadOnlyList<ActivityRef> Activities);

public sealed record PartnerView(Guid OrganisationId, string Name);

public sealed record BudgetLineView(
    Guid Id, int Position, decimal Amount, string ExpenditureArea, string Appropriation, string? AppropriationItem, string RequisitionFrom,
    DateOnly RequisitionBy, DateOnly? RequisitionedOn, decimal? AmountReceived);

/// <summary>An assignment as one member may see it. <see cref="BudgetLines"/> is null unless
/// <see cref="CanSeeBudget"/>; <see cref="Spent"/> sums the spent cost of the activities under it that the viewer
/// may see (all of them for the staff). <see cref="DecisionDocumentTitle"/> is null when the viewer may not see
/// the decision's document. The flags say what the viewer may do; the use cases check again.</summary>
public sealed record AssignmentView(
    Guid Id, long Version, string RegistrationNumber, string Title, string Ministry, DateOnly DecisionDate, DateOnly PeriodStart,
    DateOnly PeriodEnd, IReadOnlyList<AssignmentPartView> Parts, IReadOnlyList<PartnerView> Partners, bool ChildRights,
    decimal TotalBudget, IReadOnlyList<BudgetLineView>? BudgetLines, decimal Spent, DateOnly RepaymentDeadline, DateOnly ReportDeadline,
    Guid? DecisionDocumentId, string? DecisionDocumentTitle, IReadOnlyList<ActivityRef> UnassignedToPart, DateTimeOffset CreatedAt,
    bool CanEdit, bool CanSeeBudget, bool CanWriteReport);

/// <summary>The budget of an assignment (the secretariat's): the lines, what was requisitioned and received, what
/// the activities spent and what is left to repay (received minus spent, never below zero).</summary>
public sealed record AssignmentBudget(
    Guid AssignmentId, string RegistrationNumber, decimal TotalBudget, IReadOnlyList<BudgetLineView> Lines, decimal Requisitioned,
    decimal Received, decimal Spent, decimal ToRepay, DateOnly RepaymentDeadline);

/// <summary>An activity as the planner types it. <see cref="OwnerId"/> is nullable so that a form without an
/// owner reaches the rule (<c>activity.owner-required</c>) rather than a default.</summary>
public sealed record ActivityDraft(
    int Year, string? Title, string? Description, ActivityKind Kind, Guid? OwnerId, Guid? AssignmentId, IReadOnlyList<Guid> PartIds,
    Guid? WorkspaceId, DateOnly PlannedStart, DateOnly PlannedEnd, ActivityStatus Status, decimal PlannedCost, decimal SpentCost,
    IReadOnlyCollection<ExploitationForm> ExploitationForms, bool ChildRights);

public sealed record ActivityPerson(Guid MemberId, string Name, string Organisation);

public sealed record ActivityPartView(Guid Id, int Number, string Text);

/// <summary>A link as the viewer may know it: a target the viewer may not see has no title and no address
/// (<see cref="IsAvailable"/> false: "not available to you").</summary>
public sealed record ActivityLinkView(ActivityLinkKind Kind, Guid TargetId, bool IsAvailable, string? Title, string? Link, DateTimeOffset LinkedAt);

public sealed record ActivityView(
    Guid Id, long Version, int Year, string Title, string? Description, ActivityKind Kind, ActivityPerson Owner,
    Guid? AssignmentId, string? AssignmentRegistrationNumber, string? AssignmentTitle, IReadOnlyList<ActivityPartView> Parts,
    Guid? WorkspaceId, string? WorkspaceName, DateOnly PlannedStart, DateOnly PlannedEnd, ActivityStatus Status, decimal PlannedCost,
    decimal SpentCost, IReadOnlyList<ExploitationForm> ExploitationForms, bool ChildRights, bool ChildRightsInherited,
    IReadOnlyList<ActivityLinkView> Links, bool CanEdit, bool CanUpdate);

/// <summary>What the plan shows: one year, narrowed by the filters that are set.</summary>
public sealed record PlanFilter(int Year, Guid? AssignmentId = null, Guid? OwnerId = null, ActivityStatus? Status = null,
    ExploitationForm? ExploitationForm = null, bool? ChildRights = null);

/// <summary>A line of the plan (table and timeline).</summary>
public sealed record PlanRow(
    Guid Id, string Title, ActivityKind Kind, ActivityStatus Status, Guid OwnerId, string OwnerName, Guid? AssignmentId,
    string? AssignmentRegistrationNumber, IReadOnlyList<int> PartNumbers, DateOnly PlannedStart, DateOnly PlannedEnd,
    decimal PlannedCost, decimal SpentCost, bool ChildRights, IReadOnlyList<ExploitationForm> ExploitationForms, int LinkCount);

/// <summary>Something the activity could link to, for the picker: only what the actor may see.</summary>
public sealed record LinkCandidate(ActivityLinkKind Kind, Guid TargetId, string Title);

public enum DeadlineKind
{
    Requisition = 1,
    Repayment = 2,
    Report = 3,
    ActivityEnd = 4,
}

/// <summary>A date on the deadlines overview: a budget line's requisition date, an assignment's repayment or
/// report date (the secretariat's), or an activity's planned end (its owner's and the staff's).</summary>
public sealed record DeadlineItem(DeadlineKind Kind, DateOnly Date, Guid? AssignmentId, Guid? ActivityId, string Title,
    string? RegistrationNumber, bool IsOverdue);
