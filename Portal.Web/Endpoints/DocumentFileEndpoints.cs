using System.Globalization;
using System.Text;
using Portal.Domain.Common;
using Portal.Infrastructure.Features.Documents.Files;
using Portal.Web.Account;
using Portal.Web.Hosting;

namespace Portal.Web.Endpoints;

/// <summary>Downloads of documents' attached files. Signed-in members only; the use case decides who may
/// see the file and says "not found" to everybody else, as for an id that does not exist.</summary>
public static class DocumentFileEndpoints
{
    public static string LinkTo(Guid attachmentId) => $"/documents/files/{attachmentId}";

    public static void MapDocumentFileEndpoints(this WebApplication app)
    {
        app.MapGet("/documents/files/{attachmentId:guid}", async (Guid attachmentId, HttpContext context, DocumentFileService files) =>
        {
            if (context.User.FindMemberId() is not { } memberId)
                return Results.NotFound();
            DocumentFileDownload download;
            try
            {
                download = await files.OpenForDownloadAsync(memberId, attachmentId, context.RequestAborted);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            var headers = context.Response.Headers;
            headers.ContentDisposition = ContentDisposition(download.FileName);
            headers.XContentTypeOptions = "nosniff";
            // Need-to-know content: no shared cache keeps it, and the browser does not keep it on disk either.
            headers.CacheControl = "private, no-store";
            // The stored type comes from the checked kind (never from the uploader); the result disposes the stream.
            return Results.Stream(download.Content, download.ContentType);
        }).RequireRateLimiting(RequestRateLimits.Policy);
    }

    /// <summary>RFC 6266 with the RFC 5987 extended parameter: <c>attachment; filename="ascii"; filename*=UTF-8''…</c>.
    /// The ASCII fallback keeps letters without their accents (å → a) and replaces what cannot be quoted;
    /// the extended value is percent-encoded, so no character of a name can end the header or add another.</summary>
    public static string ContentDisposition(string fileName) =>
        $"attachment; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{PercentEncoded(fileName)}";

    private static string AsciiFallback(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            builder.Append(c is >= ' ' and <= '~' && c is not '"' and not '\\' ? c : '_');
        }
        return builder.ToString();
    }

    private static string PercentEncoded(string fileName)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(fileName))
        {
            // attr-char of RFC 5987; everything else as %XX.
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                || "!#$&+-.^_`|~".Contains((char)b))
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
