using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Events;
using Portal.Web.Hubs;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Two portal nodes sharing one PostgreSQL database and one real Redis: a post written
/// through node A's hub appears in a Blazor thread page open on node B, without reloading.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Service", "Redis")]
public sealed class TwoNodeLiveViewBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _channel = "portal:test:" + Guid.NewGuid().ToString("N");
    private string _connectionString = null!;
    private Action _dropDatabase = null!;
    private PortalWebFactory _nodeA = null!;
    private PortalWebFactory _nodeB = null!;

    public Task InitializeAsync()
    {
        (_connectionString, _dropDatabase) = TestDatabase.NewPostgresDatabase();
        _nodeA = Node();
        _nodeB = Node();
        _nodeA.StartOnLoopback(); // migrates and seeds the shared database first
        _nodeB.StartOnLoopback();
        return Task.CompletedTask;
    }

    private PortalWebFactory Node()
    {
        var node = new PortalWebFactory(DatabaseProvider.Postgres) { SharedConnectionString = _connectionString };
        node.Settings["Portal:Redis"] = RedisEventBusTests.RedisServer;
        node.Settings["Portal:RedisChannel"] = _channel;
        return node;
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        _dropDatabase();
    }

    [Fact]
    public async Task Post_through_node_A_appears_on_a_thread_page_open_on_node_B()
    {
        var thread = (await _nodeB.Services.GetRequiredService<DiscussionService>()
                .ListThreadsAsync(DemoData.Personas.NmtPolice, DemoData.Workspaces.Nmt))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        await using var context = await browser.NewContextAsync(_nodeB.BaseUrl!);
        var karinOnB = await context.NewPageAsync();
        await karinOnB.SignInAsync("Karin Holm");
        await karinOnB.GotoAsync($"threads/{thread}");
        await karinOnB.WaitForInteractiveAsync();

        await using var erikOnA = await HubClients.ConnectAsync(_nodeA.BaseUrl!,
            await HubClients.SignInCookieAsync(_nodeA.BaseUrl!, DemoData.Personas.NmtLead));
        var posted = await erikOnA.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread,
            "Skrivet på nod A, läst på nod B.", (Guid?)null);

        var post = karinOnB.GetByTestId("post").Filter(new() { HasText = "Skrivet på nod A, läst på nod B." });
        await Expect(post).ToHaveCountAsync(1);
        await Expect(post).ToHaveAttributeAsync("data-sequence", posted.Sequence.ToString());
    }
}
