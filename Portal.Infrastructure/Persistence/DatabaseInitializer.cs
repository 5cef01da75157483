using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and, in the embedded default, fills an empty
/// one with demo data.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<PortalDbContext> contexts, DatabaseOptions options,
    TimeProvider clock, SearchBackfill search, DirectorySearchTextBackfill directory, ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (options.MigrateOnStart)
        {
            logger.LogInformation("Applying migrations ({Provider})", options.Provider);
            await db.Database.MigrateAsync(cancellationToken);
            // Records from before the audit chain are sealed into it once (ADR 0039).
            await Auditing.AuditChain.SealPendingAsync(db, cancellationToken);
            if (await search.FillIfEmptyAsync(db, cancellationToken))
                logger.LogInformation("Filled the search index from existing data");
            if (await directory.FillMissingAsync(db, cancellationToken) is > 0 and var filled)
                logger.LogInformation("Filled the directory search text of {Count} members and organisations", filled);
        }
        if (options.SeedDemoData)
            await DemoData.SeedAsync(db, clock.GetUtcNow(), cancellationToken);
    }
}
