using System.Net;
using System.Text.RegularExpressions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Web.Account;

/// <summary>The account endpoints over real HTTP on loopback, as an attacker would reach them: return
/// URLs that are not plain local paths go home, and sign-out needs the antiforgery token.</summary>
public sealed partial class AccountEndpointsTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public static TheoryData<string> UnsafeReturnUrls => ["/\t/evil.example", "/\n/evil.example", "/x\r\n", "/ /evil", "//evil.example", "/\\evil.example", "https://evil.example", "evil", ""];

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    public async Task Culture_apply_sends_an_unsafe_return_url_home(string returnUrl)
    {
        using var browser = new Browser(_url);

        using var response = await browser.Http.GetAsync($"culture/apply?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Culture_apply_keeps_a_local_return_url()
    {
        using var browser = new Browser(_url);

        using var response = await browser.Http.GetAsync($"culture/apply?culture=en&returnUrl={Uri.EscapeDataString("/workspaces?x=1")}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/workspaces?x=1");
    }

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    public async Task Demo_sign_in_sends_an_unsafe_return_url_home(string returnUrl)
    {
        using var browser = new Browser(_url);

        using var response = await browser.DemoSignInAsync(DemoData.Personas.NmtPolice, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        browser.HasSession.ShouldBeTrue();
    }

    [Fact]
    public async Task Demo_sign_in_keeps_a_local_return_url()
    {
        using var browser = new Browser(_url);

        using var response = await browser.DemoSignInAsync(DemoData.Personas.NmtPolice, "/workspaces");

        response.Headers.Location!.OriginalString.ShouldBe("/workspaces");
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        using var browser = new Browser(_url);
        using var _ = await browser.DemoSignInAsync(DemoData.Personas.NmtPolice, "/");

        // What a cross-site auto-posting form sends: the cookies, no token.
        using var response = await browser.Http.PostAsync("account/signout", new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        browser.HasSession.ShouldBeTrue();
        using var home = await browser.Http.GetAsync("");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_with_the_layouts_antiforgery_token_ends_the_session()
    {
        using var browser = new Browser(_url);
        using var _ = await browser.DemoSignInAsync(DemoData.Personas.NmtPolice, "/");

        using var response = await browser.SignOutAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/signin");
        browser.HasSession.ShouldBeFalse();
    }

    /// <summary>A cookie-keeping HTTP client that does not follow redirects.</summary>
    internal sealed partial class Browser : IDisposable
    {
        private readonly Uri _url;
        private readonly HttpClientHandler _handler;

        public Browser(Uri url)
        {
            _url = url;
            _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            Http = new HttpClient(_handler) { BaseAddress = url };
        }

        public HttpClient Http { get; }

        public Cookie? Session => _handler.CookieContainer.GetCookies(_url)["portal.session"];

        public bool HasSession => Session is { Expired: false, Value.Length: > 0 };

        public async Task<HttpResponseMessage> DemoSignInAsync(Guid memberId, string returnUrl)
        {
            var token = await TokenFromAsync("account/signin");
            return await Http.PostAsync("account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["memberId"] = memberId.ToString(),
                ["returnUrl"] = returnUrl,
                ["__RequestVerificationToken"] = token,
            }));
        }

        /// <summary>Posts the layout's sign-out form with its token, as the sign-out button does.</summary>
        public async Task<HttpResponseMessage> SignOutAsync()
        {
            var token = await TokenFromAsync("");
            return await Http.PostAsync("account/signout", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
            }));
        }

        private async Task<string> TokenFromAsync(string page)
        {
            var html = await Http.GetStringAsync(page);
            var match = Token().Match(html);
            match.Success.ShouldBeTrue($"No antiforgery token on '{page}'.");
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        public void Dispose()
        {
            Http.Dispose();
            _handler.Dispose();
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }
}
