using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Portal.Web.Account;
using Portal.Web.Hosting;

namespace Portal.Web.Hubs;

/// <summary>Refuses hub method calls beyond <c>Portal:RateLimits:HubCalls</c> per member on this node with
/// <see cref="RefusalCode"/>. The HTTP rate limiter sees only a hub connection's negotiation, not the calls
/// made over it, so the calls are counted here. A filter of the discussions hub only: Blazor's own
/// circuit hub carries every click and keystroke of the UI.</summary>
public sealed class HubCallLimiter(RequestRateLimit limit) : IHubFilter, IDisposable
{
    public const string RefusalCode = "hub.rate-limited";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => limit.ToLimiterOptions()));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocationContext.Context;
        var key = caller.User?.FindMemberId() is { } memberId ? $"member:{memberId:N}" : $"connection:{caller.ConnectionId}";
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
            throw new HubException(RefusalCode);
        return await next(invocationContext);
    }

    public void Dispose() => _limiter.Dispose();
}
