using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Workspaces;

public abstract class MembershipUseCaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private WorkspaceService Workspaces => _database.Get<WorkspaceService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Request_then_lead_approves_gives_requester_the_roster()
    {
        var requester = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;

        (await Workspaces.GetAsync(requester, nmt)).Roster.ShouldBeNull();

        await Workspaces.RequestToJoinAsync(requester, nmt, "Jag vill delta i metodstödet.");
        var asLead = await Workspaces.GetAsync(DemoData.Personas.NmtLead, nmt);
        asLead.PendingRequests!.ShouldContain(r => r.Person.MemberId == requester && r.Message == "Jag vill delta i metodstödet.");

        await Workspaces.ApproveRequestAsync(DemoData.Personas.NmtLead, nmt, requester);

        var asRequester = await Workspaces.GetAsync(requester, nmt);
        asRequester.Mine!.Status.ShouldBe(MembershipStatus.Active);
        asRequester.Roster!.ShouldContain(r => r.Person.MemberId == DemoData.Personas.NmtPolice);
    }

    [Fact]
    public async Task Approve_by_a_non_lead_is_refused_and_changes_nothing()
    {
        var requester = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;
        await Workspaces.RequestToJoinAsync(requester, nmt, null);

        await Should.ThrowAsync<AccessDeniedException>(() =>
            Workspaces.ApproveRequestAsync(DemoData.Personas.NmtPolice, nmt, requester));

        (await Workspaces.GetAsync(requester, nmt)).Mine!.Status.ShouldBe(MembershipStatus.Requested);
    }

    [Fact]
    public async Task Approving_a_withdrawn_request_is_refused()
    {
        var requester = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;
        await Workspaces.RequestToJoinAsync(requester, nmt, null);
        await Workspaces.WithdrawRequestAsync(requester, nmt);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Workspaces.ApproveRequestAsync(DemoData.Personas.NmtLead, nmt, requester));

        refusal.Code.ShouldBe("membership.request.not-pending");
        (await Workspaces.GetAsync(requester, nmt)).Mine!.Status.ShouldBe(MembershipStatus.Withdrawn);
    }
}

public sealed class SqliteMembershipUseCaseTests() : MembershipUseCaseTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMembershipUseCaseTests() : MembershipUseCaseTests(DatabaseProvider.Postgres);
