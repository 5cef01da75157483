using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Tests.Infrastructure.Outbox;

namespace Portal.Tests.Infrastructure.Scheduling;

/// <summary>What the test job saw, shared by every "node" of one test; the gate holds a run open.</summary>
public sealed class JobLog
{
    public ConcurrentQueue<TimedJobRun> Runs { get; } = new();
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource? Gate { get; set; }
    public int FailuresLeft;
}

public sealed class ReminderJob(JobLog log) : ITimedJob
{
    public const string Name = "test.reminders";

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        log.Started.TrySetResult();
        if (log.Gate is { } gate)
            await gate.Task.WaitAsync(cancellationToken);
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
            throw new InvalidOperationException("Reminders failed");
        log.Runs.Enqueue(run);
    }
}

public abstract class TimedJobSchedulerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly JobLog _jobs = new();
    private TestDatabase _database = null!;
    private readonly List<PortalNode> _nodes = [];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, seed: false);

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private PortalNode StartNode(bool keep = true)
    {
        var node = PortalNode.On(_database.Options, _clock, new DeliveryLog(), services =>
        {
            services.AddSingleton(_jobs);
            // Only the job under test: the portal's own (outbox cleanup) would count in RunDueAsync's result.
            services.RemoveAll<TimedJobRegistration>();
            services.Replace(ServiceDescriptor.Singleton(new TimedJobOptions { RetryDelay = TimeSpan.FromMinutes(5) }));
            services.AddTimedJob<ReminderJob>(ReminderJob.Name, Interval);
        });
        if (keep)
            _nodes.Add(node);
        return node;
    }

    private List<TimedJobRun> RunsOf(string name) => _jobs.Runs.Where(r => r.Name == name).ToList();

    [Fact]
    public async Task Job_runs_when_due_and_not_before()
    {
        var scheduler = StartNode().Get<TimedJobScheduler>();
        var start = _clock.GetUtcNow();

        await scheduler.RunDueAsync();
        _clock.Advance(Interval - TimeSpan.FromMinutes(1));
        await scheduler.RunDueAsync();
        RunsOf(ReminderJob.Name).ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromMinutes(1));
        await scheduler.RunDueAsync();
        await scheduler.RunDueAsync();
        RunsOf(ReminderJob.Name).ShouldBe([new TimedJobRun(ReminderJob.Name, start + Interval, null)]);

        _clock.Advance(Interval);
        await scheduler.RunDueAsync();
        RunsOf(ReminderJob.Name).Last().ShouldBe(new TimedJobRun(ReminderJob.Name, start + 2 * Interval, start + Interval));
    }

    [Fact]
    public async Task Schedule_survives_a_restart()
    {
        var start = _clock.GetUtcNow();
        await using (var before = StartNode(keep: false))
        {
            await before.Get<TimedJobScheduler>().RunDueAsync();
            _clock.Advance(TimeSpan.FromMinutes(30));
        }
        // A new process keeps the stored due time instead of starting the hour again.
        var after = StartNode().Get<TimedJobScheduler>();
        await after.RunDueAsync();
        RunsOf(ReminderJob.Name).ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromMinutes(30));
        await after.RunDueAsync();
        RunsOf(ReminderJob.Name).Select(r => r.Now).ShouldBe([start + Interval]);
    }

    [Fact]
    public async Task Two_schedulers_run_a_due_job_once()
    {
        var nodeA = StartNode().Get<TimedJobScheduler>();
        var nodeB = StartNode().Get<TimedJobScheduler>();
        await nodeA.RunDueAsync();
        _clock.Advance(Interval);
        _jobs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Node A is in the middle of the run when node B looks.
        var runOnA = Task.Run(() => nodeA.RunDueAsync());
        await _jobs.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var ranOnB = await nodeB.RunDueAsync();
        _jobs.Gate.SetResult();
        var ranOnA = await runOnA;

        (ranOnA, ranOnB).ShouldBe((1, 0));
        (await nodeB.RunDueAsync()).ShouldBe(0);
        RunsOf(ReminderJob.Name).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_schedulers_started_together_run_a_due_job_once()
    {
        var nodeA = StartNode().Get<TimedJobScheduler>();
        var nodeB = StartNode().Get<TimedJobScheduler>();
        await nodeA.RunDueAsync();
        _clock.Advance(Interval);

        var ran = await Task.WhenAll(Task.Run(() => nodeA.RunDueAsync()), Task.Run(() => nodeB.RunDueAsync()));

        ran.Sum().ShouldBe(1);
        RunsOf(ReminderJob.Name).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Failed_run_is_tried_again_after_the_retry_delay_and_keeps_its_previous_run()
    {
        var scheduler = StartNode().Get<TimedJobScheduler>();
        await scheduler.RunDueAsync();
        _clock.Advance(Interval);
        _jobs.FailuresLeft = 1;

        (await scheduler.RunDueAsync()).ShouldBe(0);
        _clock.Advance(TimeSpan.FromMinutes(4));
        (await scheduler.RunDueAsync()).ShouldBe(0);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await scheduler.RunDueAsync()).ShouldBe(1);

        RunsOf(ReminderJob.Name).Single().PreviousRunAt.ShouldBeNull();
    }

    [Fact]
    public async Task Beats_missed_while_down_are_skipped_not_run_one_after_another()
    {
        var scheduler = StartNode().Get<TimedJobScheduler>();
        var start = _clock.GetUtcNow();
        await scheduler.RunDueAsync();
        _clock.Advance(5 * Interval + TimeSpan.FromMinutes(10));

        (await scheduler.RunDueAsync()).ShouldBe(1);
        (await scheduler.RunDueAsync()).ShouldBe(0);
        _clock.Advance(TimeSpan.FromMinutes(50));
        (await scheduler.RunDueAsync()).ShouldBe(1);
        RunsOf(ReminderJob.Name).Select(r => r.Now).Last().ShouldBe(start + 6 * Interval);
    }

    [Fact]
    public void Same_job_name_twice_is_refused_at_registration()
    {
        var services = new ServiceCollection();
        services.AddTimedJob<ReminderJob>("test.once", Interval);
        Should.Throw<InvalidOperationException>(() => services.AddTimedJob<ReminderJob>("test.once", Interval));
    }
}

public sealed class SqliteTimedJobSchedulerTests() : TimedJobSchedulerTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresTimedJobSchedulerTests() : TimedJobSchedulerTests(DatabaseProvider.Postgres);
