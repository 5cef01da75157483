namespace Portal.Infrastructure.Scheduling;

/// <summary>A timed job (reminders, overdue items, digests, retention erasure). Registered with
/// <c>services.AddTimedJob&lt;TJob&gt;("stable-name", interval)</c>; across all nodes one runner takes
/// each due run, and the schedule survives restarts. Time comes from the context, which comes from
/// <see cref="TimeProvider"/>, so tests move the clock. Must be safe to run again for the same period.</summary>
public interface ITimedJob
{
    Task RunAsync(TimedJobRun run, CancellationToken cancellationToken);
}

/// <summary><see cref="Now"/> is the time of this run; <see cref="PreviousRunAt"/> the time of the last
/// completed run of the same job (null the first time).</summary>
public sealed record TimedJobRun(string Name, DateTimeOffset Now, DateTimeOffset? PreviousRunAt);
