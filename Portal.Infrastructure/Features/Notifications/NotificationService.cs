using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Notifications;

public sealed record NotificationView(
    Guid Id,
    NotificationKind Kind,
    Guid ThreadId,
    string ThreadTitle,
    Guid PostId,
    PersonRef? Actor,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt);

/// <summary>The bell: the actor's own notifications, only for threads they may still see (a member
/// who left a closed workspace no longer hears of its threads, not even their titles).</summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<NotificationView>> ListAsync(Guid actorId, bool unreadOnly = false, int take = 50,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var rows = await Mine(db, actor)
            .Where(n => !unreadOnly || n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(take, 1, 200))
            .Join(db.Threads, n => n.ThreadId, t => t.Id, (n, t) => new { Notification = n, t.Title })
            .ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(rows.Select(r => r.Notification.ActorId), cancellationToken);
        return rows.Select(r => new NotificationView(r.Notification.Id, r.Notification.Kind, r.Notification.ThreadId, r.Title,
            r.Notification.PostId, people.GetValueOrDefault(r.Notification.ActorId), r.Notification.CreatedAt, r.Notification.ReadAt)).ToList();
    }

    public async Task<int> UnreadCountAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        return await Mine(db, actor).CountAsync(n => n.ReadAt == null, cancellationToken);
    }

    public async Task MarkReadAsync(Guid actorId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var notification = await Mine(db, actor).AsTracking().SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken)
            ?? throw new NotFoundException("notification.notfound");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MarkAllReadAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var unread = await Mine(db, actor).AsTracking().Where(n => n.ReadAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var notification in unread)
            notification.MarkRead(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<Notification> Mine(PortalDbContext db, Actor actor)
    {
        var visibleThreads = db.Threads.Where(AccessPolicy.VisibleThreads(actor));
        return db.Notifications.AsNoTracking()
            .Where(n => n.MemberId == actor.MemberId)
            .Where(n => visibleThreads.Any(t => t.Id == n.ThreadId));
    }
}
