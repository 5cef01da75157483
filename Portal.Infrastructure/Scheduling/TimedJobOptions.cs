namespace Portal.Infrastructure.Scheduling;

/// <summary>How the scheduler works. Bound from configuration section "Portal:Scheduler".</summary>
public sealed class TimedJobOptions
{
    /// <summary>How often the scheduler looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a node's claim on a running job holds; a node that dies mid-run leaves the
    /// job to another after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A failed run is tried again after this long (or after the job's interval, if shorter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>One registered job: its stable name, how often it runs and its class.</summary>
public sealed record TimedJobRegistration(string Name, TimeSpan Interval, Type JobType);
