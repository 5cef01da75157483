using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features;

internal static class ActorLoading
{
    /// <summary>Loads the acting member for this use case. A member whose organisation has been
    /// disabled since sign-in can no longer act. Taken from the node's <see cref="ActorCache"/> when it
    /// holds the member (the contexts the portal hands out carry it; ADR 0031). The query and the cache
    /// handling are the shared reads' (<see cref="SharedActorLoading.LoadActorsAsync"/>), so one
    /// member and many are judged alike.</summary>
    public static async Task<Actor> LoadActorAsync(this PortalDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        var loaded = (await db.LoadActorsAsync([memberId], cancellationToken))[memberId];
        if (loaded.Actor is not { } actor)
            throw new AccessDeniedException(loaded.RefusalCode!);
        db.ActingMemberId = actor.MemberId;
        return actor;
    }
}
