using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Infrastructure.Features.Meetings;
using Portal.Web.Account;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Endpoints;

/// <summary>Meetings as calendar files: one meeting for a signed-in member (hidden or missing: 404), and the
/// personal feed, read without a session by the secret in its address (revoked or guessed: 404 alike). Both are
/// under the request rate limit (signed out: per client address). The feed's address is never logged by the
/// portal; the host logs no request paths below Warning.</summary>
public static class MeetingCalendarEndpoints
{
    public const string CalendarType = "text/calendar; charset=utf-8";

    public static string DownloadLink(Guid meetingId) => $"/meetings/{meetingId}/calendar.ics";

    public static void MapMeetingCalendarEndpoints(this WebApplication app)
    {
        app.MapGet("/meetings/{meetingId:guid}/calendar.ics", async (Guid meetingId, HttpContext context, MeetingCalendarService calendars) =>
        {
            if (context.User.FindMemberId() is not { } memberId)
                return Results.NotFound();
            string ics;
            try
            {
                ics = await calendars.GetIcsAsync(memberId, meetingId, context.RequestAborted);
            }
            catch (Exception e) when (e is NotFoundException or AccessDeniedException)
            {
                return Results.NotFound();
            }
            context.Response.Headers.ContentDisposition = DocumentFileEndpoints.ContentDisposition($"meeting-{meetingId:N}.ics");
            return Calendar(context, ics);
        }).RequireRateLimiting(RequestRateLimits.Policy);

        app.MapGet("/calendar/{secret}.ics", async (string secret, HttpContext context, MeetingCalendarService calendars,
            IStringLocalizer<MeetingCalendarText> text) =>
        {
            var ics = await calendars.FeedAsync(secret, text["Feed.Name"], context.RequestAborted);
            return ics is null ? Results.NotFound() : Calendar(context, ics);
        }).AllowAnonymous().RequireRateLimiting(RequestRateLimits.Policy);
    }

    private static IResult Calendar(HttpContext context, string ics)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Need-to-know content: no shared cache keeps it.
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(ics, CalendarType);
    }
}
