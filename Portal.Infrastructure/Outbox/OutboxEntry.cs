namespace Portal.Infrastructure.Outbox;

/// <summary>One stored outbox message: written with the change that caused it, then claimed,
/// delivered and marked processed by a dispatcher. A row that failed <see cref="OutboxOptions.MaxAttempts"/>
/// times stays as dead (<see cref="DeadAt"/>, <see cref="LastError"/>) for an operator to look at.</summary>
public sealed class OutboxEntry
{
    public const int TypeMaxLength = 200;
    public const int ErrorMaxLength = 4000;
    public const int ClaimMaxLength = 64;

    private OutboxEntry() { }

    internal OutboxEntry(Guid id, string type, string payload, DateTimeOffset enqueuedAt, DateTimeOffset availableAt)
    {
        Id = id;
        Type = type;
        Payload = payload;
        EnqueuedAt = enqueuedAt;
        AvailableAt = availableAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The stable <see cref="OutboxMessageAttribute"/> name, never the CLR name.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The message as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset EnqueuedAt { get; private set; }

    /// <summary>Not delivered before this time (a delay asked for, or the back-off after a failure).</summary>
    public DateTimeOffset AvailableAt { get; private set; }

    /// <summary>How many deliveries have been started (counted when claimed, so a crash counts too).</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Set when the dispatcher gave up; the row is then never tried again.</summary>
    public DateTimeOffset? DeadAt { get; private set; }

    /// <summary>The claim of the dispatcher now delivering it; valid until <see cref="LeaseUntil"/>,
    /// after which another dispatcher may take it (the first one died).</summary>
    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }
}
