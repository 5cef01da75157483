using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Features.Members;
using Portal.Web.Account;
using Portal.Web.Hosting;

namespace Portal.Web.Endpoints;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // Per member (or client address) and node, 429 beyond Portal:RateLimits:Requests (ADR 0019).
        var account = app.MapGroup("/account").RequireRateLimiting(RequestRateLimits.Policy);

        account.MapPost("/demo-signin", async ([FromForm] Guid memberId, [FromForm] string? returnUrl,
            HttpContext context, SignInService signIn, AuthenticationSetup.SignInModes modes) =>
        {
            // The demo sign-in exists only in development or with the explicit switch.
            if (!modes.Demo)
                return Results.NotFound();
            var outcome = await signIn.SignInAsPersonaAsync(memberId, context.RequestAborted);
            if (outcome.Member is not { } member)
                return Results.Redirect(EntraSignIn.NotConnectedPath(outcome.Refusal));
            var principal = new System.Security.Claims.ClaimsPrincipal(
                PortalClaims.CreateIdentity(member.MemberId, member.DisplayName, member.SecurityStamp, "demo"));
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            CultureCookie.Write(context, member.PreferredCulture);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();

        account.MapGet("/signin/entra", (string? returnUrl, AuthenticationSetup.SignInModes modes) =>
            modes.Entra
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.NotFound()).AllowAnonymous();

        // Antiforgery by hand: the endpoint binds no form, so the framework would not check it, and a
        // cross-site auto-posting form could sign the member out.
        account.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery, SignInService signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            // Ends the session on the server too: a copy of the cookie stops working.
            if (context.User.FindMemberId() is { } memberId)
                await signIn.EndSessionsAsync(memberId, context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/signin");
        });

        // Sets the culture cookie and goes back; the choice itself was saved on the member by the
        // language switch before it navigated here.
        app.MapGet("/culture/apply", (string? culture, string? returnUrl, HttpContext context) =>
        {
            CultureCookie.Write(context, CultureCookie.Normalise(culture));
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous().RequireRateLimiting(RequestRateLimits.Policy);
    }

    /// <summary>Only local paths (<c>/x</c>, not <c>//x</c> or <c>/\x</c>): no open redirect. Browsers drop
    /// tabs and newlines from URLs, so <c>/\t/evil</c> would become <c>//evil</c>: any control character or
    /// whitespace makes the URL unsafe too (and LocalRedirect would throw on it).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? returnUrl
            : "/";
}
