using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Events;

/// <summary>The single-node bus: hands each event to this process's subscribers.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private ImmutableList<Subscription> _subscriptions = [];

    /// <summary>Hands the event to every matching subscriber at once (not one after the other), so
    /// that one slow subscriber — a busy circuit, a hub group on a slow network — delays no other.</summary>
    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<Task>();
        foreach (var subscription in _subscriptions)
        {
            if (subscription.EventType.IsInstanceOfType(domainEvent))
                deliveries.Add(DeliverAsync(subscription, domainEvent));
        }
        return Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(Subscription subscription, IDomainEvent domainEvent)
    {
        try
        {
            await subscription.Handler(domainEvent);
        }
        catch (Exception exception)
        {
            // One broken subscriber (a closed circuit, say) must not stop the others.
            logger.LogWarning(exception, "A subscriber to {EventType} failed", domainEvent.GetType().Name);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent
    {
        var subscription = new Subscription(typeof(TEvent), e => handler((TEvent)e));
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription)));
    }

    // A class, not a record: removal must match this very subscription, not an equal one.
    private sealed class Subscription(Type eventType, Func<IDomainEvent, Task> handler)
    {
        public Type EventType { get; } = eventType;
        public Func<IDomainEvent, Task> Handler { get; } = handler;
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
