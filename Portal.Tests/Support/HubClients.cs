using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Portal.Web.Hubs;

namespace Portal.Tests.Support;

/// <summary>Non-browser clients of a portal listening on loopback: a demo sign-in over HTTP, then a
/// SignalR connection to the discussions hub carrying the session cookie.</summary>
public static partial class HubClients
{
    /// <summary>Signs in with the demo sign-in and returns the "name=value" session cookie.</summary>
    public static async Task<string> SignInCookieAsync(Uri baseUrl, Guid memberId)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };
        var page = await http.GetStringAsync("account/signin");
        var token = Token().Match(page).Groups[1].Value;
        using var response = await http.PostAsync("account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = memberId.ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Demo sign-in answered {(int)response.StatusCode}.");
        var session = cookies.GetCookies(baseUrl)["portal.session"]
            ?? throw new InvalidOperationException("The demo sign-in set no session cookie.");
        return $"{session.Name}={session.Value}";
    }

    public static async Task<HubConnection> ConnectAsync(Uri baseUrl, string cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, DiscussionHub.Path.TrimStart('/')), options => options.Headers["Cookie"] = cookie)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
