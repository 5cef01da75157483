using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hubs;

namespace Portal.Tests.Web.Hubs;

/// <summary>The finding: a page on another port of the same host (same site, so the Lax session cookie
/// goes along) opened the discussions hub as the member. Hub and circuit connections from a foreign
/// Origin are refused; the portal's own origin, a configured one and non-browser clients (no Origin) pass.</summary>
public sealed class ConnectionOriginTests : IAsyncLifetime
{
    private const string ProxyOrigin = "https://portal.example.se";

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite)
    {
        Settings = { [ConnectionOriginCheck.SettingName] = ProxyOrigin },
    };
    private Uri _url = null!;
    private string _cookie = null!;

    public async Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        _cookie = await HubClients.SignInCookieAsync(_url, DemoData.Personas.NmtPolice);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private string OwnOrigin => $"{_url.Scheme}://{_url.Authority}";

    private string OtherPortOrigin => $"http://127.0.0.1:{(_url.Port == 1 ? 2 : _url.Port - 1)}";

    private async Task<HttpStatusCode> NegotiateAsync(string path, string? origin)
    {
        using var http = new HttpClient { BaseAddress = _url };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", _cookie);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Hub_negotiate_from_another_port_of_the_same_host_is_refused()
    {
        (await NegotiateAsync("hubs/discussions", OtherPortOrigin)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Circuit_negotiate_from_another_port_of_the_same_host_is_refused()
    {
        (await NegotiateAsync("_blazor", OtherPortOrigin)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Negotiate_from_the_portals_own_origin_a_configured_origin_or_without_origin_works()
    {
        (await NegotiateAsync("hubs/discussions", OwnOrigin)).ShouldBe(HttpStatusCode.OK);
        (await NegotiateAsync("hubs/discussions", ProxyOrigin)).ShouldBe(HttpStatusCode.OK);
        (await NegotiateAsync("hubs/discussions", null)).ShouldBe(HttpStatusCode.OK);
        (await NegotiateAsync("_blazor", OwnOrigin)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WebSocket_upgrade_from_another_port_is_refused_and_from_the_own_origin_accepted()
    {
        var socketUrl = new UriBuilder(new Uri(_url, "hubs/discussions")) { Scheme = "ws" }.Uri;

        using var foreign = new ClientWebSocket();
        foreign.Options.CollectHttpResponseDetails = true;
        foreign.Options.SetRequestHeader("Cookie", _cookie);
        foreign.Options.SetRequestHeader("Origin", OtherPortOrigin);
        await Should.ThrowAsync<WebSocketException>(() => foreign.ConnectAsync(socketUrl, CancellationToken.None));
        foreign.HttpStatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Cookie", _cookie);
        own.Options.SetRequestHeader("Origin", OwnOrigin);
        await own.ConnectAsync(socketUrl, CancellationToken.None);
        own.State.ShouldBe(WebSocketState.Open);
    }

    [Fact]
    public async Task Hub_client_with_a_foreign_origin_cannot_connect_and_with_its_own_origin_can()
    {
        await using var foreign = Connection(OtherPortOrigin);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => foreign.StartAsync());
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var own = Connection(OwnOrigin);
        await own.StartAsync();
        own.State.ShouldBe(HubConnectionState.Connected);
    }

    private HubConnection Connection(string origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(_url, DiscussionHub.Path.TrimStart('/')), HttpTransportType.WebSockets, options =>
        {
            options.Headers["Cookie"] = _cookie;
            options.Headers["Origin"] = origin;
        })
        .Build();
}
