using System.Globalization;
using Portal.Infrastructure.Features.Assignments;

namespace Portal.Web.Features.Assignments;

/// <summary>What the assignment form holds while the secretariat types: days and amounts as the inputs' text,
/// so that a half-typed value is kept (and marked beside its field) rather than lost.</summary>
public sealed class AssignmentFormModel
{
    public const string DayFormat = "yyyy-MM-dd";

    public string? RegistrationNumber { get; set; }
    public string? Title { get; set; }
    public string? Ministry { get; set; }
    public string? DecisionDate { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public List<PartLine> Parts { get; } = [new()];
    public List<PartnerChoice> Partners { get; } = [];
    public bool ChildRights { get; set; }
    public string? TotalBudget { get; set; }
    public List<BudgetLineModel> BudgetLines { get; } = [];
    public string? RepaymentDeadline { get; set; }
    public string? ReportDeadline { get; set; }
    public DecisionDocumentChoice? DecisionDocument { get; set; }

    /// <summary>One numbered part of the decision's tasks; its number is its place in the list.</summary>
    public sealed class PartLine
    {
        public string? Text { get; set; }
    }

    public sealed class BudgetLineModel
    {
        public string? Amount { get; set; }
        public string? ExpenditureArea { get; set; }
        public string? Appropriation { get; set; }
        public string? AppropriationItem { get; set; }
        public string? RequisitionFrom { get; set; }
        public string? RequisitionBy { get; set; }
        public string? RequisitionedOn { get; set; }
        public string? AmountReceived { get; set; }
    }

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? day) => day is { } value ? Day(value) : null;

    public static string Amount(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Kronor as a person types them: spaces as thousands separators, a comma or a point for öre.</summary>
    public static decimal? ParseAmount(string? text)
    {
        var cleaned = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u00a0').ToArray()).Replace(',', '.');
        if (cleaned.EndsWith("kr", StringComparison.OrdinalIgnoreCase))
            cleaned = cleaned[..^2];
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    /// <summary>The budget lines' sum so far (unreadable amounts count as nothing), shown against the total.</summary>
    public decimal LinesSum => BudgetLines.Sum(l => ParseAmount(l.Amount) ?? 0m);

    /// <summary>Fields whose text is not a day or an amount, by field key → resource key of the message. The
    /// domain's own rules (order of dates, sums) are the use case's to say.</summary>
    public Dictionary<string, string> Unreadable()
    {
        var errors = new Dictionary<string, string>();
        void CheckDay(string key, string? text, bool required)
        {
            if (string.IsNullOrWhiteSpace(text) ? required : ParseDay(text) is null)
                errors[key] = "Form.DayUnreadable";
        }
        void CheckAmount(string key, string? text, bool required)
        {
            if (string.IsNullOrWhiteSpace(text) ? required : ParseAmount(text) is not >= 0)
                errors[key] = "Form.AmountUnreadable";
        }
        CheckDay("decisionDate", DecisionDate, true);
        CheckDay("periodStart", PeriodStart, true);
        CheckDay("periodEnd", PeriodEnd, true);
        CheckDay("repaymentDeadline", RepaymentDeadline, true);
        CheckDay("reportDeadline", ReportDeadline, true);
        CheckAmount("totalBudget", TotalBudget, true);
        for (var i = 0; i < BudgetLines.Count; i++)
        {
            var line = BudgetLines[i];
            CheckAmount($"budgetLines[{i}].amount", line.Amount, true);
            CheckDay($"budgetLines[{i}].requisitionBy", line.RequisitionBy, true);
            CheckDay($"budgetLines[{i}].requisitionedOn", line.RequisitionedOn, false);
            CheckAmount($"budgetLines[{i}].amountReceived", line.AmountReceived, false);
        }
        return errors;
    }

    /// <summary>The draft for the use case; call after <see cref="Unreadable"/> found nothing.</summary>
    public AssignmentDraft ToDraft() => new(
        (RegistrationNumber ?? "").Trim(),
        (Title ?? "").Trim(),
        (Ministry ?? "").Trim(),
        ParseDay(DecisionDate)!.Value,
        ParseDay(PeriodStart)!.Value,
        ParseDay(PeriodEnd)!.Value,
        Parts.Select(p => (p.Text ?? "").Trim()).Where(t => t.Length > 0).ToList(),
        Partners.Select(p => p.Id).Distinct().ToList(),
        ChildRights,
        ParseAmount(TotalBudget)!.Value,
        BudgetLines.Select(l => new BudgetLineDraft(
            ParseAmount(l.Amount)!.Value,
            (l.ExpenditureArea ?? "").Trim(),
            (l.Appropriation ?? "").Trim(),
            (l.AppropriationItem ?? "").Trim(),
            (l.RequisitionFrom ?? "").Trim(),
            ParseDay(l.RequisitionBy)!.Value,
            ParseDay(l.RequisitionedOn),
            ParseAmount(l.AmountReceived))).ToList(),
        ParseDay(RepaymentDeadline)!.Value,
        ParseDay(ReportDeadline)!.Value,
        DecisionDocument?.Id);
}

/// <summary>A partner organisation as the form shows it (from the directory).</summary>
public sealed record PartnerChoice(Guid Id, string Name);

/// <summary>The decision document as the form shows it (from the guidance library).</summary>
public sealed record DecisionDocumentChoice(Guid Id, string Title);
