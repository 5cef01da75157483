using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Directory;

/// <summary>Fills the search text of members and organisations stored before the column existed (the
/// migration adds it empty; the folding is C#, so SQL cannot fill it). A stored row always has a
/// non-empty one (a name is required), so an empty one means "not filled yet". Runs at start-up, in
/// batches, and does nothing once every row is filled.</summary>
public sealed class DirectorySearchTextBackfill
{
    private const int BatchSize = 500;

    /// <summary>Returns how many members and organisations were filled.</summary>
    public async Task<int> FillMissingAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var organisations = await db.Organisations.Where(o => o.SearchText == "").OrderBy(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
            var members = await db.Members.Where(m => m.SearchText == "").OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (organisations.Count == 0 && members.Count == 0)
                return filled;
            organisations.ForEach(o => o.RefreshSearchText());
            members.ForEach(m => m.RefreshSearchText());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            filled += organisations.Count + members.Count;
        }
    }
}
