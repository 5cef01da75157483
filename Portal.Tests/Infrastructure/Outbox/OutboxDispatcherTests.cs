using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Outbox;

/// <summary>The outbox on a real database: delivery at least once with retries, exactly once after a
/// "crash" between commit and dispatch and with two dispatchers, nothing from a rolled-back change,
/// and dead letters after the last attempt.</summary>
public abstract class OutboxDispatcherTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly DeliveryLog _log = new();
    private readonly OutboxOptions _options = new() { MaxAttempts = 3, BatchSize = 5 };
    private TestDatabase _database = null!;
    private readonly List<PortalNode> _nodes = [];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, seed: false);

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private PortalNode StartNode()
    {
        var node = PortalNode.On(_database.Options, _clock, _log, services => OutboxTestOptions.Use(services, _options));
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task Failing_handler_is_retried_after_a_backoff_until_the_message_is_delivered()
    {
        var node = StartNode();
        var dispatcher = node.Get<OutboxDispatcher>();
        _log.FailuresLeft = 2;
        var id = await node.EnqueueAsync(new Greeting("Hej"));

        var firstTry = _clock.GetUtcNow();
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);
        var afterFirst = (await node.EntriesAsync()).Single();
        afterFirst.Attempts.ShouldBe(1);
        afterFirst.LastError!.ShouldContain("The mail server said no");
        afterFirst.AvailableAt.ShouldBeGreaterThan(_clock.GetUtcNow());
        afterFirst.ClaimedBy.ShouldBeNull();
        // Not again before its back-off has passed.
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);
        (await node.EntriesAsync()).Single().Attempts.ShouldBe(1);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var secondTry = _clock.GetUtcNow();
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);
        var afterSecond = (await node.EntriesAsync()).Single();
        afterSecond.Attempts.ShouldBe(2);
        // Exponential: the second wait is longer than the first, even with jitter.
        (afterSecond.AvailableAt - secondTry).ShouldBeGreaterThan(afterFirst.AvailableAt - firstTry);

        _clock.Advance(TimeSpan.FromMinutes(1));
        (await dispatcher.DispatchDueAsync()).ShouldBe(1);

        _log.Delivered.ShouldBe([(id, "Hej", 2)]);
        var delivered = (await node.EntriesAsync()).Single();
        delivered.ProcessedAt.ShouldBe(_clock.GetUtcNow());
        delivered.DeadAt.ShouldBeNull();
        _clock.Advance(TimeSpan.FromHours(1));
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);
        _log.Delivered.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Message_committed_by_a_process_that_died_before_dispatch_is_delivered_once_after_restart()
    {
        Guid id;
        await using (var before = PortalNode.On(_database.Options, _clock, _log, services => OutboxTestOptions.Use(services, _options)))
            id = await before.EnqueueAsync(new Greeting("Välkommen"));
        // The first process is gone without dispatching; a new one starts on the same database.
        var after = StartNode();

        (await after.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(1);
        (await after.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(0);

        _log.Delivered.ShouldBe([(id, "Välkommen", 0)]);
        (await after.EntriesAsync()).Single().ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Message_claimed_by_a_dispatcher_that_died_is_delivered_by_another_once_its_lease_lapses()
    {
        var node = StartNode();
        var id = await node.EnqueueAsync(new Greeting("Hallå"));
        // A dispatcher claimed it and died mid-delivery: the row keeps its claim until the lease ends.
        await using (var db = await node.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            await db.Set<OutboxEntry>().ExecuteUpdateAsync(set => set
                .SetProperty(e => e.ClaimedBy, "dead-node")
                .SetProperty(e => e.LeaseUntil, _clock.GetUtcNow() + _options.LeaseDuration)
                .SetProperty(e => e.Attempts, 1));

        (await node.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(0);
        _clock.Advance(_options.LeaseDuration + TimeSpan.FromSeconds(1));
        (await node.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(1);

        _log.Delivered.ShouldBe([(id, "Hallå", 1)]);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_deliver_each_message_exactly_once()
    {
        var nodeA = StartNode();
        var nodeB = StartNode();
        var sent = new List<Guid>();
        for (var i = 0; i < 30; i++)
            sent.Add(await (i % 2 == 0 ? nodeA : nodeB).EnqueueAsync(new Greeting($"Meddelande {i}")));

        async Task<int> DrainAsync(OutboxDispatcher dispatcher)
        {
            var delivered = 0;
            // Batches of five: the two dispatchers take turns and race for the same rows.
            while (await PendingAsync() > 0)
                delivered += await dispatcher.DispatchDueAsync();
            return delivered;
        }

        var counts = await Task.WhenAll(
            Task.Run(() => DrainAsync(nodeA.Get<OutboxDispatcher>())),
            Task.Run(() => DrainAsync(nodeB.Get<OutboxDispatcher>())));

        counts.Sum().ShouldBe(30);
        _log.Delivered.Select(d => d.MessageId).Order().ShouldBe(sent.Order());
        (await nodeA.EntriesAsync()).ShouldAllBe(e => e.ProcessedAt != null && e.Attempts == 1);

        async Task<int> PendingAsync()
        {
            await using var db = await nodeA.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            return await db.Set<OutboxEntry>().CountAsync(e => e.ProcessedAt == null);
        }
    }

    [Fact]
    public async Task Rolled_back_change_leaves_no_outbox_message()
    {
        var node = StartNode();
        await using (var db = await node.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Enqueue(new Greeting("Aldrig"), _clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await node.EntriesAsync()).ShouldBeEmpty();
        (await node.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(0);
        _log.Delivered.ShouldBeEmpty();
    }

    [Fact]
    public async Task Message_that_fails_its_last_attempt_is_left_as_dead_with_its_error()
    {
        var node = StartNode();
        var dispatcher = node.Get<OutboxDispatcher>();
        await node.EnqueueAsync(new Doomed("till ingen"));

        for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
        {
            (await dispatcher.DispatchDueAsync()).ShouldBe(0);
            _clock.Advance(_options.MaxRetryDelay * 2);
        }
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);

        _log.DoomedTries.ShouldBe(_options.MaxAttempts);
        var dead = (await node.EntriesAsync()).Single();
        dead.DeadAt.ShouldNotBeNull();
        dead.ProcessedAt.ShouldBeNull();
        dead.Attempts.ShouldBe(_options.MaxAttempts);
        dead.LastError!.ShouldContain("Never works: till ingen");
    }

    [Fact]
    public async Task Message_enqueued_for_later_is_not_delivered_before_then()
    {
        var node = StartNode();
        await node.EnqueueAsync(new Greeting("Påminnelse"), notBefore: _clock.GetUtcNow().AddHours(2));

        (await node.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(0);
        _clock.Advance(TimeSpan.FromHours(2));
        (await node.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(1);
        _log.Delivered.Single().Text.ShouldBe("Påminnelse");
    }

    [Fact]
    public async Task Committing_a_message_wakes_the_local_dispatcher()
    {
        var node = StartNode();
        var signal = node.Get<OutboxSignal>();

        await node.EnqueueAsync(new Greeting("Nu"));

        // Woken at once, not at the next poll: the wait returns true without its timeout passing.
        (await signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Cleanup_deletes_delivered_messages_past_retention_and_keeps_dead_ones()
    {
        var node = StartNode();
        await node.EnqueueAsync(new Greeting("Gammal"));
        await node.EnqueueAsync(new Doomed("död"));
        for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
        {
            await node.Get<OutboxDispatcher>().DispatchDueAsync();
            _clock.Advance(_options.MaxRetryDelay * 2);
        }
        await node.EnqueueAsync(new Greeting("Ny"));
        await node.Get<OutboxDispatcher>().DispatchDueAsync();
        _clock.Advance(_options.Retention - TimeSpan.FromHours(1));

        await using (var scope = node.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxCleanupJob>()
                .RunAsync(new Portal.Infrastructure.Scheduling.TimedJobRun(OutboxCleanupJob.Name, _clock.GetUtcNow(), null), CancellationToken.None);

        var left = await node.EntriesAsync();
        left.Count.ShouldBe(2);
        left.ShouldContain(e => e.Type == "test.doomed" && e.DeadAt != null);
        left.ShouldContain(e => e.Type == "test.greeting" && e.ProcessedAt != null);
    }
}

public sealed class SqliteOutboxDispatcherTests() : OutboxDispatcherTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresOutboxDispatcherTests() : OutboxDispatcherTests(DatabaseProvider.Postgres);
