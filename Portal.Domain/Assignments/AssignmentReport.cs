using Portal.Domain.Common;

namespace Portal.Domain.Assignments;

public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
}

/// <summary>A report (redovisning) to the ministry on a government assignment for a period. While a draft, its
/// figures are assembled live from the portal; on submission the assembled content is frozen as
/// <see cref="Snapshot"/> (JSON), so later data no longer changes what was reported, and nothing of it may be
/// edited again. The free texts are Markdown per section: <c>intro</c>, <c>part:{n}</c>, <c>budget</c>,
/// <c>closing</c>.</summary>
public sealed class AssignmentReport : AggregateRoot
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 20_000;
    public const int KeyMaxLength = 20;
    public const string IntroKey = "intro";
    public const string BudgetKey = "budget";
    public const string ClosingKey = "closing";
    public const string PartKeyPrefix = "part:";

    private readonly List<AssignmentReportText> _texts = [];

    private AssignmentReport() { }

    public Guid AssignmentId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public string Title { get; private set; } = "";
    public ReportStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? SubmittedBy { get; private set; }
    /// <summary>The assembled content at submission (JSON); null while a draft.</summary>
    public string? Snapshot { get; private set; }
    public IReadOnlyCollection<AssignmentReportText> Texts => _texts.AsReadOnly();

    public bool IsSubmitted => Status == ReportStatus.Submitted;

    public static string PartKey(int number) => PartKeyPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A draft for a period that lies within the assignment's period.</summary>
    public static AssignmentReport Draft(Guid assignmentId, DateOnly assignmentStart, DateOnly assignmentEnd, DateOnly from, DateOnly to, string? title)
    {
        if (to < from)
            throw new DomainRuleException("report.period-end-before-start", "to");
        if (from < assignmentStart || to > assignmentEnd)
            throw new DomainRuleException("report.period-outside-assignment", "from");
        var report = new AssignmentReport
        {
            AssignmentId = assignmentId,
            PeriodStart = from,
            PeriodEnd = to,
            Title = Guard.RequiredText(title, TitleMaxLength, "report.title"),
            Status = ReportStatus.Draft,
        };
        report.Raise(new AssignmentReportChanged(report.Id, assignmentId));
        return report;
    }

    public string TextOf(string key) => _texts.FirstOrDefault(t => t.Key == key)?.Text ?? "";

    /// <summary>Sets one section's free text; <paramref name="partCount"/> bounds the <c>part:{n}</c> keys.</summary>
    public void SaveText(string? key, string? markdown, int partCount)
    {
        RefuseIfSubmitted();
        if (!IsKnownKey(key, partCount))
            throw new DomainRuleException("report.text.key-invalid", "key");
        var text = markdown?.Trim() ?? "";
        if (text.Length > TextMaxLength)
            throw new DomainRuleException("report.text.too-long", "text");
        var existing = _texts.FirstOrDefault(t => t.Key == key);
        if (existing is null)
            _texts.Add(new AssignmentReportText(Id, key!, text));
        else
            existing.Change(text);
        Touch();
        Raise(new AssignmentReportChanged(Id, AssignmentId));
    }

    /// <summary>Freezes the report with its assembled content.</summary>
    public void Submit(string snapshot, Guid by, DateTimeOffset now)
    {
        RefuseIfSubmitted();
        if (string.IsNullOrWhiteSpace(snapshot))
            throw new DomainRuleException("report.snapshot-required");
        Snapshot = snapshot;
        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = by;
        Touch();
        Raise(new AssignmentReportChanged(Id, AssignmentId));
    }

    public static bool IsKnownKey(string? key, int partCount)
    {
        if (key is IntroKey or BudgetKey or ClosingKey)
            return true;
        return key is not null && key.StartsWith(PartKeyPrefix, StringComparison.Ordinal)
            && int.TryParse(key.AsSpan(PartKeyPrefix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= partCount && key == PartKey(number);
    }

    private void RefuseIfSubmitted()
    {
        if (IsSubmitted)
            throw new DomainRuleException("report.submitted");
    }
}

/// <summary>One section's free text (Markdown, rendered through the sanitiser).</summary>
public sealed class AssignmentReportText
{
    private AssignmentReportText() { }

    internal AssignmentReportText(Guid reportId, string key, string text)
    {
        ReportId = reportId;
        Key = key;
        Text = text;
    }

    public Guid ReportId { get; private set; }
    public string Key { get; private set; } = "";
    public string Text { get; private set; } = "";

    internal void Change(string text) => Text = text;
}

/// <summary>A report was drafted, edited or submitted: open report pages reload it. Ids only.</summary>
[EventName("report.changed")]
public sealed record AssignmentReportChanged(Guid ReportId, Guid AssignmentId) : IDomainEvent;
