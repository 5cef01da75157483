using Portal.Domain.Common;

namespace Portal.Domain.Assignments;

/// <summary>A government assignment (<i>regeringsuppdrag</i>): the decision by its registration number, the
/// tasks as numbered parts, the partner authorities, the budget split over appropriations to be requisitioned,
/// and the repayment and report deadlines. The aggregate keeps the decision's own consistency; who may see or
/// change it, and that its registration number is unique, are the policy's and the use case's.</summary>
public sealed class GovernmentAssignment : AggregateRoot
{
    public const int TitleMaxLength = 300;
    public const int MinistryMaxLength = 200;
    public const int MaxParts = 50;
    public const int MaxPartners = 50;
    public const int MaxBudgetLines = 30;
    /// <summary>Ten thousand million kronor: far above any decision, low enough to catch a mistyped amount.</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    private readonly List<AssignmentPart> _parts = [];
    private readonly List<BudgetLine> _budgetLines = [];
    private List<Guid> _partnerOrganisationIds = [];

    private GovernmentAssignment() { }

    /// <summary>Normalised (<see cref="Assignments.RegistrationNumber"/>); unique.</summary>
    public string RegistrationNumber { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Ministry { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public IReadOnlyList<AssignmentPart> Parts => _parts.OrderBy(p => p.Number).ToList();
    public IReadOnlyList<Guid> PartnerOrganisationIds => _partnerOrganisationIds.AsReadOnly();
    /// <summary>The child-rights requirement; every activity under the assignment inherits it.</summary>
    public bool ChildRights { get; private set; }
    /// <summary>Kronor granted in all.</summary>
    public decimal TotalBudget { get; private set; }
    public IReadOnlyList<BudgetLine> BudgetLines => _budgetLines.OrderBy(l => l.Position).ToList();
    public DateOnly RepaymentDeadline { get; private set; }
    public DateOnly ReportDeadline { get; private set; }
    /// <summary>The decision itself, as a guidance-library document.</summary>
    public Guid? DecisionDocumentId { get; private set; }

    public static GovernmentAssignment Register(AssignmentTerms terms, DateTimeOffset now)
    {
        var assignment = new GovernmentAssignment { Id = Guid.CreateVersion7(now) };
        assignment.Apply(terms);
        return assignment;
    }

    /// <summary>Changes every term. Parts keep their ids by number (so activities that serve part 2 still
    /// serve it after its text is reworded), budget lines by position (so a recorded requisition stays with
    /// its line). Whether a removed part is still served by an activity is the use case's check.</summary>
    public void Change(AssignmentTerms terms) => Apply(terms);

    private void Apply(AssignmentTerms terms)
    {
        var title = Guard.RequiredText(terms.Title, TitleMaxLength, "assignment.title");
        var ministry = Guard.RequiredText(terms.Ministry, MinistryMaxLength, "assignment.ministry");
        if (terms.PeriodEnd < terms.PeriodStart)
            throw new DomainRuleException("assignment.period.end-before-start", "periodEnd");
        if (terms.RepaymentDeadline < terms.PeriodStart)
            throw new DomainRuleException("assignment.deadline.before-period", "repaymentDeadline");
        if (terms.ReportDeadline < terms.PeriodStart)
            throw new DomainRuleException("assignment.deadline.before-period", "reportDeadline");
        if (terms.TotalBudget < 0 || terms.TotalBudget > MaxAmount)
            throw new DomainRuleException("assignment.budget.invalid", "totalBudget");
        var parts = CheckParts(terms.Parts);
        if (terms.PartnerOrganisationIds.Distinct().Count() > MaxPartners)
            throw new DomainRuleException("assignment.partners.too-many", "partners");
        var lines = terms.BudgetLines.Select(l => BudgetLine.Check(l, terms.PeriodEnd)).ToList();
        if (lines.Count > MaxBudgetLines)
            throw new DomainRuleException("assignment.budget-lines.too-many", "budgetLines");
        // Only when there are lines: a decision can be registered before the secretariat has split its budget.
        if (lines.Count > 0 && lines.Sum(l => l.Amount) != terms.TotalBudget)
            throw new DomainRuleException("assignment.budget-mismatch", "budgetLines");

        RegistrationNumber = terms.RegistrationNumber.Value;
        Title = title;
        Ministry = ministry;
        DecisionDate = terms.DecisionDate;
        PeriodStart = terms.PeriodStart;
        PeriodEnd = terms.PeriodEnd;
        ChildRights = terms.ChildRights;
        TotalBudget = terms.TotalBudget;
        RepaymentDeadline = terms.RepaymentDeadline;
        ReportDeadline = terms.ReportDeadline;
        DecisionDocumentId = terms.DecisionDocumentId;
        _partnerOrganisationIds = terms.PartnerOrganisationIds.Distinct().ToList();

        _parts.RemoveAll(p => p.Number > parts.Count);
        for (var number = 1; number <= parts.Count; number++)
        {
            if (_parts.FirstOrDefault(p => p.Number == number) is { } existing)
                existing.Reword(parts[number - 1]);
            else
                _parts.Add(new AssignmentPart(Id, number, parts[number - 1]));
        }

        _budgetLines.RemoveAll(l => l.Position >= lines.Count);
        for (var position = 0; position < lines.Count; position++)
        {
            if (_budgetLines.FirstOrDefault(l => l.Position == position) is { } existing)
                existing.Restate(lines[position]);
            else
                _budgetLines.Add(new BudgetLine(Id, position, lines[position]));
        }
        Changed();
    }

    /// <summary>The parts, numbered 1..n by their place in the list: each a required text.</summary>
    private static IReadOnlyList<string> CheckParts(IReadOnlyList<string?> parts)
    {
        if (parts.Count > MaxParts)
            throw new DomainRuleException("assignment.parts.too-many", "parts");
        return parts.Select(p => Guard.RequiredText(p, AssignmentPart.TextMaxLength, "assignment.part")).ToList();
    }

    /// <summary>The ids of the parts that the current terms would drop (numbers above the new count).</summary>
    public IReadOnlyList<Guid> PartsDroppedBy(AssignmentTerms terms) =>
        _parts.Where(p => p.Number > terms.Parts.Count).Select(p => p.Id).ToList();

    public bool HasPart(Guid partId) => _parts.Any(p => p.Id == partId);

    /// <summary>The money came: the line was requisitioned on a date, and this much was received.</summary>
    public void RecordRequisition(Guid budgetLineId, DateOnly on, decimal received)
    {
        var line = _budgetLines.FirstOrDefault(l => l.Id == budgetLineId)
            ?? throw new DomainRuleException("assignment.budget-line.unknown", "budgetLine");
        if (on > PeriodEnd)
            throw new DomainRuleException("assignment.requisition-after-period", "requisitionedOn");
        if (received < 0 || received > MaxAmount)
            throw new DomainRuleException("assignment.budget-line.received-invalid", "amountReceived");
        line.Record(on, received);
        Changed();
    }

    private void Changed()
    {
        Touch();
        if (!DomainEvents.OfType<AssignmentChanged>().Any())
            Raise(new AssignmentChanged(Id));
    }
}

/// <summary>One numbered task of a decision (<i>deluppdrag</i>).</summary>
public sealed class AssignmentPart
{
    public const int TextMaxLength = 4000;

    private AssignmentPart() { }

    internal AssignmentPart(Guid assignmentId, int number, string text)
    {
        Id = Guid.CreateVersion7();
        AssignmentId = assignmentId;
        Number = number;
        Text = text;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    /// <summary>1..n, in the order of the decision.</summary>
    public int Number { get; private set; }
    public string Text { get; private set; } = "";

    internal void Reword(string text) => Text = text;
}

/// <summary>One budget line: the amount from an expenditure area (<c>UO 4</c>), appropriation (<c>1:6</c>) and
/// item (<c>ap.1</c>), requisitioned from an authority (<c>Kammarkollegiet</c>) by a date; when it was
/// requisitioned and how much came.</summary>
public sealed class BudgetLine
{
    public const int CodeMaxLength = 40;
    public const int AuthorityMaxLength = 200;

    private BudgetLine() { }

    internal BudgetLine(Guid assignmentId, int position, BudgetLineTerms terms)
    {
        Id = Guid.CreateVersion7();
        AssignmentId = assignmentId;
        Position = position;
        Restate(terms);
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    /// <summary>The line's place in the decision's table, from 0.</summary>
    public int Position { get; private set; }
    public decimal Amount { get; private set; }
    public string ExpenditureArea { get; private set; } = "";
    public string Appropriation { get; private set; } = "";
    public string? AppropriationItem { get; private set; }
    public string RequisitionFrom { get; private set; } = "";
    public DateOnly RequisitionBy { get; private set; }
    public DateOnly? RequisitionedOn { get; private set; }
    public decimal? AmountReceived { get; private set; }

    /// <summary>Checks a line's terms (trimmed) against the decision's period end.</summary>
    internal static BudgetLineTerms Check(BudgetLineTerms terms, DateOnly periodEnd)
    {
        if (terms.Amount <= 0 || terms.Amount > GovernmentAssignment.MaxAmount)
            throw new DomainRuleException("assignment.budget-line.amount-invalid", "budgetLines");
        if (terms.AmountReceived is < 0 or > GovernmentAssignment.MaxAmount)
            throw new DomainRuleException("assignment.budget-line.received-invalid", "budgetLines");
        if (terms.RequisitionBy > periodEnd || terms.RequisitionedOn > periodEnd)
            throw new DomainRuleException("assignment.requisition-after-period", "budgetLines");
        return terms with
        {
            ExpenditureArea = Guard.RequiredText(terms.ExpenditureArea, CodeMaxLength, "assignment.budget-line.expenditure-area"),
            Appropriation = Guard.RequiredText(terms.Appropriation, CodeMaxLength, "assignment.budget-line.appropriation"),
            AppropriationItem = Guard.OptionalText(terms.AppropriationItem, CodeMaxLength, "assignment.budget-line.appropriation-item"),
            RequisitionFrom = Guard.RequiredText(terms.RequisitionFrom, AuthorityMaxLength, "assignment.budget-line.requisition-from"),
        };
    }

    internal void Restate(BudgetLineTerms terms)
    {
        Amount = terms.Amount;
        ExpenditureArea = terms.ExpenditureArea!;
        Appropriation = terms.Appropriation!;
        AppropriationItem = terms.AppropriationItem;
        RequisitionFrom = terms.RequisitionFrom!;
        RequisitionBy = terms.RequisitionBy;
        RequisitionedOn = terms.RequisitionedOn;
        AmountReceived = terms.AmountReceived;
    }

    internal void Record(DateOnly on, decimal received)
    {
        RequisitionedOn = on;
        AmountReceived = received;
    }
}
