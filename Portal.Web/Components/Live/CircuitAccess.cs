using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Events;
using Portal.Web.Account;

namespace Portal.Web.Components.Live;

/// <summary>What a circuit does when its member loses access (ADR 0018). After a loss that may concern
/// the member, live components re-load through their use cases (which refuse what is no longer
/// readable). When the member's sessions end (sign-out, revocation, organisation disabled), its UI
/// goes at once (<see cref="SessionGuard"/>: the browser loads the sign-in page, which ends the
/// circuit) and the circuit becomes anonymous. Scoped: one per circuit.</summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication, IEventBus bus, MemberCircuits circuits,
    CircuitSession session, ILogger<CircuitAccess> logger) : CircuitHandler, IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<Func<Task>> _handlers = [];
    private IDisposable? _subscription;
    private Guid? _memberId;
    private bool _ended;

    /// <summary>Runs <paramref name="onAccessLost"/> after every access loss that may concern this
    /// circuit's member. Dispose the result to stop.</summary>
    public IDisposable Listen(Func<Task> onAccessLost)
    {
        lock (_lock)
            _handlers.Add(onAccessLost);
        EnsureSubscribed();
        return new Unlisten(this, onAccessLost);
    }

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.FindMemberId() is not { } memberId)
            return;
        lock (_lock)
            _memberId = memberId;
        circuits.Opened(memberId);
        // A circuit with no live component on its page must still end with its member's sessions.
        EnsureSubscribed();
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        StopActingForMember();
        return Task.CompletedTask;
    }

    private void StopActingForMember()
    {
        Guid? memberId;
        lock (_lock)
        {
            memberId = _memberId;
            _memberId = null;
        }
        if (memberId is { } id)
            circuits.Closed(id);
    }

    private void EnsureSubscribed()
    {
        lock (_lock)
            _subscription ??= bus.SubscribeAccessLoss(loss =>
            {
                // The publisher (a use case that has just committed) does not wait for circuits.
                _ = LiveEvents.RunAsync(() => OnAccessLossAsync(loss), logger);
                return Task.CompletedTask;
            });
    }

    private async Task OnAccessLossAsync(AccessLoss loss)
    {
        if (_ended)
            return;
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.FindMemberId() is not { } memberId || !loss.Concerns(memberId))
            return;
        if (loss.SessionsEnded)
        {
            await EndAsync();
            return;
        }
        Func<Task>[] handlers;
        lock (_lock)
            handlers = [.. _handlers];
        foreach (var handler in handlers)
            await handler();
    }

    /// <summary>The UI goes (and the browser to the sign-in); then the circuit holds no member any more,
    /// so anything still asking for one is refused.</summary>
    private async Task EndAsync()
    {
        _ended = true;
        StopActingForMember();
        await session.EndAsync();
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        else
            logger.LogWarning("The circuit's authentication state cannot be replaced; its member's sessions ended");
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _subscription?.Dispose();
            _subscription = null;
            _handlers.Clear();
        }
    }

    private sealed class Unlisten(CircuitAccess access, Func<Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (access._lock)
                access._handlers.Remove(handler);
        }
    }
}

/// <summary>How many circuits act for each member on this node: opened signed in as the member, and
/// neither closed nor made anonymous since (for operations, and for the tests that prove a circuit
/// stops acting for a member whose sessions ended).</summary>
public sealed class MemberCircuits
{
    private readonly Dictionary<Guid, int> _open = [];
    private readonly Lock _lock = new();

    /// <summary>Raised (memberId) after a circuit of the member opened or closed.</summary>
    public event Action<Guid>? Changed;

    public int OpenFor(Guid memberId)
    {
        lock (_lock)
            return _open.GetValueOrDefault(memberId);
    }

    internal void Opened(Guid memberId)
    {
        lock (_lock)
            _open[memberId] = _open.GetValueOrDefault(memberId) + 1;
        Changed?.Invoke(memberId);
    }

    internal void Closed(Guid memberId)
    {
        lock (_lock)
        {
            if (_open.GetValueOrDefault(memberId) <= 1)
                _open.Remove(memberId);
            else
                _open[memberId]--;
        }
        Changed?.Invoke(memberId);
    }
}
