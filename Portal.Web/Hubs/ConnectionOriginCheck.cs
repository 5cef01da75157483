namespace Portal.Web.Hubs;

/// <summary>Refuses hub and Blazor circuit connections (negotiate and WebSocket upgrade) that a browser
/// opened from a page of another origin. The session cookie is SameSite=Lax, so a page on another port
/// of the same host (same site) would otherwise connect as the member, and WebSockets are not bound by
/// CORS. Allowed: the request's own scheme and host, and the origins in <c>Portal:AllowedOrigins</c>
/// (the public address behind a reverse proxy). Requests without an Origin come from non-browser
/// clients (the SignalR .NET client), which a foreign page cannot drive with the member's cookie.</summary>
public sealed class ConnectionOriginCheck
{
    public const string SettingName = "Portal:AllowedOrigins";

    private readonly HashSet<string> _allowed;

    public ConnectionOriginCheck(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        // Either a list (Portal:AllowedOrigins:0, …) or one string separated by commas or semicolons.
        var configured = section.GetChildren().Select(c => c.Value)
            .Concat((section.Value ?? "").Split([',', ';']))
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .Select(o => Normalise(o!));
        _allowed = new HashSet<string>(configured, StringComparer.OrdinalIgnoreCase);
    }

    public static bool Guards(PathString path) =>
        path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor");

    public bool Allows(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("Origin", out var values))
            return true;
        var origin = Normalise(values.ToString());
        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)
            || _allowed.Contains(origin);
    }

    private static string Normalise(string origin) => origin.Trim().TrimEnd('/');
}

public static class ConnectionOriginCheckExtensions
{
    public static void UseConnectionOriginCheck(this WebApplication app)
    {
        var check = new ConnectionOriginCheck(app.Configuration);
        app.Use(async (context, next) =>
        {
            if (ConnectionOriginCheck.Guards(context.Request.Path) && !check.Allows(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        });
    }
}
