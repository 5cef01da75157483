namespace Portal.Infrastructure.Outbox;

/// <summary>How the outbox dispatcher works. Bound from configuration section "Portal:Outbox".</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed deliveries a message is left as dead.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; doubled after each further one (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim holds; a dispatcher that dies leaves its messages to others after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long delivered messages are kept before the cleanup job deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The health check reports Degraded when the oldest due message waits longer than this…</summary>
    public TimeSpan DegradedAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>…and Unhealthy beyond this.</summary>
    public TimeSpan UnhealthyAge { get; set; } = TimeSpan.FromMinutes(30);
}
