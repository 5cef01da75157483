using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>A member's setting for one kind of notification (their choice, or the kind's default).</summary>
public sealed record NotificationPreferenceView(string Kind, bool InPortal, EmailFrequency Email, bool CanBeMuted, bool IsDefault);

/// <summary>Each member's own choices: per kind of notification, the bell on or off and e-mail at
/// once, in a daily or weekly digest, or never; and which workspaces or threads they muted.</summary>
public sealed class NotificationPreferenceService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock,
    NotificationKindRegistry kinds, SubjectRegistry subjects, Portal.Infrastructure.WriteLimits.WriteLimiter limiter)
{
    /// <summary>Preference and mute changes one member may save (ADR 0019).</summary>
    public const string PreferenceWrite = "preference";

    public async Task<IReadOnlyList<NotificationPreferenceView>> ListAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.MemberId == actor.MemberId)
            .ToDictionaryAsync(p => p.Kind, cancellationToken);
        return kinds.All
            .Select(k => chosen.TryGetValue(k.Kind, out var p)
                ? new NotificationPreferenceView(k.Kind, p.InPortal, p.Email, k.CanBeMuted, IsDefault: false)
                : new NotificationPreferenceView(k.Kind, k.InPortal, k.Email, k.CanBeMuted, IsDefault: true))
            .ToList();
    }

    /// <summary>Sets the actor's choice for one kind; a kind that does not exist is refused.</summary>
    public async Task SetAsync(Guid actorId, string kind, bool inPortal, EmailFrequency email, CancellationToken cancellationToken = default)
    {
        kinds.Get(kind);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.NotificationPreferences.AsTracking()
            .SingleOrDefaultAsync(p => p.MemberId == actor.MemberId && p.Kind == kind, cancellationToken);
        if (existing is null)
            db.NotificationPreferences.Add(new NotificationPreference(actor.MemberId, kind, inPortal, email, now));
        else
            existing.Change(inPortal, email, now);
        await limiter.SaveAsync(db, actor.MemberId, now, [new(PreferenceWrite)], cancellationToken);
    }

    /// <summary>Whether the actor muted this subject.</summary>
    public async Task<bool> IsMutedAsync(Guid actorId, SubjectRef subject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        return await db.NotificationMutes.AnyAsync(m => m.MemberId == actor.MemberId && m.SubjectKind == subject.Kind && m.SubjectId == subject.Id,
            cancellationToken);
    }

    /// <summary>Mutes or unmutes a subject the actor may see (a workspace or a thread).</summary>
    public async Task SetMutedAsync(Guid actorId, SubjectRef subject, bool muted, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        if (!subjects.IsKnown(subject.Kind))
            throw new NotFoundException("subject.notfound");
        var visible = await subjects.Get(subject.Kind).DescribeAsync(db, actor, [subject.Id], cancellationToken);
        if (!visible.ContainsKey(subject.Id))
            throw new NotFoundException("subject.notfound");
        var existing = await db.NotificationMutes.AsTracking()
            .SingleOrDefaultAsync(m => m.MemberId == actor.MemberId && m.SubjectKind == subject.Kind && m.SubjectId == subject.Id, cancellationToken);
        if (muted && existing is null)
            db.NotificationMutes.Add(new NotificationMute(actor.MemberId, subject.Kind, subject.Id, clock.GetUtcNow()));
        else if (!muted && existing is not null)
            db.NotificationMutes.Remove(existing);
        else
            return;
        try
        {
            await limiter.SaveAsync(db, actor.MemberId, clock.GetUtcNow(), [new(PreferenceWrite)], cancellationToken);
        }
        catch (DbUpdateException) when (muted)
        {
            // Muted from another tab at the same moment: the mute is there, which is what was asked.
        }
    }
}
