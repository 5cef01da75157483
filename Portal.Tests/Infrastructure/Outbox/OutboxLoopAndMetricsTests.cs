using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Outbox;

[OutboxMessage("test.metered")]
public sealed record Metered(string Text) : IOutboxMessage;

public sealed class MeteredHandler(MeteredArrivals arrivals) : IOutboxHandler<Metered>
{
    public Task HandleAsync(Metered message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        arrivals.Arrived.TrySetResult(delivery.MessageId);
        return Task.CompletedTask;
    }
}

public sealed class MeteredArrivals
{
    public TaskCompletionSource<Guid> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The hosted loop and the instruments, on SQLite (neither depends on the provider).</summary>
public sealed class OutboxLoopAndMetricsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly MeteredArrivals _arrivals = new();
    private TestDatabase _database = null!;
    private PortalNode _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, seed: false);
        // A poll interval far longer than any test: only the commit's wake-up can deliver in time.
        _node = PortalNode.On(_database.Options, _clock, new DeliveryLog(), services =>
        {
            OutboxTestOptions.Use(services, new OutboxOptions { PollInterval = TimeSpan.FromHours(1) });
            services.AddSingleton(_arrivals);
            services.AddOutboxHandler<Metered, MeteredHandler>();
        });
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Running_loop_delivers_a_committed_message_at_once_without_waiting_for_the_poll()
    {
        var loop = _node.Get<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<OutboxDispatcherLoop>().Single();
        await loop.StartAsync(CancellationToken.None);
        try
        {
            // Whether the loop is mid-round or asleep on the poll when the commit lands, the wake-up is kept.
            var id = await _node.EnqueueAsync(new Metered("väck"));

            (await _arrivals.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(id);
        }
        finally
        {
            await loop.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Delivered_messages_are_counted_on_the_outbox_meter()
    {
        long delivered = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && instrument.Name == "portal.outbox.delivered")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "type", Value: "test.metered" })
                    Interlocked.Add(ref delivered, value);
        });
        listener.Start();

        await _node.EnqueueAsync(new Metered("räknad"));
        (await _node.Get<OutboxDispatcher>().DispatchDueAsync()).ShouldBe(1);

        Interlocked.Read(ref delivered).ShouldBe(1);
    }
}
