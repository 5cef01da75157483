using Portal.Domain.Assignments;
using Portal.Domain.Common;
using Portal.Domain.Directory;

namespace Portal.Tests.Domain.Assignments;

/// <summary>The rules of a government assignment and a planned activity in the aggregates alone: the registration
/// number's format and normalisation, the period, deadlines, parts and budget lines of a decision, and an
/// activity's owner, parts, span, child-rights inheritance and links.</summary>
public sealed class AssignmentCoreRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The 2017 decision's shape: 1,200,000 kronor as four times 300,000, requisition by 15 September 2017,
    /// report and repayment by 15 March 2018.</summary>
    private static AssignmentTerms Decision(decimal total = 1_200_000m, IReadOnlyList<BudgetLineTerms>? lines = null,
        DateOnly? periodEnd = null, IReadOnlyList<string?>? parts = null, bool childRights = false) =>
        new(RegistrationNumber.Parse("Ju2017/01271/PO"), "Uppdrag att motverka människohandel", "Justitiedepartementet",
            new DateOnly(2017, 3, 9), new DateOnly(2017, 3, 9), periodEnd ?? new DateOnly(2017, 12, 31),
            parts ?? ["Samordna myndigheternas arbete", "Utbilda", "Stödja kommunerna"], [Guid.NewGuid()], childRights, total,
            lines ?? Enumerable.Range(4, 4).Select(area => Line(300_000m, $"UO {area}")).ToList(),
            new DateOnly(2018, 3, 15), new DateOnly(2018, 3, 15), null);

    private static BudgetLineTerms Line(decimal amount, string area = "UO 4", DateOnly? by = null) =>
        new(amount, area, "1:6", "ap.1", "Kammarkollegiet", by ?? new DateOnly(2017, 9, 15), null, null);

    private static ActivityTerms Activity(Guid? owner = null, IReadOnlyList<Guid>? parts = null, bool childRights = false,
        DateOnly? start = null, DateOnly? end = null, int year = 2017) =>
        new(year, "Utbildningsdag för socialtjänsten", null, ActivityKind.Training, owner ?? Guid.NewGuid(), null, parts ?? [],
            start ?? new DateOnly(2017, 4, 1), end ?? new DateOnly(2017, 4, 30), ActivityStatus.Planned, 20_000m, 0m,
            [ExploitationForm.SexualPurposes], childRights);

    private static string CodeOf(Action action) => Should.Throw<DomainRuleException>(action).Code;

    [Theory]
    [InlineData("Ju2017/01271/PO", "Ju2017/01271/PO")]
    [InlineData(" ju2017/01271/po ", "Ju2017/01271/PO")]
    [InlineData("S2014/1695/FST", "S2014/1695/FST")]
    [InlineData("s 2014 / 1695 / fst", "S2014/1695/FST")]
    [InlineData("ud2020/00012/ask", "UD2020/00012/ASK")]
    [InlineData("Fö2019/1/MFU", "Fö2019/1/MFU")]
    public void A_registration_number_is_parsed_and_normalised(string typed, string normalised)
    {
        RegistrationNumber.TryParse(typed, out var number).ShouldBeTrue();
        number!.Value.ShouldBe(normalised);
        RegistrationNumber.Parse(normalised).ShouldBe(number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Ju17/01271/PO")]
    [InlineData("2017/01271/PO")]
    [InlineData("Ju2017-01271-PO")]
    [InlineData("Ju2017/01271")]
    [InlineData("Ju2017/01271/")]
    [InlineData("Ju2017/ABC/PO")]
    [InlineData("Justitie2017/01271/PO")]
    [InlineData("Ju2017/01271/PO/X")]
    public void A_malformed_registration_number_is_refused(string? typed)
    {
        RegistrationNumber.TryParse(typed, out _).ShouldBeFalse();
        CodeOf(() => RegistrationNumber.Parse(typed)).ShouldBe("assignment.registration-number.invalid");
    }

    [Fact]
    public void A_registered_decision_numbers_its_parts_and_keeps_its_budget_lines_in_order()
    {
        var assignment = GovernmentAssignment.Register(Decision(), Now);

        assignment.RegistrationNumber.ShouldBe("Ju2017/01271/PO");
        assignment.Parts.Select(p => p.Number).ShouldBe([1, 2, 3]);
        assignment.Parts[1].Text.ShouldBe("Utbilda");
        assignment.BudgetLines.Select(l => l.ExpenditureArea).ShouldBe(["UO 4", "UO 5", "UO 6", "UO 7"]);
        assignment.BudgetLines.Sum(l => l.Amount).ShouldBe(1_200_000m);
        assignment.DomainEvents.OfType<AssignmentChanged>().ShouldHaveSingleItem().AssignmentId.ShouldBe(assignment.Id);
    }

    [Fact]
    public void Budget_lines_must_add_up_to_the_total_but_a_decision_without_lines_is_allowed()
    {
        CodeOf(() => GovernmentAssignment.Register(Decision(total: 1_000_000m), Now)).ShouldBe("assignment.budget-mismatch");
        GovernmentAssignment.Register(Decision(total: 1_000_000m, lines: []), Now).BudgetLines.ShouldBeEmpty();
    }

    [Fact]
    public void A_requisition_date_after_the_period_is_refused()
    {
        CodeOf(() => GovernmentAssignment.Register(Decision(total: 300_000m, lines: [Line(300_000m, by: new DateOnly(2018, 1, 15))]), Now))
            .ShouldBe("assignment.requisition-after-period");
        var assignment = GovernmentAssignment.Register(Decision(), Now);
        var line = assignment.BudgetLines[0];
        CodeOf(() => assignment.RecordRequisition(line.Id, new DateOnly(2018, 1, 2), 300_000m)).ShouldBe("assignment.requisition-after-period");
        line.RequisitionedOn.ShouldBeNull();
    }

    [Fact]
    public void The_period_cannot_end_before_it_starts_and_deadlines_cannot_come_before_it()
    {
        CodeOf(() => GovernmentAssignment.Register(Decision(periodEnd: new DateOnly(2017, 1, 1)), Now)).ShouldBe("assignment.period.end-before-start");
        var early = Decision() with { ReportDeadline = new DateOnly(2017, 1, 1) };
        Should.Throw<DomainRuleException>(() => GovernmentAssignment.Register(early, Now)).ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("assignment.deadline.before-period"), e => e.Field.ShouldBe("reportDeadline"));
        CodeOf(() => GovernmentAssignment.Register(Decision() with { RepaymentDeadline = new DateOnly(2016, 12, 1) }, Now))
            .ShouldBe("assignment.deadline.before-period");
    }

    [Fact]
    public void Empty_parts_titles_and_lines_without_codes_are_refused()
    {
        CodeOf(() => GovernmentAssignment.Register(Decision(parts: ["Samordna", " "]), Now)).ShouldBe("assignment.part.required");
        CodeOf(() => GovernmentAssignment.Register(Decision() with { Title = "  " }, Now)).ShouldBe("assignment.title.required");
        CodeOf(() => GovernmentAssignment.Register(Decision(total: 300_000m, lines: [Line(300_000m) with { Appropriation = "" }]), Now))
            .ShouldBe("assignment.budget-line.appropriation.required");
        CodeOf(() => GovernmentAssignment.Register(Decision(total: 0m, lines: [Line(0m)]), Now)).ShouldBe("assignment.budget-line.amount-invalid");
    }

    [Fact]
    public void Changing_a_decision_keeps_part_ids_by_number_and_a_recorded_requisition_with_its_line()
    {
        var assignment = GovernmentAssignment.Register(Decision(), Now);
        var partTwo = assignment.Parts[1].Id;
        var line = assignment.BudgetLines[0];
        assignment.RecordRequisition(line.Id, new DateOnly(2017, 9, 1), 300_000m);
        var version = assignment.Version;

        var changed = Decision(parts: ["Samordna", "Utbilda yrkesverksamma"]);
        assignment.PartsDroppedBy(changed).ShouldBe([assignment.Parts[2].Id]);
        assignment.Change(changed with { BudgetLines = changed.BudgetLines.Select((l, i) => i == 0 ? l with { RequisitionedOn = new DateOnly(2017, 9, 1), AmountReceived = 300_000m } : l).ToList() });

        assignment.Parts.Select(p => p.Number).ShouldBe([1, 2]);
        assignment.Parts[1].Id.ShouldBe(partTwo);
        assignment.Parts[1].Text.ShouldBe("Utbilda yrkesverksamma");
        assignment.BudgetLines[0].Id.ShouldBe(line.Id);
        assignment.BudgetLines[0].AmountReceived.ShouldBe(300_000m);
        assignment.Version.ShouldBeGreaterThan(version);
    }

    [Fact]
    public void An_activity_needs_an_owner()
    {
        CodeOf(() => PlannedActivity.Plan(Activity() with { OwnerId = null }, null, Now)).ShouldBe("activity.owner-required");
        CodeOf(() => PlannedActivity.Plan(Activity() with { OwnerId = Guid.Empty }, null, Now)).ShouldBe("activity.owner-required");
    }

    [Fact]
    public void An_activity_serves_only_parts_of_its_own_assignment()
    {
        var assignment = GovernmentAssignment.Register(Decision(), Now);
        var other = GovernmentAssignment.Register(Decision() with { RegistrationNumber = RegistrationNumber.Parse("S2014/1695/FST") }, Now);

        var activity = PlannedActivity.Plan(Activity(parts: [assignment.Parts[0].Id]), assignment, Now);
        activity.AssignmentId.ShouldBe(assignment.Id);
        activity.PartIds.ShouldBe([assignment.Parts[0].Id]);
        CodeOf(() => PlannedActivity.Plan(Activity(parts: [other.Parts[0].Id]), assignment, Now)).ShouldBe("activity.part.not-in-assignment");
        CodeOf(() => PlannedActivity.Plan(Activity(parts: [assignment.Parts[0].Id]), null, Now)).ShouldBe("activity.part.not-in-assignment");
    }

    [Fact]
    public void The_child_rights_requirement_is_inherited_from_the_assignment_and_cannot_be_switched_off_under_it()
    {
        var assignment = GovernmentAssignment.Register(Decision(childRights: true), Now);
        var plain = GovernmentAssignment.Register(Decision(), Now);

        var activity = PlannedActivity.Plan(Activity(childRights: false), assignment, Now);
        activity.ChildRights.ShouldBeTrue();
        CodeOf(() => activity.Change(Activity(childRights: false), assignment)).ShouldBe("activity.child-rights.inherited");
        activity.ChildRights.ShouldBeTrue();

        // Moved to an assignment without the requirement, the planner chooses again; set on by choice it stays on.
        activity.Change(Activity(childRights: false), plain);
        activity.ChildRights.ShouldBeFalse();
        PlannedActivity.Plan(Activity(childRights: true), null, Now).ChildRights.ShouldBeTrue();
        activity.InheritChildRights();
        activity.ChildRights.ShouldBeTrue();
    }

    [Fact]
    public void The_planned_span_must_reach_into_the_year_and_end_after_it_starts()
    {
        CodeOf(() => PlannedActivity.Plan(Activity(start: new DateOnly(2017, 5, 1), end: new DateOnly(2017, 4, 1)), null, Now))
            .ShouldBe("activity.period.end-before-start");
        CodeOf(() => PlannedActivity.Plan(Activity(start: new DateOnly(2018, 1, 10), end: new DateOnly(2018, 2, 1)), null, Now))
            .ShouldBe("activity.period.outside-year");
        PlannedActivity.Plan(Activity(start: new DateOnly(2016, 11, 1), end: new DateOnly(2017, 2, 1)), null, Now).Year.ShouldBe(2017);
    }

    [Fact]
    public void Costs_cannot_be_negative_and_progress_changes_status_and_spent_cost()
    {
        CodeOf(() => PlannedActivity.Plan(Activity() with { PlannedCost = -1m }, null, Now)).ShouldBe("activity.cost.invalid");
        var activity = PlannedActivity.Plan(Activity(), null, Now);
        CodeOf(() => activity.UpdateProgress(ActivityStatus.InProgress, -5m)).ShouldBe("activity.cost.invalid");
        CodeOf(() => activity.UpdateProgress((ActivityStatus)99, 5m)).ShouldBe("activity.status.invalid");

        activity.UpdateProgress(ActivityStatus.Done, 18_500m);
        activity.Status.ShouldBe(ActivityStatus.Done);
        activity.SpentCost.ShouldBe(18_500m);
    }

    [Fact]
    public void A_target_is_linked_once_and_can_be_unlinked()
    {
        var activity = PlannedActivity.Plan(Activity(), null, Now);
        var meeting = Guid.NewGuid();
        var by = Guid.NewGuid();
        activity.ClearDomainEvents();

        activity.Link(ActivityLinkKind.Meeting, meeting, by, Now).ShouldBeTrue();
        activity.Link(ActivityLinkKind.Meeting, meeting, by, Now).ShouldBeFalse();
        activity.Link(ActivityLinkKind.Document, meeting, by, Now).ShouldBeTrue();
        activity.Links.Count.ShouldBe(2);
        activity.DomainEvents.OfType<ActivityChanged>().ShouldHaveSingleItem();

        activity.Unlink(ActivityLinkKind.Meeting, meeting).ShouldBeTrue();
        activity.Unlink(ActivityLinkKind.Meeting, meeting).ShouldBeFalse();
        activity.Links.ShouldHaveSingleItem().Kind.ShouldBe(ActivityLinkKind.Document);
        CodeOf(() => activity.Link((ActivityLinkKind)9, meeting, by, Now)).ShouldBe("activity.link.kind-invalid");
    }
}
