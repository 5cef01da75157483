using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using StackExchange.Redis;

namespace Portal.Infrastructure.Events;

/// <summary>The multi-node bus: each event or notice is handed to this node's subscribers at once and
/// sent over Redis pub/sub to every other node, whose own subscribers then fan it out to their
/// circuits and hub clients. On the wire a message carries its stable <see cref="EventNameAttribute"/>
/// name; only names known at build time are accepted. Best-effort: with Redis down the other nodes
/// miss the message (logged and counted), this node still delivers it, and nothing is thrown to the
/// use case that has already committed.</summary>
public sealed class RedisEventBus : IEventBus, IAsyncDisposable
{
    public const string DefaultChannel = "portal:events";

    private readonly InProcessEventBus _local;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisEventBus> _logger;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel;
    private ChannelMessageQueue? _queue;

    /// <param name="channel">The pub/sub channel; nodes of one installation share it, other
    /// installations on the same Redis use their own.</param>
    public RedisEventBus(IConnectionMultiplexer redis, ILoggerFactory loggers, string channel = DefaultChannel)
    {
        _channel = RedisChannel.Literal(channel);
        _redis = redis;
        _logger = loggers.CreateLogger<RedisEventBus>();
        _local = new InProcessEventBus(loggers.CreateLogger<InProcessEventBus>());
    }

    /// <summary>How long to wait between attempts to subscribe while Redis cannot be reached.</summary>
    public TimeSpan SubscribeRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task? _subscribing;

    /// <summary>True once this node listens to the other nodes.</summary>
    public bool IsListening => _queue is not null;

    /// <summary>Starts listening to the other nodes. Called once at start-up. A Redis that cannot be
    /// reached does not stop the portal from starting: this node then keeps trying in the background
    /// (its own pages stay live meanwhile; Redis restores the subscription after later outages).</summary>
    public async Task StartAsync()
    {
        if (await TrySubscribeAsync())
            return;
        _subscribing = Task.Run(() => SubscribeUntilListeningAsync(_stopping.Token));
    }

    private async Task SubscribeUntilListeningAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SubscribeRetryDelay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (await TrySubscribeAsync())
                return;
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            var queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
            queue.OnMessage(OnMessageAsync);
            _queue = queue;
            _logger.LogInformation("Listening to the other nodes on Redis channel {Channel}", _channel);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            EventBusMetrics.Fail(null, "subscribe");
            _logger.LogWarning(exception, "Redis cannot be reached; this node keeps its own pages live and tries again in {Delay}",
                SubscribeRetryDelay);
            return false;
        }
    }

    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default) => PublishCoreAsync(domainEvent);

    public Task PublishNoticeAsync(ILiveNotice notice, CancellationToken cancellationToken = default) => PublishCoreAsync(notice);

    private async Task PublishCoreAsync(object message)
    {
        EventBusMetrics.Published.Add(1, EventBusMetrics.NameTag(message));
        // The other nodes first: their delivery then runs alongside this node's own.
        var remote = SendAsync(message);
        await _local.DeliverLocallyAsync(message);
        await remote;
    }

    private async Task SendAsync(object message)
    {
        var type = message.GetType();
        if (EventNameAttribute.Of(type) is not { } name)
        {
            EventBusMetrics.Fail(message, "send");
            _logger.LogError("{Type} has no [EventName] and was not sent to the other nodes", type.Name);
            return;
        }
        if (!_redis.IsConnected)
        {
            // Do not wait for a command timeout on every save while Redis is away.
            EventBusMetrics.Fail(message, "send");
            _logger.LogWarning("Redis is not connected: {Name} reached this node only", name);
            return;
        }
        try
        {
            var envelope = new Envelope(_node, name, JsonSerializer.SerializeToElement(message, type));
            await _redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(envelope));
        }
        catch (Exception exception)
        {
            EventBusMetrics.Fail(message, "send");
            _logger.LogWarning(exception, "Could not send {Name} to the other nodes over Redis", name);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent =>
        _local.Subscribe(handler);

    public IDisposable SubscribeNotice<TNotice>(Func<TNotice, Task> handler) where TNotice : ILiveNotice =>
        _local.SubscribeNotice(handler);

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString());
            // Our own messages were delivered locally when published.
            if (envelope is null || envelope.Node == _node)
                return;
            if (!EventTypes.ByName.TryGetValue(envelope.Type, out var type))
            {
                // A newer node's message during a rolling upgrade, or something that is not ours.
                EventBusMetrics.Fail(null, "receive");
                _logger.LogWarning("Ignored a message of unknown name {Name} from Redis", envelope.Type);
                return;
            }
            if (envelope.Payload.Deserialize(type) is { } received)
            {
                EventBusMetrics.Received.Add(1, EventBusMetrics.NameTag(received));
                await _local.DeliverLocallyAsync(received);
            }
        }
        catch (JsonException exception)
        {
            EventBusMetrics.Fail(null, "receive");
            _logger.LogWarning(exception, "Ignored a malformed message from Redis");
        }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as IEventBus, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopping.CancelAsync();
        if (_subscribing is not null)
            await _subscribing;
        if (_queue is not null)
        {
            try
            {
                await _queue.UnsubscribeAsync();
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // Going away while Redis is down: there is nothing left to unsubscribe from.
            }
        }
        _stopping.Dispose();
    }

    private sealed record Envelope(string Node, string Type, JsonElement Payload);
}

/// <summary>The message types that may cross nodes: every concrete domain event and live notice in
/// the portal's own assemblies (domain and infrastructure), by their stable names.</summary>
public static class EventTypes
{
    public static IReadOnlyList<Type> All { get; } =
        new[] { typeof(IDomainEvent).Assembly, typeof(EventTypes).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false }
                        && (typeof(IDomainEvent).IsAssignableFrom(t) || typeof(ILiveNotice).IsAssignableFrom(t)))
            .ToList();

    /// <summary>Known types by wire name. A type without a name, or a name used twice, is left out
    /// here (and fails <c>EventNameTests</c>) rather than failing every node's start.</summary>
    public static FrozenDictionary<string, Type> ByName { get; } =
        All.Where(t => EventNameAttribute.Of(t) is not null)
            .GroupBy(t => EventNameAttribute.Of(t)!)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.Single());

    /// <summary>The wire name, or the CLR name for labelling a type that has none.</summary>
    public static string NameOf(Type type) => EventNameAttribute.Of(type) ?? type.Name;
}
