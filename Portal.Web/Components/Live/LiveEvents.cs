using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Infrastructure.Events;

namespace Portal.Web.Components.Live;

/// <summary>How a live component listens to the event bus: events that pass the filter schedule a
/// refresh on the component's dispatcher (its InvokeAsync). The publisher — a use case that has just
/// saved — does not wait for any page to fetch and render.</summary>
public static class LiveEvents
{
    public static IDisposable Watch<TEvent>(this IEventBus bus, Func<TEvent, bool> filter, Func<Func<Task>, Task> dispatch,
        Func<TEvent, Task> refresh, ILogger logger) where TEvent : IDomainEvent =>
        bus.Subscribe<TEvent>(e =>
        {
            if (filter(e))
                _ = RunAsync(() => dispatch(() => refresh(e)), logger);
            return Task.CompletedTask;
        });

    /// <summary>Runs a refresh in the background, logging rather than losing a failure.</summary>
    public static async Task RunAsync(Func<Task> work, ILogger logger)
    {
        try
        {
            await work();
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed while the event was on its way.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A live refresh failed");
        }
    }
}
