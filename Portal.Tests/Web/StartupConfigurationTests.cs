using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Web;

/// <summary>What the portal does at start with each mix of settings: production must never fall
/// back to the demo sign-in, and missing settings are named.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Production_with_Entra_settings_and_the_demo_switch_off_refuses_demo_sign_in_with_404()
    {
        await using var portal = ProductionWithEntra();
        // Cookies are sent by hand below; the client's own cookie jar would replace them. Production
        // is served over HTTPS (its antiforgery cookie is Secure-only).
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
            { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost/") });

        var signInPage = WebUtility.HtmlDecode(await client.GetStringAsync("/account/signin"));
        signInPage.ShouldNotContain("data-persona");
        signInPage.ShouldContain("/account/signin/entra");

        // A valid antiforgery pair, so that only the demo switch can be what says no.
        var tokens = AntiforgeryTokens(portal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/demo-signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["memberId"] = DemoData.Personas.Administrator.ToString(),
                [tokens.FormFieldName] = tokens.RequestToken!,
            }),
        };
        request.Headers.Add("Cookie", $"{tokens.CookieName}={tokens.CookieToken}");
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(cookie => cookie.StartsWith("portal.session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_with_Entra_settings_still_answers_health_and_sends_anonymous_visitors_to_sign_in()
    {
        await using var portal = ProductionWithEntra();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    [Fact]
    public async Task Production_post_without_an_antiforgery_token_is_refused_with_400_not_an_error_page()
    {
        await using var portal = ProductionWithEntra();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
            { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost/") });

        using var response = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["memberId"] = DemoData.Personas.Administrator.ToString() }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Production_without_Entra_settings_or_demo_switch_fails_at_start_naming_AzureAd_ClientId()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite) { Environment = "Production" };
        portal.Settings["Portal:DemoSignIn"] = "false";
        portal.Settings["AzureAd:ClientId"] = "";

        var failure = Should.Throw<Exception>(() => portal.CreateClient());

        MessagesOf(failure).ShouldContain(message => message.Contains("AzureAd:ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Postgres_provider_without_a_connection_string_fails_at_start_naming_the_setting()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        portal.Settings["Portal:Database:Provider"] = "Postgres";
        portal.Settings["Portal:Database:ConnectionString"] = "";

        var failure = Should.Throw<Exception>(() => portal.CreateClient());

        MessagesOf(failure).ShouldContain(message => message.Contains("Portal:Database:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_without_SMTP_or_the_pickup_folder_switch_fails_at_start_naming_the_mail_settings()
    {
        await using var portal = ProductionWithEntra();
        portal.Settings["Portal:Mail:UsePickupFolder"] = "false";

        var failure = Should.Throw<Exception>(() => portal.CreateClient());

        MessagesOf(failure).ShouldContain(message => message.Contains("Portal:Mail:Smtp:Host", StringComparison.Ordinal)
            && message.Contains("Portal:Mail:UsePickupFolder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_with_an_SMTP_host_sends_over_SMTP_and_the_public_url_comes_from_its_setting()
    {
        await using var portal = ProductionWithEntra();
        portal.Settings["Portal:Mail:UsePickupFolder"] = "false";
        portal.Settings["Portal:Mail:Smtp:Host"] = "smtp.example.se";
        portal.Settings["Portal:Mail:Smtp:Security"] = "StartTls";
        portal.Settings["Portal:PublicUrl"] = "https://portal.example.se";

        portal.Services.GetRequiredService<IMailTransport>().ShouldBeOfType<SmtpMailTransport>();
        var mail = portal.Services.GetRequiredService<MailOptions>();
        mail.Smtp.Security.ShouldBe(SmtpSecurity.StartTls);
        mail.LinkTo("/workspaces/7").ShouldBe("https://portal.example.se/workspaces/7");
    }

    [Fact]
    public async Task Development_without_mail_settings_writes_mails_to_the_pickup_folder_under_the_data_folder()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);

        portal.Services.GetRequiredService<IMailTransport>().ShouldBeOfType<PickupFolderMailTransport>()
            .Folder.ShouldEndWith(Path.Combine(portal.DataFolder, "mail-pickup"));
    }

    private static PortalWebFactory ProductionWithEntra()
    {
        var portal = new PortalWebFactory(DatabaseProvider.Sqlite) { Environment = "Production" };
        portal.Settings["Portal:DemoSignIn"] = "false";
        // Fake but well-formed: nothing talks to Entra until someone is sent there to sign in.
        portal.Settings["AzureAd:Instance"] = "https://login.microsoftonline.com/";
        portal.Settings["AzureAd:TenantId"] = "organizations";
        portal.Settings["AzureAd:ClientId"] = "11111111-2222-3333-4444-555555555555";
        portal.Settings["AzureAd:ClientSecret"] = "not-a-real-secret";
        portal.Settings["Portal:Mail:UsePickupFolder"] = "true";
        return portal;
    }

    private sealed record TokenPair(string CookieName, string? CookieToken, string FormFieldName, string? RequestToken);

    private static TokenPair AntiforgeryTokens(PortalWebFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>()
            .GetTokens(new DefaultHttpContext { RequestServices = scope.ServiceProvider, Request = { Scheme = "https" } });
        var options = scope.ServiceProvider.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        return new TokenPair(options.Cookie.Name!, tokens.CookieToken, tokens.FormFieldName, tokens.RequestToken);
    }

    private static List<string> MessagesOf(Exception exception)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            else if (current.InnerException is { } inner)
                pending.Push(inner);
        }
        return messages;
    }
}
