using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>One notification as its member may see it now.</summary>
public sealed record NotificationView(
    Guid Id,
    string Kind,
    SubjectRef Subject,
    string SubjectTitle,
    string SubjectLink,
    Guid? PartId,
    PersonRef? Actor,
    string? Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt);

/// <summary>The bell's row for one subject: its newest notification, how many are unread and the link.</summary>
public sealed record NotificationGroup(NotificationView Newest, int UnreadCount, int Count)
{
    public SubjectRef Subject => Newest.Subject;
}

/// <summary>The bell: the actor's own notifications, only about subjects they may still see (a member
/// who left a closed workspace no longer hears of its threads, not even their titles). Counts use
/// each subject kind's query face; lists use its item face to describe what is shown.</summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, SubjectRegistry subjects,
    NotificationKindRegistry kinds)
{
    public async Task<IReadOnlyList<NotificationView>> ListAsync(Guid actorId, bool unreadOnly = false, int take = 50,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var rows = await Mine(db, actor)
            .Where(n => !unreadOnly || n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);
        return await DescribeAsync(db, actor, rows, cancellationToken);
    }

    /// <summary>The bell's rows: one per subject, newest first, with the newest notification's wording.</summary>
    public async Task<IReadOnlyList<NotificationGroup>> ListGroupedAsync(Guid actorId, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var groups = await Mine(db, actor)
            .GroupBy(n => new { n.SubjectKind, n.SubjectId })
            .Select(g => new
            {
                g.Key.SubjectKind,
                g.Key.SubjectId,
                Newest = g.Max(n => n.CreatedAt),
                Unread = g.Count(n => n.ReadAt == null),
                Count = g.Count(),
            })
            .OrderByDescending(g => g.Newest)
            .Take(Math.Clamp(take, 1, 100))
            .ToListAsync(cancellationToken);
        if (groups.Count == 0)
            return [];
        var keys = groups.Select(g => new SubjectRef(g.SubjectKind, g.SubjectId)).ToHashSet();
        var subjectIds = groups.Select(g => g.SubjectId).ToList();
        // The subjects were access-checked above; this only picks each one's newest row.
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.MemberId == actor.MemberId && subjectIds.Contains(n.SubjectId))
            .ToListAsync(cancellationToken);
        var newest = rows.Where(n => keys.Contains(new SubjectRef(n.SubjectKind, n.SubjectId)))
            .GroupBy(n => new SubjectRef(n.SubjectKind, n.SubjectId))
            .Select(g => g.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).First())
            .ToList();
        var views = (await DescribeAsync(db, actor, newest, cancellationToken)).ToDictionary(v => v.Subject);
        return groups
            .Select(g => views.TryGetValue(new SubjectRef(g.SubjectKind, g.SubjectId), out var view) ? new NotificationGroup(view, g.Unread, g.Count) : null)
            .OfType<NotificationGroup>()
            .ToList();
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

    /// <summary>Reads every notification about one subject (the bell's row was opened).</summary>
    public async Task MarkSubjectReadAsync(Guid actorId, SubjectRef subject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var unread = await Mine(db, actor).AsTracking()
            .Where(n => n.SubjectKind == subject.Kind && n.SubjectId == subject.Id && n.ReadAt == null)
            .ToListAsync(cancellationToken);
        await MarkAsync(db, unread, cancellationToken);
    }

    public async Task MarkAllReadAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var unread = await Mine(db, actor).AsTracking().Where(n => n.ReadAt == null).ToListAsync(cancellationToken);
        await MarkAsync(db, unread, cancellationToken);
    }

    private async Task MarkAsync(PortalDbContext db, List<Notification> unread, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var notification in unread)
            notification.MarkRead(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How many unread notifications a digest of this frequency would list for the member
    /// (null when the member cannot sign in any more).</summary>
    internal async Task<int?> DigestItemsAsync(PortalDbContext db, Guid memberId, EmailFrequency frequency, DateTimeOffset since,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        var recipient = await MailRecipient.LoadAsync(db, memberId, cancellationToken);
        if (recipient is null)
            return null;
        var query = await DigestQueryAsync(db, recipient.Actor, frequency, since, until, cancellationToken);
        return await query.CountAsync(cancellationToken);
    }

    /// <summary>The unread notifications a digest lists: of the kinds the member gets by this digest,
    /// created in the period, about subjects they may still see, oldest first.</summary>
    internal async Task<IReadOnlyList<NotificationView>> DigestViewsAsync(PortalDbContext db, Actor actor, EmailFrequency frequency,
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var query = await DigestQueryAsync(db, actor, frequency, since, until, cancellationToken);
        var rows = await query.OrderBy(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return await DescribeAsync(db, actor, rows, cancellationToken);
    }

    private async Task<IQueryable<Notification>> DigestQueryAsync(PortalDbContext db, Actor actor, EmailFrequency frequency,
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.MemberId == actor.MemberId)
            .ToDictionaryAsync(p => p.Kind, p => p.Email, cancellationToken);
        var digestKinds = kinds.All
            .Where(k => (chosen.TryGetValue(k.Kind, out var email) ? email : k.Email) == frequency)
            .Select(k => k.Kind)
            .ToList();
        return Mine(db, actor).Where(n => n.ReadAt == null && n.CreatedAt > since && n.CreatedAt <= until && digestKinds.Contains(n.Kind));
    }

    /// <summary>The actor's notifications about subjects they may see now, through every kind's query face.</summary>
    internal IQueryable<Notification> Mine(PortalDbContext db, Actor actor)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.MemberId == actor.MemberId);
        IQueryable<Notification>? visible = null;
        foreach (var kindName in subjects.Kinds)
        {
            var ids = subjects.Get(kindName).VisibleIds(db, actor);
            var ofKind = mine.Where(n => n.SubjectKind == kindName && ids.Contains(n.SubjectId));
            visible = visible is null ? ofKind : visible.Concat(ofKind);
        }
        return visible ?? mine.Where(n => false);
    }

    internal async Task<IReadOnlyList<NotificationView>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyList<Notification> rows,
        CancellationToken cancellationToken)
    {
        var described = await subjects.DescribeVisibleAsync(db, actor, rows.Select(r => new SubjectRef(r.SubjectKind, r.SubjectId)), cancellationToken);
        var people = await db.LoadPeopleAsync(rows.Where(r => r.ActorId is not null).Select(r => r.ActorId!.Value), cancellationToken);
        return rows
            .Where(r => described.ContainsKey(new SubjectRef(r.SubjectKind, r.SubjectId)))
            .Select(r =>
            {
                var info = described[new SubjectRef(r.SubjectKind, r.SubjectId)];
                return new NotificationView(r.Id, r.Kind, info.Ref, info.Title, info.Link, r.PartId,
                    r.ActorId is { } a ? people.GetValueOrDefault(a) : null, r.Text, r.CreatedAt, r.ReadAt);
            })
            .ToList();
    }
}
