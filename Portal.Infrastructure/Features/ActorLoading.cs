using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features;

internal static class ActorLoading
{
    /// <summary>Loads the acting member for this use case. A member whose organisation has been
    /// disabled since sign-in can no longer act. Taken from the node's <see cref="ActorCache"/> when it
    /// holds the member (the contexts the portal hands out carry it; ADR 0031).</summary>
    public static async Task<Actor> LoadActorAsync(this PortalDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        if (db.Actors?.Find(memberId) is { } known)
        {
            db.ActingMemberId = known.MemberId;
            return known;
        }
        var generation = db.Actors?.Generation ?? 0;
        var row = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.OrganisationId, m.IsAdministrator, o.Enabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            throw new AccessDeniedException("member.unknown");
        if (!row.Enabled)
            throw new AccessDeniedException("organisation.disabled");
        db.ActingMemberId = row.Id;
        var actor = new Actor(row.Id, row.OrganisationId, row.IsAdministrator);
        db.Actors?.Remember(actor, generation);
        return actor;
    }
}
