using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Outbox;

/// <summary>Delivers due outbox messages: claims a batch (one dispatcher per message across all
/// nodes), hands each to its handler, marks it processed, or reschedules it with exponential back-off
/// and jitter, and after <see cref="OutboxOptions.MaxAttempts"/> leaves it as dead. At least once:
/// a dispatcher that dies mid-batch leaves its claims to expire and another delivers them again.</summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<PortalDbContext> contexts,
    IServiceScopeFactory scopes,
    IEnumerable<OutboxHandlerRegistration> registrations,
    OutboxOptions options,
    DatabaseOptions database,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly FrozenDictionary<string, OutboxHandlerRegistration> _handlers =
        registrations.ToFrozenDictionary(r => r.Name);

    /// <summary>Delivers what is due now; returns how many messages were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        if (_handlers.Count == 0)
            return 0;
        var claim = Guid.NewGuid().ToString("N");
        var claimed = await ClaimAsync(claim, cancellationToken);
        var delivered = 0;
        foreach (var entry in claimed)
        {
            if (await DeliverAsync(entry, claim, cancellationToken))
                delivered++;
        }
        await OutboxMetrics.RefreshAsync(contexts, clock, cancellationToken);
        return delivered;
    }

    /// <summary>Takes up to a batch of due, unclaimed messages of types this node can deliver, in one
    /// statement so that two dispatchers never take the same one, then reads them back.</summary>
    private async Task<List<OutboxEntry>> ClaimAsync(string claim, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + options.LeaseDuration;
        var types = _handlers.Keys.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // SKIP LOCKED: a concurrent dispatcher passes over the rows this one is claiming instead of
            // waiting for them, and takes the next ones.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE outbox_messages SET "ClaimedBy" = {claim}, "LeaseUntil" = {lease}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM outbox_messages
                    WHERE "ProcessedAt" IS NULL AND "DeadAt" IS NULL AND "AvailableAt" <= {now}
                      AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now}) AND "Type" = ANY({types})
                    ORDER BY "AvailableAt"
                    LIMIT {options.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken);
        }
        else
        {
            // SQLite has one writer at a time: a single UPDATE … WHERE unclaimed is atomic by itself.
            var due = db.Set<OutboxEntry>()
                .Where(e => e.ProcessedAt == null && e.DeadAt == null && e.AvailableAt <= now
                            && (e.LeaseUntil == null || e.LeaseUntil < now) && types.Contains(e.Type))
                .OrderBy(e => e.AvailableAt)
                .Take(options.BatchSize)
                .Select(e => e.Id);
            await db.Set<OutboxEntry>().Where(e => due.Contains(e.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.ClaimedBy, claim)
                    .SetProperty(e => e.LeaseUntil, lease)
                    .SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        }
        return await db.Set<OutboxEntry>().AsNoTracking().Where(e => e.ClaimedBy == claim)
            .OrderBy(e => e.AvailableAt).ToListAsync(cancellationToken);
    }

    private async Task<bool> DeliverAsync(OutboxEntry entry, string claim, CancellationToken cancellationToken)
    {
        var registration = _handlers[entry.Type];
        var delivery = new OutboxDelivery(entry.Id, entry.Attempts - 1, entry.EnqueuedAt);
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
                await registration.DeliverAsync(scope.ServiceProvider, entry.Payload, delivery, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim lapses and the message goes again later.
            throw;
        }
        catch (Exception exception)
        {
            await FailAsync(entry, claim, exception, cancellationToken);
            return false;
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var marked = await db.Set<OutboxEntry>().Where(e => e.Id == entry.Id && e.ClaimedBy == claim)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.ProcessedAt, now)
                .SetProperty(e => e.ClaimedBy, (string?)null)
                .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        if (marked == 0)
            logger.LogWarning("Outbox message {MessageId} ({Type}) was delivered after its claim lapsed; it may be delivered again",
                entry.Id, entry.Type);
        OutboxMetrics.Delivered.Add(1, new KeyValuePair<string, object?>("type", entry.Type));
        return true;
    }

    private async Task FailAsync(OutboxEntry entry, string claim, Exception exception, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var error = Truncate($"{exception.GetType().Name}: {exception.Message}", OutboxEntry.ErrorMaxLength);
        var dead = entry.Attempts >= options.MaxAttempts;
        var retryAt = now + Backoff(entry.Attempts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<OutboxEntry>().Where(e => e.Id == entry.Id && e.ClaimedBy == claim)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.LastError, error)
                .SetProperty(e => e.AvailableAt, dead ? entry.AvailableAt : retryAt)
                .SetProperty(e => e.DeadAt, dead ? (DateTimeOffset?)now : null)
                .SetProperty(e => e.ClaimedBy, (string?)null)
                .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        OutboxMetrics.Failed.Add(1, new KeyValuePair<string, object?>("type", entry.Type));
        if (dead)
        {
            OutboxMetrics.Dead.Add(1, new KeyValuePair<string, object?>("type", entry.Type));
            logger.LogError(exception, "Outbox message {MessageId} ({Type}) failed {Attempts} times and is left as dead",
                entry.Id, entry.Type, entry.Attempts);
        }
        else
        {
            logger.LogWarning(exception, "Outbox message {MessageId} ({Type}) failed (attempt {Attempts}); next try at {RetryAt}",
                entry.Id, entry.Type, entry.Attempts, retryAt);
        }
    }

    /// <summary>RetryDelay × 2^(attempts−1), capped, times a jitter of ±20 % so that messages that
    /// failed together (SMTP down) do not all come back in the same second.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = Math.Min(options.RetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
