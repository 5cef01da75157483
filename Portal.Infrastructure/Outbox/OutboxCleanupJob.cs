using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Outbox;

/// <summary>Deletes delivered outbox messages older than <see cref="OutboxOptions.Retention"/>. Dead
/// ones stay: they are the record of what never went out.</summary>
public sealed class OutboxCleanupJob(IDbContextFactory<PortalDbContext> contexts, OutboxOptions options,
    ILogger<OutboxCleanupJob> logger) : ITimedJob
{
    public const string Name = "outbox.cleanup";

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var before = run.Now - options.Retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<OutboxEntry>().Where(e => e.ProcessedAt != null && e.ProcessedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} delivered outbox messages older than {Before}", deleted, before);
    }
}
