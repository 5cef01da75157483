using Portal.Domain.Assignments;

namespace Portal.Infrastructure.Features.Assignments.Reports;

public sealed record ReportSummary(Guid Id, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt);

/// <summary>A report as one member may see it: a draft's content assembled now, a submitted one's as frozen.
/// The budget (its figures and its text) is left out for those who may not see the budget.</summary>
public sealed record ReportView(Guid Id, Guid AssignmentId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status,
    long Version, DateTimeOffset? SubmittedAt, string? SubmittedBy, IReadOnlyDictionary<string, string> Texts, ReportContent Content,
    bool CanEdit, bool CanExport, bool CanSeeBudget)
{
    public bool IsSubmitted => Status == ReportStatus.Submitted;
}

/// <summary>An exported file: its name (quoting the registration number), media type and bytes.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

public static class ReportAuditActions
{
    public const string Drafted = "report.drafted";
    public const string TextSaved = "report.text-saved";
    public const string Submitted = "report.submitted";
    /// <summary>A report was exported; the detail is the format ("docx", "xlsx").</summary>
    public const string Exported = "report.exported";
}
