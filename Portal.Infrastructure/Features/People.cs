using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features;

internal static class People
{
    /// <summary>Names and organisations for a set of member ids, in one query.</summary>
    public static async Task<Dictionary<Guid, PersonRef>> LoadPeopleAsync(this PortalDbContext db,
        IEnumerable<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id,
                (m, o) => new PersonRef(m.Id, m.DisplayName, o.Id, o.Name))
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
    }
}
