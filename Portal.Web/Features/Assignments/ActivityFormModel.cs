using Portal.Domain.Assignments;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Directory;

namespace Portal.Web.Features.Assignments;

/// <summary>What the activity form holds while the secretariat types: days and costs as the inputs' text, so
/// a half-typed value is kept (and marked beside its field) rather than lost.</summary>
public sealed class ActivityFormModel
{
    public int Year { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public ActivityKind Kind { get; set; } = ActivityKind.Network;
    public PersonCard? Owner { get; set; }
    public Guid? AssignmentId { get; set; }
    public HashSet<Guid> PartIds { get; } = [];
    public Guid? WorkspaceId { get; set; }
    public string? PlannedStart { get; set; }
    public string? PlannedEnd { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Planned;
    public string? PlannedCost { get; set; } = "0";
    public string? SpentCost { get; set; } = "0";
    public HashSet<ExploitationForm> ExploitationForms { get; } = [];
    public bool ChildRights { get; set; }

    public static ActivityFormModel Starting(int year, Guid? assignmentId) => new()
    {
        Year = year,
        AssignmentId = assignmentId,
        PlannedStart = AssignmentFormModel.Day(new DateOnly(year, 1, 1)),
        PlannedEnd = AssignmentFormModel.Day(new DateOnly(year, 12, 31)),
    };

    /// <summary>Field key → resource key of the message, for the texts that are no day or amount.</summary>
    public Dictionary<string, string> Unreadable()
    {
        var errors = new Dictionary<string, string>();
        if (AssignmentFormModel.ParseDay(PlannedStart) is null)
            errors["plannedStart"] = "Form.DayUnreadable";
        if (AssignmentFormModel.ParseDay(PlannedEnd) is null)
            errors["plannedEnd"] = "Form.DayUnreadable";
        if (AssignmentFormModel.ParseAmount(PlannedCost) is not >= 0)
            errors["plannedCost"] = "Form.AmountUnreadable";
        if (AssignmentFormModel.ParseAmount(SpentCost) is not >= 0)
            errors["spentCost"] = "Form.AmountUnreadable";
        return errors;
    }

    /// <summary>The draft for the use case; a missing owner is the domain's to refuse (beside the owner).</summary>
    public ActivityDraft ToDraft() => new(
        Year,
        (Title ?? "").Trim(),
        (Description ?? "").Trim(),
        Kind,
        Owner?.Id,
        AssignmentId,
        AssignmentId is null ? [] : PartIds.ToList(),
        WorkspaceId,
        AssignmentFormModel.ParseDay(PlannedStart)!.Value,
        AssignmentFormModel.ParseDay(PlannedEnd)!.Value,
        Status,
        AssignmentFormModel.ParseAmount(PlannedCost)!.Value,
        AssignmentFormModel.ParseAmount(SpentCost)!.Value,
        ExploitationForms.ToList(),
        ChildRights);
}
