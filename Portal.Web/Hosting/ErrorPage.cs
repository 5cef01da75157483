using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Hosting;

/// <summary>The last-resort error response: static, localised, with nothing that can fail again.</summary>
public static class ErrorPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{Encode(text["Error.Title"])}</title></head>
            <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1>{Encode(text["Error.Title"])}</h1>
            <p>{Encode(text["Error.Text"])}</p><p><a href="/">{Encode(text["Nav.Home"])}</a></p></body></html>
            """);
    }

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}
