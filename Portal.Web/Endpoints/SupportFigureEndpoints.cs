using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Web.Account;
using Portal.Web.Features.MethodSupport;
using Portal.Web.Hosting;

namespace Portal.Web.Endpoints;

/// <summary>The method-support figures as CSV and Excel for the yearly report. The service checks that the
/// member is on the NMT team and audits the export with where it was fetched from; everyone else gets "not found".</summary>
public static class SupportFigureEndpoints
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string CsvLink(int year) => $"/support/figures/{year}.csv";

    public static string ExcelLink(int year) => $"/support/figures/{year}.xlsx";

    public static void MapSupportFigureEndpoints(this WebApplication app)
    {
        app.MapGet("/support/figures/{year:int}.csv", (int year, HttpContext context, SupportFiguresService figures, SupportFigureLabels labels) =>
            ExportAsync(context, year, $"metodstod-{year}.csv", "text/csv; charset=utf-8",
                caller => figures.ExportCsvAsync(caller, year, labels.Of, context.RequestAborted))).RequireRateLimiting(RequestRateLimits.Policy);
        app.MapGet("/support/figures/{year:int}.xlsx", (int year, HttpContext context, SupportFiguresService figures, SupportFigureLabels labels) =>
            ExportAsync(context, year, $"metodstod-{year}.xlsx", ExcelType,
                caller => figures.ExportExcelAsync(caller, year, labels.Of, context.RequestAborted))).RequireRateLimiting(RequestRateLimits.Policy);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, int year, string fileName, string contentType, Func<Caller, Task<byte[]>> export)
    {
        if (context.User.FindMemberId() is not { } memberId)
            return Results.NotFound();
        byte[] content;
        try
        {
            content = await export(new Caller(memberId, ConnectionAddress.Of(context)));
        }
        catch (Exception exception) when (exception is AccessDeniedException or NotFoundException)
        {
            return Results.NotFound();
        }
        catch (DomainRuleException)
        {
            return Results.BadRequest();
        }
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, contentType, fileName);
    }
}
