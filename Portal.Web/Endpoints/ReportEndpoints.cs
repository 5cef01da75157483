using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Web.Account;
using Portal.Web.Features.Assignments.Reports;
using Portal.Web.Features.MethodSupport;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Endpoints;

/// <summary>A report as Word and Excel. The service checks that the member is in the secretariat and audits the
/// export with where it was fetched from; everyone else gets "not found".</summary>
public static class ReportEndpoints
{
    public static string WordLink(Guid reportId) => $"/reports/{reportId}.docx";

    public static string ExcelLink(Guid reportId) => $"/reports/{reportId}.xlsx";

    public static void MapReportEndpoints(this WebApplication app)
    {
        app.MapGet("/reports/{id:guid}.docx", (Guid id, HttpContext context, ReportService reports, IStringLocalizer<ReportText> text,
                SupportFigureLabels figures) =>
            ExportAsync(context, caller => reports.ExportWordAsync(caller, id, ReportExportLabels.For(text, figures), context.RequestAborted)))
            .RequireRateLimiting(RequestRateLimits.Policy);
        app.MapGet("/reports/{id:guid}.xlsx", (Guid id, HttpContext context, ReportService reports, IStringLocalizer<ReportText> text,
                SupportFigureLabels figures) =>
            ExportAsync(context, caller => reports.ExportExcelAsync(caller, id, ReportExportLabels.For(text, figures), context.RequestAborted)))
            .RequireRateLimiting(RequestRateLimits.Policy);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, Func<Caller, Task<ReportFile>> export)
    {
        if (context.User.FindMemberId() is not { } memberId)
            return Results.NotFound();
        ReportFile file;
        try
        {
            file = await export(new Caller(memberId, ConnectionAddress.Of(context)));
        }
        catch (Exception exception) when (exception is AccessDeniedException or NotFoundException)
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
