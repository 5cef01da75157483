using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Events;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The scale-out rehearsal as a test: two portal nodes behind haproxy with sticky sessions
/// (the rehearsal's own configuration), sharing one PostgreSQL database, one Redis channel and one
/// Data Protection key folder. A live page on node A shows what is posted through node B, a session
/// signed in on A is accepted by B, and A's circuit lives on while B restarts.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Service", "Redis")]
public sealed class ScaleOutBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _channel = "portal:test:" + Guid.NewGuid().ToString("N");
    private readonly string _keysFolder = Path.Combine(Path.GetTempPath(), "portal-tests", "keys-" + Guid.NewGuid().ToString("N"));
    private readonly int _portA = Haproxy.FreePort();
    private readonly int _portB = Haproxy.FreePort();
    private string _connectionString = null!;
    private Action _dropDatabase = null!;
    private PortalWebFactory _nodeA = null!;
    private PortalWebFactory _nodeB = null!;
    private Haproxy _proxy = null!;

    public async Task InitializeAsync()
    {
        (_connectionString, _dropDatabase) = TestDatabase.NewPostgresDatabase();
        _nodeA = Node(_portA);
        _nodeA.StartOnLoopback();
        // As a deployment brings its first node up before the others: its key is in the shared folder
        // when the second node reads it.
        _nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out").Protect("first key");
        _nodeB = Node(_portB);
        _nodeB.StartOnLoopback();
        _proxy = await Haproxy.StartAsync(_portA, _portB);
        await _proxy.WaitForNodeAsync("a");
        await _proxy.WaitForNodeAsync("b");
    }

    private PortalWebFactory Node(int port)
    {
        var node = new PortalWebFactory(DatabaseProvider.Postgres) { SharedConnectionString = _connectionString, Port = port };
        node.Settings["Portal:Redis"] = RedisEventBusTests.RedisServer;
        node.Settings["Portal:RedisChannel"] = _channel;
        // Each node has a data folder of its own; the keys that protect session cookies are shared.
        node.Settings["Portal:DataProtectionKeysFolder"] = _keysFolder;
        return node;
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
            await _proxy.DisposeAsync();
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        _dropDatabase();
        try { System.IO.Directory.Delete(_keysFolder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    [Fact]
    public async Task A_page_on_node_A_shows_posts_made_through_node_B_and_its_circuit_outlives_B_restarting()
    {
        var thread = (await _nodeA.Services.GetRequiredService<DiscussionService>()
                .ListThreadsAsync(DemoData.Personas.NmtPolice, DemoData.Workspaces.Nmt))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;

        // Karin, held on node A by the sticky cookie; every circuit connection her page opens is counted.
        await using var karinContext = await PinnedContextAsync("a");
        var karin = await karinContext.NewPageAsync();
        var circuits = new ConcurrentQueue<IWebSocket>();
        karin.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                circuits.Enqueue(socket);
        };
        await karin.SignInAsync("Karin Holm");
        var openedBefore = circuits.Count; // the home page's, left behind with it
        var karinsPage = await karin.GotoAsync($"threads/{thread}");
        karinsPage!.Headers[Haproxy.NodeHeader.ToLowerInvariant()].ShouldBe("a");
        await karin.WaitForInteractiveAsync();

        // Erik signs in on node A, then his cookie sends him to node B: B accepts A's session (the keys
        // are shared) and serves him the thread page, where he posts.
        await using var erikContext = await PinnedContextAsync("a");
        var erik = await erikContext.NewPageAsync();
        await erik.SignInAsync("Erik Sandberg");
        await PinAsync(erikContext, "b");
        await OpenThreadOnBAsync(erik, thread);
        await PostAsync(erik, "Skrivet genom nod B, läst på nod A.");
        await Expect(karin.GetByTestId("post").Filter(new() { HasText = "Skrivet genom nod B, läst på nod A." })).ToHaveCountAsync(1);

        // Node B goes down and comes back on its port; Erik's circuit there is gone with it.
        await _nodeB.DisposeAsync();
        _nodeB = Node(_portB);
        _nodeB.StartOnLoopback();
        await _proxy.WaitForNodeAsync("b");
        // While B was down, haproxy sent Erik's reconnecting page to A and re-pinned him there; he is
        // sent back to B for a fresh page on the new node.
        await erik.CloseAsync();
        await PinAsync(erikContext, "b");
        erik = await erikContext.NewPageAsync();
        await OpenThreadOnBAsync(erik, thread);

        // Karin's page on A still updates live from B, and acts: her post reaches the new node B.
        await PostAsync(erik, "Nod B är tillbaka efter omstarten.");
        await Expect(karin.GetByTestId("post").Filter(new() { HasText = "Nod B är tillbaka efter omstarten." })).ToHaveCountAsync(1);
        await PostAsync(karin, "Min sida på nod A har varit uppkopplad hela tiden.");
        await Expect(erik.GetByTestId("post").Filter(new() { HasText = "Min sida på nod A har varit uppkopplad hela tiden." })).ToHaveCountAsync(1);

        // …through the one circuit it opened: it never closed or reconnected.
        var circuit = circuits.Skip(openedBefore).ShouldHaveSingleItem();
        circuit.IsClosed.ShouldBeFalse();
    }

    /// <summary>A browser context whose requests haproxy sends to <paramref name="node"/>.</summary>
    private async Task<IBrowserContext> PinnedContextAsync(string node)
    {
        var context = await browser.NewContextAsync(_proxy.BaseUrl);
        await PinAsync(context, node);
        return context;
    }

    private Task PinAsync(IBrowserContext context, string node) =>
        context.AddCookiesAsync([new Cookie { Name = Haproxy.NodeCookie, Value = node, Url = _proxy.BaseUrl.ToString() }]);

    private static async Task OpenThreadOnBAsync(IPage page, Guid thread)
    {
        var response = await page.GotoAsync($"threads/{thread}");
        response!.Headers[Haproxy.NodeHeader.ToLowerInvariant()].ShouldBe("b");
        page.Url.ShouldContain($"/threads/{thread}"); // signed in: not sent to the sign-in page
        await page.WaitForInteractiveAsync();
    }

    private static async Task PostAsync(IPage page, string text)
    {
        await page.Locator("textarea[data-testid=\"composer\"]").FillAsync(text);
        await page.GetByTestId("send-post").ClickAsync();
        await Expect(page.GetByTestId("post").Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }
}
