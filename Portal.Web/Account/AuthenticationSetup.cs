using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Portal.Infrastructure.Features.Members;

namespace Portal.Web.Account;

/// <summary>Sign-in: a cookie session, started either by Entra ID (Microsoft.Identity.Web) or, in
/// development or with the explicit demo switch, by picking a demo persona.</summary>
public static class AuthenticationSetup
{
    public sealed record SignInModes(bool Entra, bool Demo);

    public static SignInModes AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var entraSection = configuration.GetSection("AzureAd");
        var entra = !string.IsNullOrWhiteSpace(entraSection["ClientId"]);
        var demo = builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Portal:DemoSignIn");

        if (!entra && !demo)
        {
            var missing = new[] { "AzureAd:ClientId", "AzureAd:ClientSecret", "AzureAd:TenantId", "AzureAd:Instance" }
                .Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
            throw new InvalidOperationException(
                $"Sign-in is not configured. Set {string.Join(", ", missing)} for Microsoft Entra ID " +
                "(or Portal:DemoSignIn=true for a demonstration installation).");
        }

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        if (entra)
        {
            authentication.AddMicrosoftIdentityWebApp(entraSection, OpenIdConnectDefaults.AuthenticationScheme,
                CookieAuthenticationDefaults.AuthenticationScheme);
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                var previous = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await previous(context);
                    await EntraSignIn.OnTokenValidatedAsync(context);
                };
            });
        }
        else
        {
            authentication.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.LoginPath = "/account/signin";
            options.AccessDeniedPath = "/account/signin";
            options.Cookie.Name = "portal.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.Events.OnValidatePrincipal = RevalidateAsync;
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim(PortalClaims.MemberId).Build());
        builder.Services.AddCascadingAuthenticationState();
        return new SignInModes(entra, demo);
    }

    /// <summary>Each request (pages, and the negotiate and connect of new hub connections) re-checks that
    /// the member may still act: a member whose organisation was disabled after sign-in, or whose security
    /// stamp changed (sign-out, revocation), loses the session at the next request.</summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindMemberId() is not { } memberId)
            return;
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInService>();
        var current = await signIn.FindCurrentAsync(memberId, context.HttpContext.RequestAborted);
        if (current is null || current.SecurityStamp != (context.Principal.FindFirst(PortalClaims.SecurityStamp)?.Value ?? ""))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.HttpContext.RequestServices.GetRequiredService<RevalidatedMember>().Remember(current);
    }
}
