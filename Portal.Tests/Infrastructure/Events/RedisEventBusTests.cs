using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Events;
using StackExchange.Redis;

namespace Portal.Tests.Infrastructure.Events;

/// <summary>Two buses on one real Redis stand for two nodes.</summary>
[Trait("Service", "Redis")]
public sealed class RedisEventBusTests : IAsyncLifetime
{
    private ConnectionMultiplexer _redisA = null!;
    private ConnectionMultiplexer _redisB = null!;
    private RedisEventBus _nodeA = null!;
    private RedisEventBus _nodeB = null!;
    // Each test has its own channel, so tests running side by side on one Redis do not hear each other.
    private readonly string _channel = "portal:test:" + Guid.NewGuid().ToString("N");

    public static string RedisServer =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("PORTAL_TEST_REDIS is not set. Run the tests with ./test.sh, which starts Redis on loopback.");

    public async Task InitializeAsync()
    {
        _redisA = await ConnectionMultiplexer.ConnectAsync(RedisServer);
        _redisB = await ConnectionMultiplexer.ConnectAsync(RedisServer);
        _nodeA = new RedisEventBus(_redisA, NullLoggerFactory.Instance, _channel);
        _nodeB = new RedisEventBus(_redisB, NullLoggerFactory.Instance, _channel);
        await _nodeA.StartAsync();
        await _nodeB.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _redisA.DisposeAsync();
        await _redisB.DisposeAsync();
    }

    [Fact]
    public async Task Event_published_on_one_node_reaches_subscribers_on_both_once()
    {
        var onA = new List<MembershipChanged>();
        var onB = new TaskCompletionSource<MembershipChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subA = _nodeA.Subscribe<MembershipChanged>(e => { lock (onA) onA.Add(e); return Task.CompletedTask; });
        using var subB = _nodeB.Subscribe<MembershipChanged>(e => { onB.TrySetResult(e); return Task.CompletedTask; });
        var sent = new MembershipChanged(Guid.NewGuid(), Guid.NewGuid(), MembershipStatus.Active);

        await _nodeA.PublishAsync(sent);

        (await onB.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(sent);
        // Node A delivered its own event locally and must not deliver the echo from Redis again:
        // a second event published after it arrives after any echo would have.
        var marker = new MembershipChanged(Guid.NewGuid(), Guid.NewGuid(), MembershipStatus.Left);
        var markerOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subMarker = _nodeB.Subscribe<MembershipChanged>(e => { if (e == marker) markerOnB.TrySetResult(); return Task.CompletedTask; });
        await _nodeA.PublishAsync(marker);
        await markerOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (onA)
            onA.ShouldBe([sent, marker]);
    }

    [Fact]
    public async Task Message_of_unknown_type_from_the_wire_is_ignored()
    {
        var received = new List<MembershipChanged>();
        var known = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sub = _nodeB.Subscribe<MembershipChanged>(e => { lock (received) received.Add(e); known.TrySetResult(); return Task.CompletedTask; });

        await _redisA.GetSubscriber().PublishAsync(RedisChannel.Literal(_channel),
            """{"Node":"other","Type":"System.Diagnostics.Process","Payload":{}}""");
        await _redisA.GetSubscriber().PublishAsync(RedisChannel.Literal(_channel), "not json");
        // A CLR name is not a wire name, even of a type the node knows.
        await _redisA.GetSubscriber().PublishAsync(RedisChannel.Literal(_channel),
            System.Text.Json.JsonSerializer.Serialize(new { Node = "other", Type = typeof(MembershipChanged).FullName,
                Payload = new MembershipChanged(Guid.NewGuid(), Guid.NewGuid(), MembershipStatus.Active) }));
        var sent = new MembershipChanged(Guid.NewGuid(), Guid.NewGuid(), MembershipStatus.Active);
        await _nodeA.PublishAsync(sent);

        await known.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (received)
            received.ShouldBe([sent]);
    }

    [Fact]
    public async Task Event_goes_on_the_wire_under_its_stable_name()
    {
        var wire = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = await _redisB.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_channel));
        queue.OnMessage(m => wire.TrySetResult(m.Message.ToString()));

        await _nodeA.PublishAsync(new MembershipChanged(Guid.NewGuid(), Guid.NewGuid(), MembershipStatus.Active));

        var text = await wire.Task.WaitAsync(TimeSpan.FromSeconds(10));
        System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("Type").GetString().ShouldBe("workspace.membership-changed");
        await queue.UnsubscribeAsync();
    }

    [Fact]
    public async Task Live_notice_published_on_one_node_reaches_the_other()
    {
        var onB = new TaskCompletionSource<Portal.Infrastructure.Features.Presence.PresenceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sub = _nodeB.SubscribeNotice<Portal.Infrastructure.Features.Presence.PresenceSnapshot>(n => { onB.TrySetResult(n); return Task.CompletedTask; });
        var sent = new Portal.Infrastructure.Features.Presence.PresenceSnapshot("node-a", Guid.NewGuid(),
            [new Portal.Infrastructure.Features.Presence.PresentMember(Guid.NewGuid(), "Anna", Writing: true)], DateTimeOffset.UnixEpoch);

        await _nodeA.PublishNoticeAsync(sent);

        var received = await onB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        received.ThreadId.ShouldBe(sent.ThreadId);
        received.Readers.ShouldBe(sent.Readers);
    }
}
