using Microsoft.AspNetCore.Localization;

namespace Portal.Web.Account;

public static class CultureCookie
{
    public static readonly string[] Supported = ["sv", "en"];

    public static string Normalise(string? culture) => Supported.Contains(culture) ? culture! : "sv";

    /// <summary>The member's choice rides in the standard culture cookie, written at sign-in from
    /// their saved preference so it follows them to any browser.</summary>
    public static void Write(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalise(culture))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
}
