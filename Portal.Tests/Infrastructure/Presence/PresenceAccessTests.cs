using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Presence;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Portal.Tests.Support.AccessLossChanges;

namespace Portal.Tests.Infrastructure.Presence;

/// <summary>Presence is access-checked like content (issue 7, finding 3): two trackers on one bus and
/// one demo database stand for two nodes; a member who loses a thread disappears from who reads and
/// who writes on both, through each access-removing use case.</summary>
public sealed class PresenceAccessTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ThreadPresence _nodeA = null!;
    private ThreadPresence _nodeB = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _nodeA = _database.Get<ThreadPresence>();
        _nodeB = ActivatorUtilities.CreateInstance<ThreadPresence>(_database.Services);
    }

    public async Task DisposeAsync()
    {
        _nodeB.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_member_removed_from_the_workspace_leaves_who_reads_and_who_writes_on_every_node()
    {
        var thread = await NmtThreadAsync(_database.Services);
        await using var erik = await _nodeA.EnterAsync(thread, DemoData.Personas.NmtLead, "Erik Sandberg");
        await using var karin = await _nodeB.EnterAsync(thread, Karin, "Karin Holm");
        await _nodeB.WritingAsync(thread, Karin);
        _nodeA.Get(thread).ReadingCount.ShouldBe(2);
        _nodeA.Get(thread).Writing.ShouldBe(["Karin Holm"]);

        await RemoveKarinFromNmtAsync(_database.Services);

        _nodeA.Get(thread).ReadingCount.ShouldBe(1);
        _nodeA.Get(thread).Writing.ShouldBeEmpty();
        _nodeB.Get(thread).ReadingCount.ShouldBe(1);
        // Typing on the page she no longer may read names her nowhere.
        await _nodeB.WritingAsync(thread, Karin);
        _nodeA.Get(thread).Writing.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(WorkspaceVisibility.Closed)]
    [InlineData(WorkspaceVisibility.Hidden)]
    public async Task Readers_who_were_not_members_leave_when_the_open_workspace_is_closed(WorkspaceVisibility to)
    {
        var thread = await OpenNetworkThreadAsync(_database.Services);
        await using var fatima = await _nodeA.EnterAsync(thread, DemoData.Personas.NgoMember, "Fatima Ali");
        await using var karin = await _nodeB.EnterAsync(thread, Karin, "Karin Holm");
        _nodeA.Get(thread).ReadingCount.ShouldBe(2);

        await CloseInformationNetworkAsync(_database.Services, to);

        _nodeA.Get(thread).ReadingCount.ShouldBe(1); // Fatima is a member and stays
        _nodeB.Get(thread).ReadingCount.ShouldBe(1);
    }

    [Fact]
    public async Task Readers_of_a_disabled_organisation_leave_every_thread()
    {
        var nmt = await NmtThreadAsync(_database.Services);
        var open = await OpenNetworkThreadAsync(_database.Services);
        await using var inNmt = await _nodeB.EnterAsync(nmt, Karin, "Karin Holm");
        await using var inOpen = await _nodeB.EnterAsync(open, Karin, "Karin Holm");

        await DisableKarinsOrganisationAsync(_database.Services);

        _nodeA.Get(nmt).ReadingCount.ShouldBe(0);
        _nodeA.Get(open).ReadingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_member_who_keeps_access_stays_present()
    {
        var thread = await NmtThreadAsync(_database.Services);
        await using var karin = await _nodeB.EnterAsync(thread, Karin, "Karin Holm");

        // Someone else loses NMT: Karin is re-checked by no one and stays.
        await _database.Get<Portal.Infrastructure.Features.Workspaces.WorkspaceService>()
            .RemoveMemberAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt, DemoData.IdFor("member:johan.berg"), null);
        await CloseInformationNetworkAsync(_database.Services);

        _nodeA.Get(thread).ReadingCount.ShouldBe(1);
    }
}
