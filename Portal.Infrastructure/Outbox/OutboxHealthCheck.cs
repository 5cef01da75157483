using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Outbox;

/// <summary>Reports whether the outbox is moving: Degraded when the oldest due message has waited
/// longer than <see cref="OutboxOptions.DegradedAge"/>, Unhealthy beyond <see cref="OutboxOptions.UnhealthyAge"/>.
/// A failing handler does not trip it by itself (each retry is due anew after its back-off); a
/// dispatcher that has stopped does. Dead messages are reported in the data, not in the status.</summary>
public sealed class OutboxHealthCheck(IDbContextFactory<PortalDbContext> contexts, OutboxOptions options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var (pending, oldest) = await OutboxMetrics.MeasureAsync(db, clock.GetUtcNow(), cancellationToken);
            var dead = await db.Set<OutboxEntry>().CountAsync(e => e.DeadAt != null, cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["pending"] = pending,
                ["oldestDueSeconds"] = Math.Round(oldest.TotalSeconds),
                ["dead"] = dead,
            };
            if (oldest > options.UnhealthyAge)
                return HealthCheckResult.Unhealthy($"The oldest outbox message has waited {oldest:g}.", data: data);
            if (oldest > options.DegradedAge)
                return HealthCheckResult.Degraded($"The oldest outbox message has waited {oldest:g}.", data: data);
            return HealthCheckResult.Healthy($"{pending} outbox messages pending.", data);
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The outbox could not be read.", exception);
        }
    }
}
