using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Account;

/// <summary>The client's address for audit records ("from where"). A circuit outlives the request that
/// started it and IHttpContextAccessor is not reliable inside it, so the address is taken once, when the
/// circuit's connection comes up (the hub's request, after the forwarded headers of a known proxy have been
/// applied), and kept for the circuit. During prerendering the current request still answers.</summary>
public sealed class ConnectionAddress(IHttpContextAccessor accessor) : CircuitHandler
{
    private string? _captured;

    public string? Value => _captured ?? Of(accessor.HttpContext);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // A reconnect may come through another proxy hop or network; the latest connection is where the member is now.
        if (Of(accessor.HttpContext) is { } address)
            _captured = address;
        return Task.CompletedTask;
    }

    public static string? Of(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();
}
