using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Presence;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Events;
using static Portal.Tests.Support.AccessLossChanges;

namespace Portal.Tests.Web.Hubs;

/// <summary>Access losses reach every node (issue 7, findings 2 and 3): two portal nodes share one
/// PostgreSQL database and one real Redis; the change is made on node A, the member is connected to
/// node B. The probe is posted on node A after the change, so over Redis it reaches node B after the
/// change did (one channel, handled in order).</summary>
[Trait("Service", "Redis")]
public sealed class TwoNodeAccessLossTests : IAsyncLifetime
{
    private readonly Action _dropDatabase;
    private readonly PortalWebFactory _nodeA;
    private readonly PortalWebFactory _nodeB;

    public TwoNodeAccessLossTests()
    {
        (var connectionString, _dropDatabase) = TestDatabase.NewPostgresDatabase();
        var channel = "portal:test:" + Guid.NewGuid().ToString("N");
        PortalWebFactory Node()
        {
            var node = new PortalWebFactory(DatabaseProvider.Postgres) { SharedConnectionString = connectionString };
            node.Settings["Portal:Redis"] = RedisEventBusTests.RedisServer;
            node.Settings["Portal:RedisChannel"] = channel;
            return node;
        }
        _nodeA = Node();
        _nodeB = Node();
    }

    public Task InitializeAsync()
    {
        _nodeA.StartOnLoopback();
        _nodeB.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        _dropDatabase();
    }

    private IServiceProvider A => _nodeA.Services;
    private DiscussionService DiscussionsOnA => A.GetRequiredService<DiscussionService>();

    [Fact]
    public async Task Member_removed_on_node_A_stops_hearing_on_node_B()
    {
        var nmt = await NmtThreadAsync(A);
        var open = await OpenNetworkThreadAsync(A);
        await using var karinOnB = await HubListener.SignInAsync(_nodeB.BaseUrl!, Karin);
        await karinOnB.WatchAsync(nmt);
        await karinOnB.WatchAsync(open);

        await RemoveKarinFromNmtAsync(A);
        await DiscussionsOnA.PostAsync(DemoData.Personas.NmtLead, nmt, "Efter att Karin tagits bort.");
        var probe = await DiscussionsOnA.PostAsync(DemoData.Personas.Administrator, open, "Prov.");

        (await karinOnB.NextAsync()).PostId.ShouldBe(probe.PostId);
    }

    [Fact]
    public async Task Workspace_closed_on_node_A_is_no_longer_heard_by_non_members_on_node_B()
    {
        var nmt = await NmtThreadAsync(A);
        var open = await OpenNetworkThreadAsync(A);
        await using var karinOnB = await HubListener.SignInAsync(_nodeB.BaseUrl!, Karin);
        await karinOnB.WatchAsync(open);
        await karinOnB.WatchAsync(nmt);

        await CloseInformationNetworkAsync(A);
        await DiscussionsOnA.PostAsync(DemoData.Personas.Administrator, open, "Nu bara för medlemmar.");
        var probe = await DiscussionsOnA.PostAsync(DemoData.Personas.NmtLead, nmt, "Prov.");

        (await karinOnB.NextAsync()).PostId.ShouldBe(probe.PostId);
    }

    [Fact]
    public async Task Organisation_disabled_on_node_A_closes_its_members_connections_on_node_B()
    {
        await using var karinOnB = await HubListener.SignInAsync(_nodeB.BaseUrl!, Karin);
        await karinOnB.WatchAsync(await NmtThreadAsync(A));

        await DisableKarinsOrganisationAsync(A);

        await karinOnB.Closed;
    }

    [Fact]
    public async Task Presence_on_node_A_drops_a_reader_on_node_B_who_was_removed()
    {
        var nmt = await NmtThreadAsync(A);
        var presenceOnA = A.GetRequiredService<ThreadPresence>();
        await using var erikOnA = await presenceOnA.EnterAsync(nmt, DemoData.Personas.NmtLead, "Erik Sandberg");
        var twoReading = WhenReading(presenceOnA, nmt, 2);
        await using var karinOnB = await _nodeB.Services.GetRequiredService<ThreadPresence>().EnterAsync(nmt, Karin, "Karin Holm");
        await twoReading;

        var oneReading = WhenReading(presenceOnA, nmt, 1);
        await RemoveKarinFromNmtAsync(A);

        await oneReading;
    }

    /// <summary>Completes when the node's presence of the thread counts that many readers.</summary>
    private static async Task WhenReading(ThreadPresence presence, Guid threadId, int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (presence.Get(threadId).ReadingCount == count)
                reached.TrySetResult();
        }
        using var watch = presence.Watch(threadId, _ => Check());
        Check();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
