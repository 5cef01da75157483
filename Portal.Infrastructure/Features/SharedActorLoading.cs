using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features;

/// <summary>The acting members of a read shared between circuits (ADR 0025), loaded in one query; a
/// single use case's actor (<see cref="ActorLoading.LoadActorAsync"/>) is loaded through it too, so each
/// asker gets exactly the refusal its own use case would give it.</summary>
internal static class SharedActorLoading
{
    /// <summary>Several acting members at once: each one's actor, or why they may not act (unknown
    /// member, disabled organisation).</summary>
    public static async Task<IReadOnlyDictionary<Guid, LoadedActor>> LoadActorsAsync(this PortalDbContext db,
        IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        // The node's recent actors first (ADR 0031); only the others are read.
        var loaded = new Dictionary<Guid, LoadedActor>();
        foreach (var id in memberIds)
        {
            if (db.Actors?.Find(id) is { } known)
                loaded[id] = new LoadedActor(known, null);
        }
        var missing = memberIds.Where(id => !loaded.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
            return loaded;
        var generation = db.Actors?.Generation ?? 0;
        var rows = await db.Members.AsNoTracking()
            .Where(m => missing.Contains(m.Id))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.OrganisationId, m.IsAdministrator, o.Enabled })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var id in missing)
        {
            loaded[id] = rows.GetValueOrDefault(id) switch
            {
                null => new LoadedActor(null, "member.unknown"),
                { Enabled: false } => new LoadedActor(null, "organisation.disabled"),
                var row => new LoadedActor(new Actor(row.Id, row.OrganisationId, row.IsAdministrator), null),
            };
            if (loaded[id].Actor is { } actor)
                db.Actors?.Remember(actor, generation);
        }
        return loaded;
    }
}

/// <summary>An acting member, or why they may not act (an access-denied code).</summary>
internal readonly record struct LoadedActor(Actor? Actor, string? RefusalCode);
