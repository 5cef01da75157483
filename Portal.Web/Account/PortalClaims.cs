using System.Security.Claims;

namespace Portal.Web.Account;

public static class PortalClaims
{
    /// <summary>The member's id in the portal, added at sign-in (Entra or demo).</summary>
    public const string MemberId = "portal:member_id";

    /// <summary>The member's security stamp at sign-in; the session ends when it no longer matches.</summary>
    public const string SecurityStamp = "portal:security_stamp";

    public static Guid? FindMemberId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(MemberId), out var id) ? id : null;

    public static ClaimsIdentity CreateIdentity(Guid memberId, string displayName, string securityStamp, string authenticationType) =>
        new([new Claim(MemberId, memberId.ToString()), new Claim(SecurityStamp, securityStamp), new Claim(ClaimTypes.Name, displayName)],
            authenticationType, ClaimTypes.Name, ClaimTypes.Role);
}
