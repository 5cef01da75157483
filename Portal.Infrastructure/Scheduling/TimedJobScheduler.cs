using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Scheduling;

/// <summary>Runs the registered timed jobs that are due, each on one node only: a node claims a
/// due run with one conditional UPDATE (the row's lease), runs it, then moves its next run on by
/// whole intervals. The schedule lives in the database, so it holds across restarts and nodes.</summary>
public sealed class TimedJobScheduler(
    IDbContextFactory<PortalDbContext> contexts,
    IServiceScopeFactory scopes,
    IEnumerable<TimedJobRegistration> registrations,
    TimedJobOptions options,
    TimeProvider clock,
    ILogger<TimedJobScheduler> logger)
{
    private readonly IReadOnlyList<TimedJobRegistration> _jobs = registrations.ToList();

    /// <summary>Runs every job that is due now and not running elsewhere; returns how many ran.
    /// A job seen for the first time is scheduled one interval from now.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        if (_jobs.Count == 0)
            return 0;
        await ScheduleNewJobsAsync(cancellationToken);
        var ran = 0;
        foreach (var job in _jobs)
        {
            if (await TryRunAsync(job, cancellationToken))
                ran++;
        }
        return ran;
    }

    private async Task ScheduleNewJobsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = _jobs.Select(j => j.Name).ToList();
        var known = await db.Set<TimedJobEntry>().Where(j => names.Contains(j.Name)).Select(j => j.Name).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var job in _jobs.Where(j => !known.Contains(j.Name)))
        {
            db.Set<TimedJobEntry>().Add(new TimedJobEntry(job.Name, now + job.Interval));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node scheduled it at the same moment; its row stands.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> TryRunAsync(TimedJobRegistration job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid().ToString("N");
        var lease = now + options.LeaseDuration;
        TimedJobEntry? entry;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // One statement: of two nodes, only the first to update sees the row unclaimed.
            var claimed = await db.Set<TimedJobEntry>()
                .Where(j => j.Name == job.Name && j.NextRunAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimedBy, claim).SetProperty(j => j.LeaseUntil, lease), cancellationToken);
            if (claimed == 0)
                return false;
            entry = await db.Set<TimedJobEntry>().AsNoTracking().SingleAsync(j => j.Name == job.Name, cancellationToken);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (ITimedJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            await instance.RunAsync(new TimedJobRun(job.Name, now, entry.LastRunAt), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var retry = now + (job.Interval < options.RetryDelay ? job.Interval : options.RetryDelay);
            logger.LogError(exception, "Timed job {Job} failed; it runs again at {RetryAt}", job.Name, retry);
            await ReleaseAsync(job.Name, claim, retry, lastRunAt: null, cancellationToken);
            return false;
        }

        await ReleaseAsync(job.Name, claim, NextAfter(entry.NextRunAt, job.Interval, now), now, cancellationToken);
        return true;
    }

    /// <summary>The next run on the job's own beat (no drift), skipping the beats missed while the
    /// portal was down instead of running them all at once.</summary>
    internal static DateTimeOffset NextAfter(DateTimeOffset due, TimeSpan interval, DateTimeOffset now)
    {
        if (due > now)
            return due;
        var missed = (now - due).Ticks / interval.Ticks + 1;
        return due + TimeSpan.FromTicks(interval.Ticks * missed);
    }

    private async Task ReleaseAsync(string name, string claim, DateTimeOffset nextRunAt, DateTimeOffset? lastRunAt,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Set<TimedJobEntry>().Where(j => j.Name == name && j.ClaimedBy == claim);
        if (lastRunAt is { } ranAt)
            await query.ExecuteUpdateAsync(set => set.SetProperty(j => j.NextRunAt, nextRunAt).SetProperty(j => j.LastRunAt, ranAt)
                .SetProperty(j => j.ClaimedBy, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        else
            await query.ExecuteUpdateAsync(set => set.SetProperty(j => j.NextRunAt, nextRunAt)
                .SetProperty(j => j.ClaimedBy, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }
}

public static class TimedJobServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TJob"/> every <paramref name="interval"/> on one node of the
    /// installation. The name is the job's identity in the database: never rename or reuse one.</summary>
    public static IServiceCollection AddTimedJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, ITimedJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > TimedJobEntry.NameMaxLength)
            throw new ArgumentException($"A timed job name has at most {TimedJobEntry.NameMaxLength} characters.", nameof(name));
        if (interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), "A timed job needs a positive interval.");
        if (services.Select(d => d.ImplementationInstance).OfType<TimedJobRegistration>().Any(r => r.Name == name))
            throw new InvalidOperationException($"The timed job name \"{name}\" is registered twice.");
        services.AddSingleton(new TimedJobRegistration(name, interval, typeof(TJob)));
        services.TryAddScoped<TJob>();
        return services;
    }
}
