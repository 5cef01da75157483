using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Outbox;

/// <summary>The outbox's instruments (meter "Portal.Outbox"). The gauges report what the last
/// dispatch round saw, so that collecting metrics never queries the database.</summary>
public static class OutboxMetrics
{
    public const string MeterName = "Portal.Outbox";

    private static readonly Meter Meter = new(MeterName);
    private static long _pending;
    private static double _oldestAgeSeconds;

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("portal.outbox.delivered", description: "Outbox messages delivered");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("portal.outbox.failed", description: "Outbox deliveries that failed (and will be retried or left as dead)");
    public static readonly Counter<long> Dead = Meter.CreateCounter<long>("portal.outbox.dead", description: "Outbox messages given up after their last attempt");

    static OutboxMetrics()
    {
        Meter.CreateObservableGauge("portal.outbox.pending", () => Interlocked.Read(ref _pending),
            description: "Outbox messages not yet delivered (including those waiting for a retry)");
        Meter.CreateObservableGauge("portal.outbox.oldest_age", () => Volatile.Read(ref _oldestAgeSeconds), unit: "s",
            description: "Age of the oldest due, undelivered outbox message");
    }

    /// <summary>The pending count and the age of the oldest due message, as the health check and the gauges see them.</summary>
    public static async Task<(int Pending, TimeSpan OldestAge)> MeasureAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = db.Set<OutboxEntry>().Where(e => e.ProcessedAt == null && e.DeadAt == null);
        var count = await pending.CountAsync(cancellationToken);
        var oldest = count == 0 ? null
            : await pending.Where(e => e.AvailableAt <= now).OrderBy(e => e.AvailableAt)
                .Select(e => (DateTimeOffset?)e.AvailableAt).FirstOrDefaultAsync(cancellationToken);
        return (count, oldest is { } at ? now - at : TimeSpan.Zero);
    }

    internal static async Task RefreshAsync(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (pending, oldest) = await MeasureAsync(db, clock.GetUtcNow(), cancellationToken);
        Interlocked.Exchange(ref _pending, pending);
        Volatile.Write(ref _oldestAgeSeconds, oldest.TotalSeconds);
    }
}
