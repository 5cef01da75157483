using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Whether the member has a feed, and since when (the address itself cannot be shown again).</summary>
public sealed record CalendarFeedState(bool Active, DateTimeOffset? CreatedAt);

/// <summary>A feed address just made: shown to its member this once.</summary>
public sealed record CalendarFeedAddress(string Url, DateTimeOffset CreatedAt);

/// <summary>A member's own calendar feed. Only the member manages it; making a new one revokes the old, so a
/// leaked address is dealt with by renewing.</summary>
public sealed class CalendarFeedService(IDbContextFactory<PortalDbContext> contexts, WriteLimiter limiter, MailOptions options, TimeProvider clock)
{
    public const string FeedWrite = "calendar-feed";

    public static string PathOf(string secret) => $"/calendar/{secret}.ics";

    public async Task<CalendarFeedState> GetAsync(Guid actorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var created = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.MemberId == actor.MemberId && f.RevokedAt == null)
            .Select(f => (DateTimeOffset?)f.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new CalendarFeedState(created is not null, created);
    }

    /// <summary>Makes a new feed address and revokes every earlier one of the member, in one save.</summary>
    public async Task<CalendarFeedAddress> CreateOrRenewAsync(Guid actorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var now = clock.GetUtcNow();
        var active = await db.CalendarFeeds.Where(f => f.MemberId == actor.MemberId && f.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var old in active)
            old.Revoke(now);
        var (feed, secret) = CalendarFeed.Create(actor.MemberId, now);
        db.CalendarFeeds.Add(feed);
        await limiter.SaveAsync(db, actor.MemberId, now, [new CountedWrite(FeedWrite)], cancellationToken);
        return new CalendarFeedAddress(options.LinkTo(PathOf(secret)), now);
    }
}
