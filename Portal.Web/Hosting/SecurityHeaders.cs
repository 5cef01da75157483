using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Hosting;

/// <summary>Transport security and response headers: Content-Security-Policy and friends on every
/// response, HSTS, HTTPS redirection and Secure cookies outside Development, and the forwarded
/// headers of a TLS-terminating proxy named in <c>Portal:ForwardedHeaders:KnownProxies</c>.</summary>
public static class SecurityHeaders
{
    /// <summary>The per-response nonce that lets the one inline script Blazor writes (the import
    /// map) run under the policy; App.razor puts it on that script.</summary>
    public const string NonceItem = "portal.csp-nonce";

    public static void AddPortalSecurityHeaders(this WebApplicationBuilder builder)
    {
        var requireHttps = RequiresHttps(builder.Configuration, builder.Environment);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the proxies named here are believed; the defaults (loopback) stay, so that a proxy
            // on the same machine works without a setting.
            foreach (var proxy in KnownProxies(builder.Configuration))
                options.KnownProxies.Add(proxy);
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        if (!requireHttps)
            return;
        // Outside Development the portal is only reached over HTTPS (directly or through the proxy),
        // so the session and antiforgery cookies never travel in clear text.
        builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
    }

    /// <summary>Outside Development, unless <c>Portal:RequireHttps</c> is false (only for a closed
    /// network without TLS, such as the load bench on loopback): HTTPS redirection and Secure cookies.</summary>
    private static bool RequiresHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Portal:RequireHttps", !environment.IsDevelopment());

    /// <summary>First in the pipeline: the scheme and client address from the proxy must be known
    /// before HSTS, redirection, cookies and the headers below look at them.</summary>
    public static void UsePortalSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (RequiresHttps(app.Configuration, app.Environment))
            app.UseHttpsRedirection();
        app.Use((context, next) =>
        {
            // Hex, not base64: '+' and '/' would be HTML-encoded in the attribute Blazor writes,
            // which a browser decodes but which makes the page differ from the header byte for byte.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var headers = context.Response.Headers;
            var policy = ContentSecurityPolicy(nonce);
            headers.ContentSecurityPolicy = policy;
            // Blazor's interactive render mode adds its own "frame-ancestors 'self'" policy later;
            // ours (stricter, 'none') replaces it so that one policy is sent, not two.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
    }

    /// <summary>Scripts only from the portal itself (blazor.web.js, MudBlazor.min.js) plus the
    /// import map Blazor writes inline, allowed by its nonce. Blazor Server runs no WebAssembly and
    /// evaluates no strings, so neither 'unsafe-eval' nor 'wasm-unsafe-eval' is needed.
    /// Styles allow 'unsafe-inline' because MudBlazor sets style attributes on its components and its
    /// theme provider writes a &lt;style&gt; element; inline styles cannot run script.
    /// connect-src 'self' covers the circuit's and the hub's WebSocket to the same host and port
    /// (CSP 3: 'self' matches ws:/wss: of the own origin in current browsers).</summary>
    internal static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'";

    /// <summary>The portal uses none of these browser features; denying them all means an injected
    /// frame or script cannot ask for them either.</summary>
    private const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), " +
        "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
        "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), " +
        "xr-spatial-tracking=()";

    /// <summary><c>Portal:ForwardedHeaders:KnownProxies</c>: the proxies' addresses, comma-separated
    /// (or as an array in JSON).</summary>
    private static IEnumerable<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection("Portal:ForwardedHeaders:KnownProxies");
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        foreach (var value in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            yield return IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"Portal:ForwardedHeaders:KnownProxies: '{value}' is not an IP address.");
        }
    }
}
