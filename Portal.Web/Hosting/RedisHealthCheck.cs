using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Portal.Web.Hosting;

/// <summary>Ready means Redis answers a PING when the portal is configured to use it. The connection
/// is resolved here, not injected, so that a connection that cannot even be made is reported as
/// unhealthy instead of failing the health endpoint.</summary>
public sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = services.GetRequiredService<IConnectionMultiplexer>();
            if (!redis.IsConnected)
                return HealthCheckResult.Unhealthy("Redis is not connected.");
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0} ms.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", exception);
        }
    }
}
