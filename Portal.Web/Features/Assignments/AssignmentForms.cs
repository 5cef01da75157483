using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Directory;

namespace Portal.Web.Features.Assignments;

/// <summary>The forms filled from what is stored, for changing it.</summary>
public static class AssignmentForms
{
    public static AssignmentFormModel From(AssignmentView view)
    {
        var model = new AssignmentFormModel
        {
            RegistrationNumber = view.RegistrationNumber,
            Title = view.Title,
            Ministry = view.Ministry,
            DecisionDate = AssignmentFormModel.Day(view.DecisionDate),
            PeriodStart = AssignmentFormModel.Day(view.PeriodStart),
            PeriodEnd = AssignmentFormModel.Day(view.PeriodEnd),
            ChildRights = view.ChildRights,
            TotalBudget = AssignmentFormModel.Amount(view.TotalBudget),
            RepaymentDeadline = AssignmentFormModel.Day(view.RepaymentDeadline),
            ReportDeadline = AssignmentFormModel.Day(view.ReportDeadline),
            DecisionDocument = view.DecisionDocumentId is { } documentId
                ? new DecisionDocumentChoice(documentId, view.DecisionDocumentTitle ?? documentId.ToString())
                : null,
        };
        model.Parts.Clear();
        model.Parts.AddRange(view.Parts.OrderBy(p => p.Number).Select(p => new AssignmentFormModel.PartLine { Text = p.Text }));
        if (model.Parts.Count == 0)
            model.Parts.Add(new());
        model.Partners.AddRange(view.Partners.Select(p => new PartnerChoice(p.OrganisationId, p.Name)));
        model.BudgetLines.AddRange((view.BudgetLines ?? []).OrderBy(l => l.Position).Select(l => new AssignmentFormModel.BudgetLineModel
        {
            Amount = AssignmentFormModel.Amount(l.Amount),
            ExpenditureArea = l.ExpenditureArea,
            Appropriation = l.Appropriation,
            AppropriationItem = l.AppropriationItem,
            RequisitionFrom = l.RequisitionFrom,
            RequisitionBy = AssignmentFormModel.Day(l.RequisitionBy),
            RequisitionedOn = AssignmentFormModel.Day(l.RequisitionedOn),
            AmountReceived = l.AmountReceived is { } received ? AssignmentFormModel.Amount(received) : null,
        }));
        return model;
    }
}

public static class ActivityForms
{
    public static ActivityFormModel From(ActivityView view)
    {
        var model = new ActivityFormModel
        {
            Year = view.Year,
            Title = view.Title,
            Description = view.Description,
            Kind = view.Kind,
            // The picker shows a person by name and organisation; the rest of the card is not needed to choose.
            Owner = new PersonCard(view.Owner.MemberId, view.Owner.Name, null, Guid.Empty, view.Owner.Organisation, null, [], [], null, null),
            AssignmentId = view.AssignmentId,
            WorkspaceId = view.WorkspaceId,
            PlannedStart = AssignmentFormModel.Day(view.PlannedStart),
            PlannedEnd = AssignmentFormModel.Day(view.PlannedEnd),
            Status = view.Status,
            PlannedCost = AssignmentFormModel.Amount(view.PlannedCost),
            SpentCost = AssignmentFormModel.Amount(view.SpentCost),
            ChildRights = view.ChildRights,
        };
        model.PartIds.UnionWith(view.Parts.Select(p => p.Id));
        model.ExploitationForms.UnionWith(view.ExploitationForms);
        return model;
    }
}
