using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Web.Account;
using Portal.Web.Resources;

namespace Portal.Web.Hosting;

/// <summary>At most <see cref="PermitLimit"/> requests (or hub calls) within each <see cref="Window"/>,
/// per member — per client address when nobody is signed in — on each node (ADR 0019).</summary>
public sealed class RequestRateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The setting at <paramref name="section"/>, with what it leaves out from the defaults.</summary>
    public static RequestRateLimit Bind(IConfiguration configuration, string section, int permitLimit, TimeSpan window)
    {
        var limit = new RequestRateLimit { PermitLimit = permitLimit, Window = window };
        configuration.GetSection(section).Bind(limit);
        if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            throw new InvalidOperationException($"{section} needs a PermitLimit of at least 1 and a positive Window.");
        return limit;
    }
}

/// <summary>ASP.NET Core's rate limiter for the portal's own HTTP endpoints (sign-in, sign-out, culture,
/// pages such as search, the hub's negotiation): a fixed window per member or, signed out, per client
/// address, answered with 429 and Retry-After. Counted in memory on each node: the database-counted
/// write limits are what holds across nodes.</summary>
public static class RequestRateLimits
{
    public const string Policy = "portal-requests";
    public const string RequestsSection = "Portal:RateLimits:Requests";
    public const string HubCallsSection = "Portal:RateLimits:HubCalls";

    public static void AddPortalRateLimits(this WebApplicationBuilder builder)
    {
        var requests = RequestRateLimit.Bind(builder.Configuration, RequestsSection, permitLimit: 120, TimeSpan.FromMinutes(1));
        var hubCalls = RequestRateLimit.Bind(builder.Configuration, HubCallsSection, permitLimit: 300, TimeSpan.FromMinutes(1));
        builder.Services.AddSingleton(new Hubs.HubCallLimiter(hubCalls));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => requests.ToLimiterOptions()));
            options.OnRejected = WriteRejectionAsync;
        });
    }

    /// <summary>After authentication (the partition is the member) and localisation (the answer's language).</summary>
    public static void UsePortalRateLimits(this WebApplication app) => app.UseRateLimiter();

    public static string PartitionOf(HttpContext context) =>
        context.User.FindMemberId() is { } memberId
            ? $"member:{memberId:N}"
            : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // A body of its own, so that the status code pages do not turn it into "not found".
        var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ErrorText>>();
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(string.Format(CultureInfo.CurrentCulture, text["request.rate-limited"], seconds), cancellationToken);
    }
}
