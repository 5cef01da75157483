using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Bench;

/// <summary>The demo sign-in for many members: the sign-in page (which lists every member, a large
/// page on generated data) is fetched once for its antiforgery token and cookie, then each member
/// signs in with a POST of their own. Returns the session cookie as "name=value" for the circuits.</summary>
public sealed partial class MemberSignIn : IDisposable
{
    private readonly HttpClient _http;
    private string _antiforgeryCookie = "";
    private string _token = "";

    private MemberSignIn(Uri node) =>
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = node };

    public static async Task<MemberSignIn> StartAsync(Uri node)
    {
        var signIn = new MemberSignIn(node);
        using var page = await signIn._http.GetAsync("account/signin");
        page.EnsureSuccessStatusCode();
        signIn._antiforgeryCookie = string.Join("; ", Cookies(page));
        signIn._token = WebUtility.HtmlDecode(AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        return signIn;
    }

    /// <summary>Signs in one member; null when the portal refuses them (a disabled organisation).</summary>
    public async Task<string?> SignInAsync(Guid memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "account/demo-signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["memberId"] = memberId.ToString(),
                ["__RequestVerificationToken"] = _token,
            }),
        };
        request.Headers.Add("Cookie", _antiforgeryCookie);
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Demo sign-in of {memberId} answered {(int)response.StatusCode}.");
        var session = Cookies(response).Where(c => c.StartsWith("portal.session", StringComparison.Ordinal)).ToList();
        return session.Count == 0 ? null : string.Join("; ", session);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
