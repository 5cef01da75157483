using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.MethodSupport;

internal static class SupportLoading
{
    public const string NotFound = "support.notfound";

    /// <summary>The actor's standing on the desk: two small reads, fresh for each use case, so that a member
    /// who left NMT or went off duty loses access at once.</summary>
    public static async Task<SupportStanding> LoadSupportStandingAsync(this PortalDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var desk = await db.SupportDesks.AsNoTracking().OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (desk is null)
            return SupportStanding.None;
        var membership = await db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.WorkspaceId == desk.WorkspaceId && m.MemberId == actor.MemberId, cancellationToken);
        return AccessPolicy.StandingOnDesk(actor, desk, membership);
    }

    /// <summary>A request the actor may see, or "not found" (also when it exists but is hidden, so that a
    /// guessed id tells nothing).</summary>
    public static async Task<SupportRequest> LoadVisibleRequestAsync(this PortalDbContext db, Actor actor, SupportStanding standing,
        Guid requestId, CancellationToken cancellationToken, bool tracked = true)
    {
        var query = db.SupportRequests
            .Include(r => r.Assignees)
            .Include(r => r.Viewers)
            .Include(r => r.Replies)
            .Include(r => r.Notes)
            .Include(r => r.Referrals)
            .AsSplitQuery();
        var request = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !AccessPolicy.CanSeeSupportRequest(actor, standing, request))
            throw new NotFoundException(NotFound);
        return request;
    }
}
