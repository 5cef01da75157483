using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Components.Live;

/// <summary>Tells live components of this circuit that its connection is up again, so that they fetch
/// what they missed since their last sequence (the same path as a live update). Scoped: one per circuit.</summary>
public sealed class CircuitConnection : CircuitHandler
{
    private int _ups;

    public event Func<Task>? Reconnected;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The first "up" is the initial connection; later ones are reconnects.
        if (Interlocked.Increment(ref _ups) == 1 || Reconnected is not { } handlers)
            return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            await handler();
    }
}
