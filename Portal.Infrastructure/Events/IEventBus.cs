using Portal.Domain.Common;

namespace Portal.Infrastructure.Events;

/// <summary>Carries domain events, after commit, to every subscriber on every node. The default is
/// in-process; a multi-node deployment swaps in a bus that crosses nodes.</summary>
public interface IEventBus
{
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to events of one type; dispose the result to stop.</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent;
}
