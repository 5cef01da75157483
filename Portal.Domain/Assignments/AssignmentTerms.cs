using Portal.Domain.Directory;

namespace Portal.Domain.Assignments;

/// <summary>What the secretariat states about a government decision, as the aggregate takes it when it is
/// registered or changed. The registration number is already parsed (uniqueness is the use case's check).</summary>
public sealed record AssignmentTerms(
    RegistrationNumber RegistrationNumber, string? Title, string? Ministry, DateOnly DecisionDate, DateOnly PeriodStart, DateOnly PeriodEnd,
    IReadOnlyList<string?> Parts, IReadOnlyList<Guid> PartnerOrganisationIds, bool ChildRights, decimal TotalBudget,
    IReadOnlyList<BudgetLineTerms> BudgetLines, DateOnly RepaymentDeadline, DateOnly ReportDeadline, Guid? DecisionDocumentId);

/// <summary>One budget line of a decision: an amount from an expenditure area, appropriation and item, to be
/// requisitioned from an authority by a date.</summary>
public sealed record BudgetLineTerms(decimal Amount, string? ExpenditureArea, string? Appropriation, string? AppropriationItem,
    string? RequisitionFrom, DateOnly RequisitionBy, DateOnly? RequisitionedOn, decimal? AmountReceived);

/// <summary>What is planned about an activity. Whether the owner, assignment, parts and workspace exist is
/// the use case's check; whether the parts belong to the assignment is the aggregate's.</summary>
public sealed record ActivityTerms(
    int Year, string? Title, string? Description, ActivityKind Kind, Guid? OwnerId, Guid? WorkspaceId,
    IReadOnlyList<Guid> PartIds, DateOnly PlannedStart, DateOnly PlannedEnd, ActivityStatus Status, decimal PlannedCost, decimal SpentCost,
    IReadOnlyCollection<ExploitationForm> ExploitationForms, bool ChildRights);

public enum ActivityKind
{
    Network = 1,
    Training = 2,
    MethodSupport = 3,
    Campaign = 4,
    Study = 5,
    Guidance = 6,
    Other = 7,
}

public enum ActivityStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Postponed = 4,
    Cancelled = 5,
}

/// <summary>What an activity produced, by kind of portal item.</summary>
public enum ActivityLinkKind
{
    Meeting = 1,
    Document = 2,
    SupportRequest = 3,
    Thread = 4,
}
