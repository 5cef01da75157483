using Portal.Domain.Common;

namespace Portal.Infrastructure.Events;

/// <summary>A message about this moment that is not a change in the database (who is reading a
/// thread, who is writing): carried by the bus like an event but never stored nor replayed, and
/// kept apart from domain events so that those stay "things that changed".</summary>
public interface ILiveNotice;

/// <summary>Carries domain events (after commit) and live notices to every subscriber on every node.
/// Best-effort: publishing never throws — a failure (Redis down, a broken subscriber) is logged and
/// counted, and live pages catch up by sequence on the next event or reconnect. The default is
/// in-process; a multi-node deployment swaps in a bus that crosses nodes.</summary>
public interface IEventBus
{
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default);

    Task PublishNoticeAsync(ILiveNotice notice, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to events of one type; dispose the result to stop.</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent;

    /// <summary>Subscribes to live notices of one type; dispose the result to stop.</summary>
    IDisposable SubscribeNotice<TNotice>(Func<TNotice, Task> handler) where TNotice : ILiveNotice;
}
