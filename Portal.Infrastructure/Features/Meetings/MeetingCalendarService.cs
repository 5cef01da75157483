using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Meetings as calendar files: one meeting's <c>.ics</c> for a signed-in member, and the personal
/// feed read with a secret instead of a session. Both ask the access policy's query face, so a feed shows
/// exactly what its member may see today (a meeting of a workspace they left drops out).</summary>
public sealed class MeetingCalendarService(IDbContextFactory<PortalDbContext> contexts, MeetingCalendar calendars, TimeProvider clock)
{
    /// <summary>How far back a feed reaches: calendars keep what they have already seen.</summary>
    public static readonly TimeSpan FeedPast = TimeSpan.FromDays(180);
    public const int FeedMaxMeetings = 500;

    /// <summary>The meeting as a calendar file, or <see cref="NotFoundException"/> when it is hidden or missing.</summary>
    public async Task<string> GetIcsAsync(Guid actorId, Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var meetings = await db.LoadCalendarMeetingsAsync(
            db.Meetings.Where(AccessPolicy.VisibleMeetings(actor)).Where(m => m.Id == meetingId), withAttendees: false, clock.GetUtcNow(),
            cancellationToken);
        if (meetings.Count == 0)
            throw new NotFoundException("meeting.notfound");
        return calendars.Publish(meetings[0].Title, meetings);
    }

    /// <summary>The feed of the member whose active secret this is, or null (revoked, guessed, malformed, or a
    /// member who can no longer sign in): the caller answers 404 alike for all of them.</summary>
    public async Task<string?> FeedAsync(string secret, string calendarName, CancellationToken cancellationToken)
    {
        if (CalendarFeed.HashOf(secret) is not { } hash)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var memberId = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.SecretHash == hash && f.RevokedAt == null)
            .Select(f => (Guid?)f.MemberId)
            .SingleOrDefaultAsync(cancellationToken);
        if (memberId is not { } id)
            return null;
        Actor actor;
        try
        {
            actor = await db.LoadActorAsync(id, cancellationToken);
        }
        catch (AccessDeniedException)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var from = now - FeedPast;
        var visible = db.Meetings.Where(AccessPolicy.VisibleMeetings(actor))
            .Where(m => m.Occurrences.Any(o => o.End >= from))
            .OrderByDescending(m => m.Occurrences.Max(o => o.End))
            .Take(FeedMaxMeetings);
        var meetings = await db.LoadCalendarMeetingsAsync(visible, withAttendees: false, now, cancellationToken);
        return calendars.Publish(calendarName, meetings);
    }
}
