using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Infrastructure.Events;

namespace Portal.Web.Components.Live;

/// <summary>A component whose data stays live: <see cref="Watch{TEvent}"/> re-loads it when a matching
/// event arrives on the bus, when the circuit reconnects (events sent while it was away never
/// arrived) and after an access loss that may concern the member (the use case then refuses what is
/// no longer readable, ADR 0018), then renders; the subscriptions go with the component. Call Watch
/// before the first load, so that nothing committed between loading and subscribing is missed.</summary>
public abstract class LiveComponentBase : ComponentBase, IAsyncDisposable
{
    [Inject] private IEventBus Bus { get; set; } = null!;
    [Inject] private CircuitConnection Connection { get; set; } = null!;
    [Inject] private CircuitAccess Access { get; set; } = null!;
    [Inject] private ILoggerFactory LoggerFactory { get; set; } = null!;

    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<Func<Task>> _refreshes = [];
    private ILogger? _logger;
    private IDisposable? _accessLost;

    private ILogger Logger => _logger ??= LoggerFactory.CreateLogger(GetType());

    /// <summary>Runs <paramref name="refresh"/> and renders whenever an event passing
    /// <paramref name="filter"/> arrives, and after a reconnect. Only in a live circuit: a prerender
    /// has nothing to wait for and would leak the subscription.</summary>
    protected void Watch<TEvent>(Func<TEvent, bool> filter, Func<Task> refresh) where TEvent : IDomainEvent =>
        Subscribe(filter, refresh, () => RefreshAsync(refresh));

    /// <summary>As <see cref="Watch{TEvent}"/>, for a refresh that re-loads the whole current state (a
    /// list, a count): events that arrive while it runs are folded into one more run after it, instead
    /// of one run (and render) each. At N live viewers and a burst of posts, a busy node then re-loads
    /// each view at most twice per burst rather than once per post, and no viewer misses the last change.</summary>
    protected void WatchLatest<TEvent>(Func<TEvent, bool> filter, Func<Task> refresh) where TEvent : IDomainEvent
    {
        var latest = new LatestRefresh(() => RefreshAsync(refresh));
        Subscribe(filter, refresh, latest.RunAsync);
    }

    private void Subscribe<TEvent>(Func<TEvent, bool> filter, Func<Task> refresh, Func<Task> onEvent) where TEvent : IDomainEvent
    {
        if (!RendererInfo.IsInteractive)
            return;
        if (_refreshes.Count == 0)
        {
            Connection.Reconnected += OnReconnectedAsync;
            _accessLost = Access.Listen(OnReconnectedAsync);
        }
        // Two events with the same refresh re-load once after a reconnect.
        if (!_refreshes.Contains(refresh))
            _refreshes.Add(refresh);
        _subscriptions.Add(Bus.Watch<TEvent>(filter, InvokeAsync, _ => onEvent(), Logger));
    }

    /// <summary>Drops every subscription (for a page whose parameters now name something else).</summary>
    protected void StopWatching()
    {
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
        _subscriptions.Clear();
        if (_refreshes.Count > 0)
            Connection.Reconnected -= OnReconnectedAsync;
        _accessLost?.Dispose();
        _accessLost = null;
        _refreshes.Clear();
    }

    private async Task RefreshAsync(Func<Task> refresh)
    {
        await refresh();
        StateHasChanged();
    }

    /// <summary>Re-loads everything watched: after a reconnect, and after an access loss.</summary>
    private Task OnReconnectedAsync() => LiveEvents.RunAsync(() => InvokeAsync(async () =>
    {
        foreach (var refresh in _refreshes.ToArray())
            await RefreshAsync(refresh);
    }), Logger);

    /// <summary>Runs a refresh; a call while it runs asks for one more run after it, and returns at once.
    /// Calls come on the component's dispatcher, one at a time, so plain fields suffice.</summary>
    private sealed class LatestRefresh(Func<Task> refresh)
    {
        private bool _running;
        private bool _again;

        public async Task RunAsync()
        {
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
            try
            {
                do
                {
                    _again = false;
                    await refresh();
                }
                while (_again);
            }
            finally
            {
                _running = false;
            }
        }
    }

    /// <summary>What else the component lets go of when it leaves the page.</summary>
    protected virtual ValueTask OnDisposeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        StopWatching();
        await OnDisposeAsync();
        GC.SuppressFinalize(this);
    }
}
