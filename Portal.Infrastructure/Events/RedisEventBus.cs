using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using StackExchange.Redis;

namespace Portal.Infrastructure.Events;

/// <summary>The multi-node bus: each event is handed to this node's subscribers at once and sent
/// over Redis pub/sub to every other node, whose own subscribers then fan it out to their circuits
/// and hub clients. Only event types known at build time are accepted from the wire.</summary>
public sealed class RedisEventBus : IEventBus, IAsyncDisposable
{
    public const string DefaultChannel = "portal:events";

    private static readonly FrozenDictionary<string, Type> KnownEvents = EventTypes.All.ToFrozenDictionary(t => t.FullName!);

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

    /// <summary>Starts listening to the other nodes. Called once at start-up.</summary>
    public async Task StartAsync()
    {
        _queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
        _queue.OnMessage(OnMessageAsync);
    }

    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        // The other nodes first: their delivery then runs alongside this node's own.
        var envelope = new Envelope(_node, domainEvent.GetType().FullName!, JsonSerializer.SerializeToElement(domainEvent, domainEvent.GetType()));
        var remote = _redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(envelope));
        await _local.PublishAsync(domainEvent, cancellationToken);
        await remote;
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent =>
        _local.Subscribe(handler);

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString());
            // Our own events were delivered locally when published.
            if (envelope is null || envelope.Node == _node)
                return;
            if (!KnownEvents.TryGetValue(envelope.Type, out var type))
            {
                _logger.LogWarning("Ignored an event of unknown type {Type} from Redis", envelope.Type);
                return;
            }
            if (envelope.Payload.Deserialize(type) is IDomainEvent domainEvent)
                await _local.PublishAsync(domainEvent);
        }
        catch (JsonException exception)
        {
            _logger.LogWarning(exception, "Ignored a malformed event from Redis");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null)
            await _queue.UnsubscribeAsync();
    }

    private sealed record Envelope(string Node, string Type, JsonElement Payload);
}

/// <summary>The event types that may cross nodes: every concrete IDomainEvent in the portal's own
/// assemblies (domain and infrastructure).</summary>
public static class EventTypes
{
    public static IReadOnlyList<Type> All { get; } =
        new[] { typeof(IDomainEvent).Assembly, typeof(EventTypes).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .ToList();
}
