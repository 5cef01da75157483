using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Search;

/// <summary>A feature whose texts are searched: it can index all of them again. Used to fill the index
/// when it is empty but the feature has data (after the migration that introduced search_entries, or
/// after a change of index terms that cleared it).</summary>
public interface ISearchSource
{
    /// <summary>The subject kinds whose texts this source indexes (offered in the search page's kind filter).</summary>
    IReadOnlyCollection<string> Kinds { get; }

    Task IndexAllAsync(PortalDbContext db, CancellationToken cancellationToken);
}

/// <summary>Fills an empty index from every registered source, in one transaction.</summary>
public sealed class SearchBackfill(IEnumerable<ISearchSource> sources)
{
    /// <summary>Returns whether anything was indexed.</summary>
    public async Task<bool> FillIfEmptyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<SearchEntry>().AnyAsync(cancellationToken))
            return false;
        foreach (var source in sources)
            await source.IndexAllAsync(db, cancellationToken);
        if (!db.ChangeTracker.HasChanges())
            return false;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
