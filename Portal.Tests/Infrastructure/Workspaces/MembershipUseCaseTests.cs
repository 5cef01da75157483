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
    public async Task Decisions_are_audited_with_who_and_when()
    {
        var requester = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Workspaces.RequestToJoinAsync(requester, nmt, null);
        await Workspaces.ApproveRequestAsync(DemoData.Personas.NmtLead, nmt, requester);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var membership = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Memberships, m => m.WorkspaceId == nmt && m.MemberId == requester);
        membership.CreatedBy.ShouldBe(requester);
        membership.CreatedAt.ShouldBeGreaterThan(before);
        membership.UpdatedBy.ShouldBe(DemoData.Personas.NmtLead);
        membership.UpdatedAt!.Value.ShouldBeGreaterThanOrEqualTo(membership.CreatedAt);
        membership.StatusChangedBy.ShouldBe(DemoData.Personas.NmtLead);
    }

    [Fact]
    public async Task Only_a_lead_may_withdraw_an_invitation()
    {
        var invitee = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;
        await Workspaces.InviteAsync(DemoData.Personas.NmtLead, nmt, invitee, MembershipRole.Observer);

        await Should.ThrowAsync<AccessDeniedException>(() => Workspaces.CancelInvitationAsync(DemoData.Personas.NmtPolice, nmt, invitee));
        (await Workspaces.GetAsync(invitee, nmt)).Mine!.Status.ShouldBe(MembershipStatus.Invited);

        await Workspaces.CancelInvitationAsync(DemoData.Personas.NmtLead, nmt, invitee);
        (await Workspaces.GetAsync(invitee, nmt)).Mine!.Status.ShouldBe(MembershipStatus.Withdrawn);
        (await Should.ThrowAsync<DomainRuleException>(() => Workspaces.CancelInvitationAsync(DemoData.Personas.NmtLead, nmt, invitee)))
            .Code.ShouldBe("membership.invitation.not-pending");
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

    [Fact]
    public async Task Second_join_request_is_refused_and_the_first_stays_as_it_was()
    {
        var requester = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;
        await Workspaces.RequestToJoinAsync(requester, nmt, "Första ansökan");
        var first = (await Workspaces.GetAsync(requester, nmt)).Mine!;

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Workspaces.RequestToJoinAsync(requester, nmt, "Andra ansökan"));

        refusal.Code.ShouldBe("membership.request.already-pending");
        var mine = (await Workspaces.GetAsync(requester, nmt)).Mine!;
        mine.ShouldBe(first);
        mine.Message.ShouldBe("Första ansökan");
        (await Workspaces.GetAsync(DemoData.Personas.NmtLead, nmt)).PendingRequests!.Count(r => r.Person.MemberId == requester).ShouldBe(1);
    }

    [Fact]
    public async Task Lead_of_another_workspace_cannot_approve_and_nothing_changes()
    {
        var requester = DemoData.Personas.RegionalCoordinator;
        var nmt = DemoData.Workspaces.Nmt;
        await Workspaces.RequestToJoinAsync(requester, nmt, null);

        var refusal = await Should.ThrowAsync<AccessDeniedException>(() =>
            Workspaces.ApproveRequestAsync(DemoData.Personas.LampLead, nmt, requester));

        refusal.Code.ShouldBe("membership.manage.denied");
        var mine = (await Workspaces.GetAsync(requester, nmt)).Mine!;
        mine.Status.ShouldBe(MembershipStatus.Requested);
        (await Workspaces.GetAsync(requester, nmt)).Roster.ShouldBeNull();
    }

    [Fact]
    public async Task Non_lead_cannot_invite_remove_or_change_roles()
    {
        var nmt = DemoData.Workspaces.Nmt;
        var member = DemoData.Personas.NmtPolice;

        await Should.ThrowAsync<AccessDeniedException>(() => Workspaces.InviteAsync(member, nmt, DemoData.Personas.NgoMember, MembershipRole.Member));
        await Should.ThrowAsync<AccessDeniedException>(() => Workspaces.RemoveMemberAsync(member, nmt, DemoData.Personas.NmtLead, null));
        await Should.ThrowAsync<AccessDeniedException>(() => Workspaces.ChangeRoleAsync(member, nmt, member, MembershipRole.Lead));

        var roster = (await Workspaces.GetAsync(DemoData.Personas.NmtLead, nmt)).Roster!;
        roster.Single(r => r.Person.MemberId == member).Role.ShouldBe(MembershipRole.Member);
        roster.ShouldContain(r => r.Person.MemberId == DemoData.Personas.NmtLead && r.Role == MembershipRole.Lead);
        (await Workspaces.GetAsync(DemoData.Personas.NmtLead, nmt)).PendingInvitations!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Hidden_workspace_looks_like_nothing_to_a_stranger_who_guesses_its_id()
    {
        await Should.ThrowAsync<NotFoundException>(() =>
            Workspaces.GetAsync(DemoData.Personas.NgoMember, DemoData.Workspaces.SteeringGroup));
        await Should.ThrowAsync<NotFoundException>(() =>
            Workspaces.RequestToJoinAsync(DemoData.Personas.NgoMember, DemoData.Workspaces.SteeringGroup, null));

        (await Workspaces.ListAsync(DemoData.Personas.NgoMember)).ShouldNotContain(w => w.Id == DemoData.Workspaces.SteeringGroup);
    }

    [Fact]
    public async Task Last_lead_leaving_through_the_service_is_refused()
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Workspaces.LeaveAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt));

        refusal.Code.ShouldBe("membership.last-lead");
        (await Workspaces.GetAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt)).CanManage.ShouldBeTrue();
    }

    [Fact]
    public async Task My_workspaces_keep_a_closed_workspace_one_left_but_not_a_hidden_one()
    {
        var erik = DemoData.Personas.NmtLead; // a member of the hidden steering group, not an administrator
        (await Workspaces.ListMineAsync(erik)).ShouldContain(s => s.WorkspaceId == DemoData.Workspaces.SteeringGroup);
        await Workspaces.LeaveAsync(erik, DemoData.Workspaces.SteeringGroup);
        await Workspaces.LeaveAsync(DemoData.Personas.NmtPolice, DemoData.Workspaces.Nmt);

        (await Workspaces.ListMineAsync(erik)).ShouldNotContain(s => s.WorkspaceId == DemoData.Workspaces.SteeringGroup);
        (await Workspaces.ListMineAsync(DemoData.Personas.NmtPolice))
            .ShouldContain(s => s.WorkspaceId == DemoData.Workspaces.Nmt && s.Membership.Status == MembershipStatus.Left);
    }
}

public sealed class SqliteMembershipUseCaseTests() : MembershipUseCaseTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMembershipUseCaseTests() : MembershipUseCaseTests(DatabaseProvider.Postgres);
