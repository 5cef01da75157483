using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Events;

/// <summary>The single-node bus: hands each event or notice to this process's subscribers.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private ImmutableList<Subscription> _subscriptions = [];

    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default) => PublishCoreAsync(domainEvent);

    public Task PublishNoticeAsync(ILiveNotice notice, CancellationToken cancellationToken = default) => PublishCoreAsync(notice);

    private Task PublishCoreAsync(object message)
    {
        EventBusMetrics.Published.Add(1, EventBusMetrics.NameTag(message));
        return DeliverLocallyAsync(message);
    }

    /// <summary>Hands the message to every matching subscriber at once (not one after the other), so
    /// that one slow subscriber — a busy circuit, a hub group on a slow network — delays no other.</summary>
    internal Task DeliverLocallyAsync(object message)
    {
        var deliveries = new List<Task>();
        foreach (var subscription in _subscriptions)
        {
            if (subscription.MessageType.IsInstanceOfType(message))
                deliveries.Add(DeliverAsync(subscription, message));
        }
        return Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(Subscription subscription, object message)
    {
        try
        {
            await subscription.Handler(message);
        }
        catch (Exception exception)
        {
            // One broken subscriber (a closed circuit, say) must not stop the others, nor the publisher.
            EventBusMetrics.Fail(message, "subscriber");
            logger.LogWarning(exception, "A subscriber to {EventType} failed", message.GetType().Name);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent =>
        SubscribeCore(typeof(TEvent), m => handler((TEvent)m));

    public IDisposable SubscribeNotice<TNotice>(Func<TNotice, Task> handler) where TNotice : ILiveNotice =>
        SubscribeCore(typeof(TNotice), m => handler((TNotice)m));

    private Unsubscriber SubscribeCore(Type messageType, Func<object, Task> handler)
    {
        var subscription = new Subscription(messageType, handler);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription)));
    }

    // A class, not a record: removal must match this very subscription, not an equal one.
    private sealed class Subscription(Type messageType, Func<object, Task> handler)
    {
        public Type MessageType { get; } = messageType;
        public Func<object, Task> Handler { get; } = handler;
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
