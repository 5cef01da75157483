using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Web;

/// <summary>Security finding 8: response headers on pages and static assets, HSTS and Secure
/// cookies in production, and the forwarded scheme of a configured TLS-terminating proxy.</summary>
public sealed partial class SecurityHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/app.css")]
    public async Task Pages_and_static_assets_carry_the_security_headers(string path)
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToList());
        directives["default-src"].ShouldBe(["'self'"]);
        directives["script-src"][0].ShouldBe("'self'");
        directives["script-src"].Skip(1).ShouldAllBe(source => source.StartsWith("'nonce-"));
        directives["script-src"].ShouldNotContain("'unsafe-inline'");
        directives["script-src"].ShouldNotContain("'unsafe-eval'");
        directives["connect-src"].ShouldBe(["'self'"]);
        directives["img-src"].ShouldBe(["'self'", "data:"]);
        directives["frame-ancestors"].ShouldBe(["'none'"]);
        directives["base-uri"].ShouldBe(["'self'"]);
        directives["form-action"].ShouldBe(["'self'"]);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header(response, "Permissions-Policy").ShouldContain("camera=()");
        Header(response, "Permissions-Policy").ShouldContain("geolocation=()");
        // Development: no HSTS, no redirection to HTTPS.
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task The_import_map_Blazor_writes_inline_carries_the_nonce_of_the_policy()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/account/signin");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = NonceSource().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        var inlineScripts = InlineScript().Matches(html);
        inlineScripts.Count.ShouldBeGreaterThan(0);
        inlineScripts.ShouldAllBe(script => System.Net.WebUtility.HtmlDecode(script.Value).Contains($"nonce=\"{nonce}\""));
    }

    [Fact]
    public async Task Production_over_https_gives_a_year_of_HSTS_and_Secure_session_and_antiforgery_cookies()
    {
        await using var portal = Production();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://portal.example/"),
        });

        using var page = await client.GetAsync("/account/signin");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(page, "Strict-Transport-Security").ShouldContain("max-age=31536000");
        Header(page, "Content-Security-Policy").ShouldContain("frame-ancestors 'none'");
        page.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains(".AspNetCore.Antiforgery") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var html = await page.Content.ReadAsStringAsync();
        using var signIn = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = DemoData.Personas.RegionalCoordinator.ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenInput().Match(html).Groups[1].Value),
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("portal.session=") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_redirects_plain_http_to_https()
    {
        await using var portal = Production();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://portal.example/"),
        });

        using var response = await client.GetAsync("/account/signin");

        ((int)response.StatusCode).ShouldBeInRange(301, 308);
        response.Headers.Location!.ToString().ShouldStartWith("https://portal.example/account/signin");
    }

    [Fact]
    public async Task The_forwarded_scheme_is_believed_from_the_configured_proxy_and_from_no_one_else()
    {
        await using var fromProxy = Production(new ProxiedPortal(Proxy));
        await using var fromElsewhere = Production(new ProxiedPortal("10.0.0.9"));
        fromProxy.Settings["Portal:ForwardedHeaders:KnownProxies"] = Proxy;
        fromElsewhere.Settings["Portal:ForwardedHeaders:KnownProxies"] = Proxy;
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.example/") };

        using (var client = fromProxy.CreateClient(options))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "the proxy terminated TLS: no redirection");
            Header(response, "Strict-Transport-Security").ShouldContain("max-age=31536000");
        }
        using (var client = fromElsewhere.CreateClient(options))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await client.SendAsync(request);
            ((int)response.StatusCode).ShouldBeInRange(301, 308);
            response.Headers.Location!.Scheme.ShouldBe("https");
        }
    }

    private static PortalWebFactory Production(PortalWebFactory? portal = null)
    {
        portal ??= new PortalWebFactory(DatabaseProvider.Sqlite);
        portal.Environment = "Production";
        portal.Settings["Portal:DemoSignIn"] = "true";
        portal.Settings["Portal:Mail:UsePickupFolder"] = "true";
        portal.Settings["https_port"] = "443";
        return portal;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"The response to {response.RequestMessage?.RequestUri} has no {name} header.");

    /// <summary>A portal whose every request comes from the given address: the test server has no
    /// client address of its own, so this stands in for the network.</summary>
    private sealed class ProxiedPortal(string address) : PortalWebFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(address)));
        }
    }

    private sealed class RemoteAddress(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
