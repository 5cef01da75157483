using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Portal.Infrastructure.Features.Members;

namespace Portal.Web.Account;

/// <summary>What happens after Entra has validated a token. Entra's issuer validation accepts every
/// tenant, so our own allow-list (organisations' tenant ids) decides here who gets in.</summary>
public static class EntraSignIn
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var tenantId = principal?.GetTenantId();
        var objectId = principal?.GetObjectId();
        if (principal?.Identity is not ClaimsIdentity identity || string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(objectId))
        {
            Refuse(context, SignInRefusal.UnknownTenant);
            return;
        }

        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInService>();
        var outcome = await signIn.SignInFromEntraAsync(tenantId, objectId,
            principal.FindFirstValue("name") ?? principal.GetDisplayName() ?? "",
            principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email),
            context.HttpContext.RequestAborted);
        if (outcome.Member is not { } member)
        {
            Refuse(context, outcome.Refusal);
            return;
        }
        identity.AddClaim(new Claim(PortalClaims.MemberId, member.MemberId.ToString()));
        identity.AddClaim(new Claim(PortalClaims.SecurityStamp, member.SecurityStamp));
        CultureCookie.Write(context.HttpContext, member.PreferredCulture);
    }

    private static void Refuse(TokenValidatedContext context, SignInRefusal refusal)
    {
        context.HandleResponse();
        context.Response.Redirect(NotConnectedPath(refusal));
    }

    public static string NotConnectedPath(SignInRefusal refusal) =>
        refusal == SignInRefusal.OrganisationDisabled ? "/account/not-connected?reason=disabled" : "/account/not-connected?reason=unknown";
}
