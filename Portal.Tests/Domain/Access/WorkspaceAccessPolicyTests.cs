using Portal.Domain.Access;
using Portal.Domain.Workspaces;

namespace Portal.Tests.Domain.Access;

/// <summary>The per-item face of the workspace rules on small, hand-made workspaces. That the list
/// face agrees with it is proved on real databases in AccessConsistencyTests (the harness over AccessCases).</summary>
public sealed class WorkspaceAccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly Actor _lead = new(Guid.NewGuid(), Guid.NewGuid(), false);
    private readonly Actor _stranger = new(Guid.NewGuid(), Guid.NewGuid(), false);
    private readonly Actor _administrator = new(Guid.NewGuid(), Guid.NewGuid(), true);

    private Workspace Make(WorkspaceVisibility visibility)
    {
        var workspace = Workspace.Create("Arbetsgrupp", WorkspaceKind.WorkingGroup, visibility, null);
        workspace.AppointLead(_lead.MemberId, _administrator.MemberId, Now);
        return workspace;
    }

    [Fact]
    public void Hidden_workspace_is_unknown_to_strangers_but_known_to_invitees_and_administrators()
    {
        var workspace = Make(WorkspaceVisibility.Hidden);
        var invitee = new Actor(Guid.NewGuid(), Guid.NewGuid(), false);
        workspace.Invite(invitee.MemberId, MembershipRole.Member, _lead.MemberId, Now);

        AccessPolicy.CanSeeWorkspace(_stranger, workspace).ShouldBeFalse();
        AccessPolicy.CanSeeWorkspace(invitee, workspace).ShouldBeTrue();
        AccessPolicy.CanReadWorkspace(invitee, workspace).ShouldBeFalse();
        AccessPolicy.CanSeeWorkspace(_administrator, workspace).ShouldBeTrue();
    }

    [Fact]
    public void Closed_workspace_is_listed_for_everyone_but_read_only_by_active_members()
    {
        var workspace = Make(WorkspaceVisibility.Closed);
        var requester = new Actor(Guid.NewGuid(), Guid.NewGuid(), false);
        workspace.RequestToJoin(requester.MemberId, null, Now);

        AccessPolicy.CanSeeWorkspace(_stranger, workspace).ShouldBeTrue();
        AccessPolicy.CanReadWorkspace(_stranger, workspace).ShouldBeFalse();
        AccessPolicy.CanReadWorkspace(requester, workspace).ShouldBeFalse();
        AccessPolicy.CanReadWorkspace(_lead, workspace).ShouldBeTrue();
    }

    [Fact]
    public void Administrator_manages_a_closed_workspace_and_sees_its_roster_without_reading_its_contents()
    {
        var workspace = Make(WorkspaceVisibility.Closed);

        AccessPolicy.CanReadWorkspace(_administrator, workspace).ShouldBeFalse();
        AccessPolicy.CanSeeRoster(_administrator, workspace).ShouldBeTrue();
        AccessPolicy.CanManageMembers(_administrator, workspace).ShouldBeTrue();
        AccessPolicy.CanContribute(_administrator, workspace).ShouldBeFalse();
    }

    [Fact]
    public void Observer_reads_but_does_not_contribute_or_manage()
    {
        var workspace = Make(WorkspaceVisibility.Closed);
        var observer = new Actor(Guid.NewGuid(), Guid.NewGuid(), false);
        workspace.Invite(observer.MemberId, MembershipRole.Observer, _lead.MemberId, Now);
        workspace.AcceptInvitation(observer.MemberId, Now);

        AccessPolicy.CanReadWorkspace(observer, workspace).ShouldBeTrue();
        AccessPolicy.CanContribute(observer, workspace).ShouldBeFalse();
        AccessPolicy.CanManageMembers(observer, workspace).ShouldBeFalse();
        AccessPolicy.CanContribute(_lead, workspace).ShouldBeTrue();
    }

    [Fact]
    public void Member_who_left_loses_reading_of_a_closed_workspace()
    {
        var workspace = Make(WorkspaceVisibility.Closed);
        var member = new Actor(Guid.NewGuid(), Guid.NewGuid(), false);
        workspace.Invite(member.MemberId, MembershipRole.Member, _lead.MemberId, Now);
        workspace.AcceptInvitation(member.MemberId, Now);
        AccessPolicy.CanReadWorkspace(member, workspace).ShouldBeTrue();

        workspace.Leave(member.MemberId, Now);

        AccessPolicy.CanReadWorkspace(member, workspace).ShouldBeFalse();
        AccessPolicy.CanContribute(member, workspace).ShouldBeFalse();
    }

    [Fact]
    public void Open_workspace_is_read_by_anyone_but_contributed_to_only_after_joining()
    {
        var workspace = Make(WorkspaceVisibility.Open);

        AccessPolicy.CanReadWorkspace(_stranger, workspace).ShouldBeTrue();
        AccessPolicy.CanContribute(_stranger, workspace).ShouldBeFalse();

        workspace.Join(_stranger.MemberId, Now);

        AccessPolicy.CanContribute(_stranger, workspace).ShouldBeTrue();
    }
}
