using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>Writes notifications inside the caller's unit of work (saved by the caller's SaveChanges,
/// together with the change they are about). Recipients are computed here, at write: only candidates
/// who may see the subject now (the subject kind's item face, so no feature's access rules live here),
/// then each one's preference and mutes decide between a bell row, an e-mail at once (an outbox
/// message), both or neither.</summary>
public sealed class Notifier(SubjectRegistry subjects, NotificationKindRegistry kinds)
{
    /// <summary>Notifies those of <paramref name="candidateRecipients"/> (minus the actor) who may see
    /// <paramref name="subject"/>. Returns those who may see it, whatever their preferences (a caller
    /// may act on them, e.g. mentioned readers start following).</summary>
    public async Task<IReadOnlyList<Guid>> NotifyAsync(PortalDbContext db, string kind, SubjectRef subject, Guid? partId, Guid? actorId,
        IEnumerable<Guid> candidateRecipients, DateTimeOffset now, string? text = null, CancellationToken cancellationToken = default)
    {
        var definition = kinds.Get(kind);
        var candidates = candidateRecipients.Where(id => id != actorId).Distinct().ToList();
        if (candidates.Count == 0)
            return [];
        var readers = await ReadersAsync(db, subject, candidates, cancellationToken);
        if (readers.Count == 0)
            return [];

        var readerIds = readers.Keys.ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == kind && readerIds.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        var muted = definition.CanBeMuted
            ? await MutedAsync(db, subject, readers.Values.SelectMany(i => i.WorkspaceIds).Distinct().ToList(), readerIds, cancellationToken)
            : [];

        foreach (var reader in readerIds.Where(id => !muted.Contains(id)))
        {
            var (inPortal, email) = preferences.TryGetValue(reader, out var chosen)
                ? (chosen.InPortal, chosen.Email)
                : (definition.InPortal, definition.Email);
            if (inPortal)
                db.Notifications.Add(Notification.Create(reader, kind, subject.Kind, subject.Id, partId, actorId, text, now));
            if (email == EmailFrequency.Immediately)
                db.Enqueue(new NotificationMail(reader, kind, subject.Kind, subject.Id, partId, actorId, text, now), now);
        }
        return readerIds;
    }

    /// <summary>Those candidates whose organisation is enabled and who may see the subject, with the
    /// subject as each may know it.</summary>
    private async Task<Dictionary<Guid, SubjectInfo>> ReadersAsync(PortalDbContext db, SubjectRef subject, List<Guid> candidates,
        CancellationToken cancellationToken)
    {
        var subjectKind = subjects.Get(subject.Kind);
        var actors = await db.Members.AsNoTracking()
            .Where(m => candidates.Contains(m.Id))
            .Join(db.Organisations.Where(o => o.Enabled), m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.OrganisationId, m.IsAdministrator })
            .ToListAsync(cancellationToken);
        var readers = await subjectKind.DescribeForMembersAsync(db, subject.Id,
            actors.Select(row => new Actor(row.Id, row.OrganisationId, row.IsAdministrator)).ToList(), cancellationToken);
        return readers.ToDictionary();
    }

    /// <summary>Members who muted the subject itself or a workspace it lives in.</summary>
    private static async Task<HashSet<Guid>> MutedAsync(PortalDbContext db, SubjectRef subject, List<Guid> workspaceIds, List<Guid> readerIds,
        CancellationToken cancellationToken)
    {
        const string workspace = WorkspaceSubjectKind.Name;
        var rows = await db.NotificationMutes.AsNoTracking()
            .Where(m => readerIds.Contains(m.MemberId))
            .Where(m => (m.SubjectKind == subject.Kind && m.SubjectId == subject.Id)
                || (m.SubjectKind == workspace && workspaceIds.Contains(m.SubjectId)))
            .Select(m => m.MemberId)
            .ToListAsync(cancellationToken);
        return rows.ToHashSet();
    }
}

/// <summary>An e-mail about one notification, to go out at once. Carries what the notification says
/// (the member may have turned the bell off for this kind, so there may be no row to point at).</summary>
[OutboxMessage("notifications.mail")]
public sealed record NotificationMail(Guid MemberId, string Kind, string SubjectKind, Guid SubjectId, Guid? PartId, Guid? ActorId,
    string? Text, DateTimeOffset CreatedAt) : IOutboxMessage;
