using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using AccountBrowser = Portal.Tests.Web.Account.AccountEndpointsTests.Browser;

namespace Portal.Tests.Web.Account;

/// <summary>The finding: a copied session cookie kept working after sign-out. Sign-out and revocation
/// by an administrator renew the member's security stamp, which every request (pages, new hub
/// connections) compares with the one in the cookie.</summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A GET of the start page with nothing but the given session cookie.</summary>
    private async Task<HttpResponseMessage> HomeWithAsync(string cookie)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = _url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static void ShouldBeSentToSignIn(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/account/signin");
    }

    private async Task<(AccountBrowser Browser, string Cookie)> SignedInAsync(Guid memberId)
    {
        var browser = new AccountBrowser(_url);
        using var _ = await browser.DemoSignInAsync(memberId, "/");
        return (browser, $"portal.session={browser.Session!.Value}");
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_old_cookie_is_sent_to_sign_in_and_refused_by_the_hub()
    {
        var (karin, copy) = await SignedInAsync(DemoData.Personas.NmtPolice);
        using (var before = await HomeWithAsync(copy))
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var connection = await HubClients.ConnectAsync(_url, copy))
            connection.State.ShouldBe(HubConnectionState.Connected);

        using (var signOut = await karin.SignOutAsync())
            signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        karin.Dispose();

        using (var after = await HomeWithAsync(copy))
            ShouldBeSentToSignIn(after);
        await Should.ThrowAsync<Exception>(() => HubClients.ConnectAsync(_url, copy));
    }

    [Fact]
    public async Task Sign_out_of_one_member_leaves_the_sessions_of_others_working()
    {
        var (karin, _) = await SignedInAsync(DemoData.Personas.NmtPolice);
        var (fatima, fatimasCookie) = await SignedInAsync(DemoData.Personas.NgoMember);

        using (var signOut = await karin.SignOutAsync())
            signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        karin.Dispose();

        using (var page = await HomeWithAsync(fatimasCookie))
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var connection = await HubClients.ConnectAsync(_url, fatimasCookie);
        connection.State.ShouldBe(HubConnectionState.Connected);
        fatima.Dispose();
    }

    [Fact]
    public async Task Revoking_administrator_rights_ends_that_members_sessions()
    {
        var administration = _portal.Services.GetRequiredService<AdministrationService>();
        await administration.GrantAdministratorAsync(DemoData.Personas.Administrator, DemoData.Personas.NmtLead);
        var (erik, cookie) = await SignedInAsync(DemoData.Personas.NmtLead);
        using (var before = await HomeWithAsync(cookie))
            before.StatusCode.ShouldBe(HttpStatusCode.OK);

        await administration.RevokeAdministratorAsync(DemoData.Personas.Administrator, DemoData.Personas.NmtLead);

        using (var after = await HomeWithAsync(cookie))
            ShouldBeSentToSignIn(after);
        await Should.ThrowAsync<Exception>(() => HubClients.ConnectAsync(_url, cookie));
        erik.Dispose();
    }
}
