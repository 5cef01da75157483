using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Events;
using Portal.Web.Hubs;

namespace Portal.Tests.Web.Hubs;

/// <summary>Two portal nodes on real Kestrel ports sharing one PostgreSQL database and one real Redis:
/// what is posted on one node reaches hub clients and live views (bus subscribers) on the other.</summary>
[Trait("Service", "Redis")]
public sealed class TwoNodeRedisTests : IAsyncLifetime
{
    private readonly string _connectionString;
    private readonly Action _dropDatabase;
    private readonly PortalWebFactory _nodeA;
    private readonly PortalWebFactory _nodeB;
    private readonly string _channel;

    public TwoNodeRedisTests()
    {
        (_connectionString, _dropDatabase) = TestDatabase.NewPostgresDatabase();
        _channel = "portal:test:" + Guid.NewGuid().ToString("N");
        _nodeA = Node();
        _nodeB = Node();
    }

    private PortalWebFactory Node()
    {
        var node = new PortalWebFactory(DatabaseProvider.Postgres) { SharedConnectionString = _connectionString };
        node.Settings["Portal:Redis"] = RedisEventBusTests.RedisServer;
        node.Settings["Portal:RedisChannel"] = _channel;
        return node;
    }

    public Task InitializeAsync()
    {
        _nodeA.StartOnLoopback(); // migrates and seeds the shared database first
        _nodeB.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        _dropDatabase();
    }

    [Fact]
    public async Task Post_on_node_A_reaches_a_hub_client_and_a_live_subscriber_on_node_B()
    {
        var discussionsOnB = _nodeB.Services.GetRequiredService<DiscussionService>();
        var thread = (await discussionsOnB.ListThreadsAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;

        // A live view on node B: the same bus subscription the Blazor thread page makes.
        var liveOnB = Channel.CreateUnbounded<ThreadActivity>();
        using var subscription = _nodeB.Services.GetRequiredService<IEventBus>()
            .Subscribe<ThreadActivity>(a => { liveOnB.Writer.TryWrite(a); return Task.CompletedTask; });

        await using var karinOnB = await HubClients.ConnectAsync(_nodeB.BaseUrl!, await HubClients.SignInCookieAsync(_nodeB.BaseUrl!, DemoData.Personas.NmtPolice));
        var heardOnB = Channel.CreateUnbounded<ThreadActivityMessage>();
        karinOnB.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m => heardOnB.Writer.TryWrite(m));
        var seen = await karinOnB.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), thread, 0L);

        await using var erikOnA = await HubClients.ConnectAsync(_nodeA.BaseUrl!, await HubClients.SignInCookieAsync(_nodeA.BaseUrl!, DemoData.Personas.NmtLead));
        var posted = await erikOnA.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, "Uppdatering från nod A.", (Guid?)null);

        var heard = await heardOnB.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        heard.ShouldBe(new ThreadActivityMessage(thread, posted.Sequence, "PostAdded", posted.PostId));
        var live = await liveOnB.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        live.PostId.ShouldBe(posted.PostId);
        // Node B serves the content from the shared database.
        var changes = await karinOnB.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.GetChangesSince), thread, seen.LastSequence);
        changes.ChangedPosts.Single().Id.ShouldBe(posted.PostId);
    }
}
