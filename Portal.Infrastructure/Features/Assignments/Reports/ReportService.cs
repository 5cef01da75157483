using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>Reports (redovisningar) on government assignments. The coordinator's staff read them (the budget
/// part only the secretariat); only the secretariat drafts, writes, submits and exports. A report the actor may
/// not see — or one of an assignment the actor may not see — is "not found". Every export is audited.</summary>
public sealed class ReportService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter,
    AssignmentOptions options, ReportAssembler assembler)
{
    /// <summary>The write-limit kind of report writes (<c>report.rate-limited</c>).</summary>
    public const string Write = "report";
    public const string SubjectKind = "report";
    public const string NotFound = "report.notfound";
    public const string ChangedConcurrently = "report.changed-concurrently";
    public const string Denied = "report.denied";

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    public static SubjectRef SubjectOf(Guid reportId) => new(SubjectKind, reportId);

    /// <summary>The secretariat drafts a report for a period within the assignment's; returns its id.</summary>
    public async Task<Guid> CreateDraftAsync(Caller caller, Guid assignmentId, DateOnly from, DateOnly to, string? title = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, standing) = await LoadAsync(db, caller, cancellationToken);
        var assignment = await db.LoadVisibleAssignmentAsync(actor, standing, assignmentId, cancellationToken)
            ?? throw new NotFoundException(AssignmentLoading.AssignmentNotFound);
        if (!AccessPolicy.CanWriteReport(standing))
            throw new AccessDeniedException(Denied);
        var report = AssignmentReport.Draft(assignment.Id, assignment.PeriodStart, assignment.PeriodEnd, from, to,
            string.IsNullOrWhiteSpace(title) ? $"{assignment.RegistrationNumber} {from:yyyy-MM-dd} – {to:yyyy-MM-dd}" : title);
        var now = clock.GetUtcNow();
        db.Set<AssignmentReport>().Add(report);
        db.Audit(actor.MemberId, ReportAuditActions.Drafted, SubjectOf(report.Id), now, $"{assignment.RegistrationNumber} {from:yyyy-MM-dd}/{to:yyyy-MM-dd}",
            caller.ClientAddress);
        await limiter.SaveAsync(db, actor.MemberId, now, [new CountedWrite(Write, Field: "from")], cancellationToken);
        return report.Id;
    }

    /// <summary>A report as the actor may see it, or null: a draft assembled from the portal now, a submitted
    /// report from its frozen content.</summary>
    public async Task<ReportView?> GetAsync(Caller caller, Guid reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, standing) = await LoadAsync(db, caller, cancellationToken);
        var found = await VisibleAsync(db, actor, standing, reportId, tracked: false, cancellationToken);
        if (found is null)
            return null;
        var (report, assignment) = found.Value;
        var content = await ContentAsync(db, report, assignment, cancellationToken);
        var canSeeBudget = AccessPolicy.CanSeeBudget(standing);
        var texts = report.Texts.Where(t => canSeeBudget || t.Key != AssignmentReport.BudgetKey).ToDictionary(t => t.Key, t => t.Text);
        string? submittedBy = null;
        if (report.SubmittedBy is { } by)
            submittedBy = await db.Members.Where(m => m.Id == by).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var canWrite = AccessPolicy.CanWriteReport(standing);
        return new ReportView(report.Id, report.AssignmentId, report.Title, report.PeriodStart, report.PeriodEnd, report.Status, report.Version,
            report.SubmittedAt, submittedBy, texts, canSeeBudget ? content : content with { Budget = null },
            canWrite && !report.IsSubmitted, canWrite, canSeeBudget);
    }

    /// <summary>The reports of an assignment, newest period first; empty when the actor may not see reports.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListAsync(Caller caller, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, standing) = await LoadAsync(db, caller, cancellationToken);
        if (!AccessPolicy.CanSeeReport(standing)
            || await db.LoadVisibleAssignmentAsync(actor, standing, assignmentId, cancellationToken) is null)
            return [];
        var reports = await db.Set<AssignmentReport>().AsNoTracking().Where(r => r.AssignmentId == assignmentId)
            .Select(r => new ReportSummary(r.Id, r.Title, r.PeriodStart, r.PeriodEnd, r.Status, r.CreatedAt, r.SubmittedAt))
            .ToListAsync(cancellationToken);
        return reports.OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>The secretariat saves one section's text from the version it loaded; returns the new version.</summary>
    public async Task<long> SaveTextAsync(Caller caller, Guid reportId, string key, string? markdown, long expectedVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, standing) = await LoadAsync(db, caller, cancellationToken);
        var (report, assignment) = await VisibleAsync(db, actor, standing, reportId, tracked: true, cancellationToken)
            ?? throw new NotFoundException(NotFound);
        if (!AccessPolicy.CanWriteReport(standing))
            throw new AccessDeniedException(Denied);
        if (report.IsSubmitted)
            throw new DomainRuleException("report.submitted");
        if (report.Version != expectedVersion)
            throw new DomainRuleException(ChangedConcurrently);
        report.SaveText(key, markdown, assignment.Parts.Count);
        var now = clock.GetUtcNow();
        db.Audit(actor.MemberId, ReportAuditActions.TextSaved, SubjectOf(report.Id), now, key, caller.ClientAddress);
        await SaveAsync(db, actor.MemberId, now, "text", cancellationToken);
        return report.Version;
    }

    /// <summary>The secretariat marks the report as submitted: its content is assembled one last time and frozen.</summary>
    public async Task SubmitAsync(Caller caller, Guid reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, standing) = await LoadAsync(db, caller, cancellationToken);
        var (report, assignment) = await VisibleAsync(db, actor, standing, reportId, tracked: true, cancellationToken)
            ?? throw new NotFoundException(NotFound);
        if (!AccessPolicy.CanWriteReport(standing))
            throw new AccessDeniedException(Denied);
        if (report.IsSubmitted)
            throw new DomainRuleException("report.submitted");
        var content = await assembler.AssembleAsync(db, assignment, report.PeriodStart, report.PeriodEnd, cancellationToken);
        var now = clock.GetUtcNow();
        report.Submit(JsonSerializer.Serialize(content, SnapshotJson), actor.MemberId, now);
        db.Audit(actor.MemberId, ReportAuditActions.Submitted, SubjectOf(report.Id), now, assignment.RegistrationNumber, caller.ClientAddress);
        await SaveAsync(db, actor.MemberId, now, null, cancellationToken);
    }

    /// <summary>The report as a Word document (audited).</summary>
    public Task<ReportFile> ExportWordAsync(Caller caller, Guid reportId, ReportLabels? labels = null, CancellationToken cancellationToken = default) =>
        ExportAsync(caller, reportId, "docx", cancellationToken, (report, view, number) => new ReportFile(
            FileName(number, report, "docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ReportWordExport.ToWord(view.Content, view.Title, view.Texts, labels ?? ReportLabels.Invariant)));

    /// <summary>The report's figures as an Excel workbook (audited).</summary>
    public Task<ReportFile> ExportExcelAsync(Caller caller, Guid reportId, ReportLabels? labels = null, CancellationToken cancellationToken = default) =>
        ExportAsync(caller, reportId, "xlsx", cancellationToken, (report, view, number) => new ReportFile(
            FileName(number, report, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ReportExcelExport.ToExcel(view.Content, labels ?? ReportLabels.Invariant)));

    private async Task<ReportFile> ExportAsync(Caller caller, Guid reportId, string format, CancellationToken cancellationToken,
        Func<AssignmentReport, ReportView, string, ReportFile> write)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, standing) = await LoadAsync(db, caller, cancellationToken);
        var (report, assignment) = await VisibleAsync(db, actor, standing, reportId, tracked: false, cancellationToken)
            ?? throw new NotFoundException(NotFound);
        if (!AccessPolicy.CanWriteReport(standing))
            throw new AccessDeniedException(Denied);
        var content = await ContentAsync(db, report, assignment, cancellationToken);
        var view = new ReportView(report.Id, report.AssignmentId, report.Title, report.PeriodStart, report.PeriodEnd, report.Status, report.Version,
            report.SubmittedAt, null, report.Texts.ToDictionary(t => t.Key, t => t.Text), content, false, true, true);
        var file = write(report, view, assignment.RegistrationNumber);
        db.Audit(actor.MemberId, ReportAuditActions.Exported, SubjectOf(report.Id), clock.GetUtcNow(), format, caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>"Ju2017-01271-PO_2017-01-01_2017-12-31.docx": the registration number without its slashes.</summary>
    private static string FileName(string registrationNumber, AssignmentReport report, string extension) =>
        $"{registrationNumber.Replace('/', '-')}_{report.PeriodStart:yyyy-MM-dd}_{report.PeriodEnd:yyyy-MM-dd}.{extension}";

    private async Task<ReportContent> ContentAsync(PortalDbContext db, AssignmentReport report, GovernmentAssignment assignment,
        CancellationToken cancellationToken) =>
        report.Snapshot is { } snapshot
            ? JsonSerializer.Deserialize<ReportContent>(snapshot, SnapshotJson) ?? throw new InvalidOperationException("An empty report snapshot.")
            : await assembler.AssembleAsync(db, assignment, report.PeriodStart, report.PeriodEnd, cancellationToken);

    private async Task<(Actor Actor, AssignmentStanding Standing)> LoadAsync(PortalDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        return (actor, await db.LoadAssignmentStandingAsync(actor, options, cancellationToken));
    }

    /// <summary>The report with its assignment when the actor may see reports and that assignment; else null.</summary>
    private static async Task<(AssignmentReport Report, GovernmentAssignment Assignment)?> VisibleAsync(PortalDbContext db, Actor actor,
        AssignmentStanding standing, Guid reportId, bool tracked, CancellationToken cancellationToken)
    {
        if (!AccessPolicy.CanSeeReport(standing))
            return null;
        var reports = tracked ? db.Set<AssignmentReport>() : db.Set<AssignmentReport>().AsNoTracking();
        var report = await reports.Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
            return null;
        var assignment = await db.LoadVisibleAssignmentAsync(actor, standing, report.AssignmentId, cancellationToken);
        return assignment is null ? null : (report, assignment);
    }

    private async Task SaveAsync(PortalDbContext db, Guid memberId, DateTimeOffset now, string? field, CancellationToken cancellationToken)
    {
        try
        {
            await limiter.SaveAsync(db, memberId, now, [new CountedWrite(Write, Field: field)], cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }
}
