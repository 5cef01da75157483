using Portal.Domain.Common;
using Portal.Domain.Workspaces;

namespace Portal.Tests.Domain.Workspaces;

public sealed class WorkspaceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _lead = Guid.NewGuid();
    private readonly Guid _person = Guid.NewGuid();

    private Workspace Closed()
    {
        var workspace = Workspace.Create("NMT", WorkspaceKind.Team, WorkspaceVisibility.Closed, "Metodstöd");
        workspace.AppointLead(_lead, _lead, Now);
        return workspace;
    }

    private Workspace Open()
    {
        var workspace = Workspace.Create("Informationsnätverket", WorkspaceKind.InformationNetwork, WorkspaceVisibility.Open, null);
        workspace.AppointLead(_lead, _lead, Now);
        return workspace;
    }

    [Fact]
    public void Join_of_an_open_workspace_makes_an_active_member_at_once()
    {
        var workspace = Open();

        workspace.Join(_person, Now);

        var membership = workspace.MembershipOf(_person)!;
        membership.Status.ShouldBe(MembershipStatus.Active);
        membership.Role.ShouldBe(MembershipRole.Member);
        membership.JoinedAt.ShouldBe(Now);
    }

    [Fact]
    public void Join_of_a_closed_workspace_is_refused_and_adds_nobody()
    {
        var workspace = Closed();

        Should.Throw<DomainRuleException>(() => workspace.Join(_person, Now)).Code.ShouldBe("membership.join.not-open");

        workspace.MembershipOf(_person).ShouldBeNull();
    }

    [Fact]
    public void Request_to_join_an_open_workspace_is_refused()
    {
        var workspace = Open();

        Should.Throw<DomainRuleException>(() => workspace.RequestToJoin(_person, "Hej", Now)).Code.ShouldBe("membership.request.open-workspace");
    }

    [Fact]
    public void Request_to_join_a_closed_workspace_waits_for_a_lead_with_the_message()
    {
        var workspace = Closed();

        workspace.RequestToJoin(_person, "  Jag vill delta.  ", Now);

        var membership = workspace.MembershipOf(_person)!;
        membership.Status.ShouldBe(MembershipStatus.Requested);
        membership.Message.ShouldBe("Jag vill delta.");
        workspace.IsActiveMember(_person).ShouldBeFalse();
        workspace.DomainEvents.ShouldContain(new MembershipRequested(workspace.Id, _person));
    }

    [Fact]
    public void Second_join_request_is_refused_and_keeps_the_first()
    {
        var workspace = Closed();
        workspace.RequestToJoin(_person, "Första", Now);

        var refusal = Should.Throw<DomainRuleException>(() => workspace.RequestToJoin(_person, "Andra", Now.AddMinutes(1)));

        refusal.Code.ShouldBe("membership.request.already-pending");
        workspace.Memberships.Count(m => m.MemberId == _person).ShouldBe(1);
        workspace.MembershipOf(_person)!.Message.ShouldBe("Första");
        workspace.MembershipOf(_person)!.StatusChangedAt.ShouldBe(Now);
    }

    [Fact]
    public void Request_message_over_the_limit_is_refused_beside_the_message()
    {
        var workspace = Closed();

        var refusal = Should.Throw<DomainRuleException>(() =>
            workspace.RequestToJoin(_person, new string('x', Membership.MessageMaxLength + 1), Now));

        refusal.Code.ShouldBe("membership.message.too-long");
        refusal.Field.ShouldBe("membership.message");
    }

    [Fact]
    public void Approving_a_withdrawn_request_is_refused_and_it_stays_withdrawn()
    {
        var workspace = Closed();
        workspace.RequestToJoin(_person, null, Now);
        workspace.WithdrawRequest(_person, Now);

        var refusal = Should.Throw<DomainRuleException>(() => workspace.ApproveRequest(_person, _lead, Now));

        refusal.Code.ShouldBe("membership.request.not-pending");
        workspace.MembershipOf(_person)!.Status.ShouldBe(MembershipStatus.Withdrawn);
    }

    [Fact]
    public void Approving_a_request_makes_an_active_member_decided_by_the_lead()
    {
        var workspace = Closed();
        workspace.RequestToJoin(_person, null, Now);

        workspace.ApproveRequest(_person, _lead, Now.AddHours(1));

        var membership = workspace.MembershipOf(_person)!;
        membership.Status.ShouldBe(MembershipStatus.Active);
        membership.StatusChangedBy.ShouldBe(_lead);
        membership.JoinedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Declined_requester_may_ask_again_on_the_same_row()
    {
        var workspace = Closed();
        workspace.RequestToJoin(_person, null, Now);
        workspace.DeclineRequest(_person, _lead, "Inte nu", Now);
        workspace.MembershipOf(_person)!.Message.ShouldBe("Inte nu");

        workspace.RequestToJoin(_person, "Nytt försök", Now.AddDays(1));

        workspace.Memberships.Count(m => m.MemberId == _person).ShouldBe(1);
        workspace.MembershipOf(_person)!.Status.ShouldBe(MembershipStatus.Requested);
    }

    [Fact]
    public void Inviting_someone_who_already_asked_activates_them_with_the_invited_role()
    {
        var workspace = Closed();
        workspace.RequestToJoin(_person, null, Now);

        workspace.Invite(_person, MembershipRole.Observer, _lead, Now);

        var membership = workspace.MembershipOf(_person)!;
        membership.Status.ShouldBe(MembershipStatus.Active);
        membership.Role.ShouldBe(MembershipRole.Observer);
    }

    [Fact]
    public void Invitation_waits_for_the_invitee_who_cannot_also_request()
    {
        var workspace = Closed();
        workspace.Invite(_person, MembershipRole.Member, _lead, Now);

        workspace.MembershipOf(_person)!.Status.ShouldBe(MembershipStatus.Invited);
        Should.Throw<DomainRuleException>(() => workspace.RequestToJoin(_person, null, Now)).Code.ShouldBe("membership.request.already-invited");

        workspace.AcceptInvitation(_person, Now);
        workspace.IsActiveMember(_person).ShouldBeTrue();
    }

    [Fact]
    public void Inviting_an_active_member_is_refused()
    {
        var workspace = Open();
        workspace.Join(_person, Now);

        Should.Throw<DomainRuleException>(() => workspace.Invite(_person, MembershipRole.Lead, _lead, Now)).Code.ShouldBe("membership.already-member");
        workspace.MembershipOf(_person)!.Role.ShouldBe(MembershipRole.Member);
    }

    [Fact]
    public void Last_lead_cannot_leave()
    {
        var workspace = Closed();

        Should.Throw<DomainRuleException>(() => workspace.Leave(_lead, Now)).Code.ShouldBe("membership.last-lead");

        workspace.IsLead(_lead).ShouldBeTrue();
    }

    [Theory]
    [InlineData(MembershipRole.Member)]
    [InlineData(MembershipRole.Observer)]
    public void Last_lead_cannot_be_demoted(MembershipRole role)
    {
        var workspace = Closed();

        Should.Throw<DomainRuleException>(() => workspace.ChangeRole(_lead, role, _lead, Now)).Code.ShouldBe("membership.last-lead");

        workspace.IsLead(_lead).ShouldBeTrue();
    }

    [Fact]
    public void Last_lead_cannot_be_removed()
    {
        var workspace = Closed();
        var admin = Guid.NewGuid();

        Should.Throw<DomainRuleException>(() => workspace.Remove(_lead, admin, null, Now)).Code.ShouldBe("membership.last-lead");
    }

    [Fact]
    public void Lead_may_leave_once_another_lead_is_there()
    {
        var workspace = Closed();
        workspace.Invite(_person, MembershipRole.Member, _lead, Now);
        workspace.AcceptInvitation(_person, Now);
        workspace.ChangeRole(_person, MembershipRole.Lead, _lead, Now);

        workspace.Leave(_lead, Now);

        workspace.MembershipOf(_lead)!.Status.ShouldBe(MembershipStatus.Left);
        workspace.IsLead(_person).ShouldBeTrue();
    }

    [Fact]
    public void Leaving_when_not_a_member_is_refused()
    {
        var workspace = Closed();

        Should.Throw<DomainRuleException>(() => workspace.Leave(_person, Now)).Code.ShouldBe("membership.not-member");
    }

    [Fact]
    public void Undefined_role_is_refused()
    {
        var workspace = Closed();

        Should.Throw<DomainRuleException>(() => workspace.Invite(_person, (MembershipRole)99, _lead, Now)).Code.ShouldBe("membership.role.invalid");
        workspace.MembershipOf(_person)?.Status.ShouldNotBe(MembershipStatus.Invited);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_workspace_name_is_refused_beside_the_name(string? name)
    {
        var refusal = Should.Throw<DomainRuleException>(() =>
            Workspace.Create(name!, WorkspaceKind.Team, WorkspaceVisibility.Closed, null));

        refusal.Code.ShouldBe("workspace.name.required");
        refusal.Field.ShouldBe("workspace.name");
    }

    [Fact]
    public void Ten_thousand_character_workspace_name_is_refused_beside_the_name()
    {
        var refusal = Should.Throw<DomainRuleException>(() =>
            Workspace.Create(new string('N', 10_000), WorkspaceKind.Team, WorkspaceVisibility.Closed, null));

        refusal.Code.ShouldBe("workspace.name.too-long");
        refusal.Field.ShouldBe("workspace.name");
    }

    [Fact]
    public void Renaming_to_an_over_long_name_leaves_the_workspace_as_it_was()
    {
        var workspace = Closed();

        Should.Throw<DomainRuleException>(() =>
            workspace.Describe(new string('N', 10_000), WorkspaceKind.Network, WorkspaceVisibility.Open, "Annat"));

        workspace.Name.ShouldBe("NMT");
        workspace.Visibility.ShouldBe(WorkspaceVisibility.Closed);
        workspace.Purpose.ShouldBe("Metodstöd");
    }

    [Fact]
    public void Name_at_the_limit_is_accepted_and_trimmed()
    {
        var name = new string('N', Workspace.NameMaxLength);

        Workspace.Create($"  {name}  ", WorkspaceKind.Team, WorkspaceVisibility.Closed, null).Name.ShouldBe(name);
    }

    [Fact]
    public void Every_change_to_the_memberships_moves_the_workspace_version_and_a_refusal_does_not()
    {
        var workspace = Closed();
        var other = Guid.NewGuid();
        var changes = new (string Name, Action Change)[]
        {
            ("request", () => workspace.RequestToJoin(_person, null, Now)),
            ("approve", () => workspace.ApproveRequest(_person, _lead, Now)),
            ("change role", () => workspace.ChangeRole(_person, MembershipRole.Lead, _lead, Now)),
            ("leave", () => workspace.Leave(_person, Now)),
            ("invite", () => workspace.Invite(other, MembershipRole.Member, _lead, Now)),
            ("cancel invitation", () => workspace.CancelInvitation(other, _lead, Now)),
            ("invite again", () => workspace.Invite(other, MembershipRole.Observer, _lead, Now)),
            ("accept", () => workspace.AcceptInvitation(other, Now)),
            ("remove", () => workspace.Remove(other, _lead, "Byter tjänst", Now)),
            ("request again", () => workspace.RequestToJoin(_person, null, Now)),
            ("decline", () => workspace.DeclineRequest(_person, _lead, null, Now)),
            ("request a third time", () => workspace.RequestToJoin(_person, null, Now)),
            ("withdraw", () => workspace.WithdrawRequest(_person, Now)),
            ("invite the same", () => workspace.Invite(_person, MembershipRole.Member, _lead, Now)),
            ("decline invitation", () => workspace.DeclineInvitation(_person, Now)),
            ("appoint lead", () => workspace.AppointLead(other, _lead, Now)),
            ("describe", () => workspace.Describe("NMT", WorkspaceKind.Team, WorkspaceVisibility.Hidden, null)),
        };
        foreach (var (name, change) in changes)
        {
            var before = workspace.Version;
            change();
            workspace.Version.ShouldBeGreaterThan(before, name);
        }

        var unchanged = workspace.Version;
        Should.Throw<DomainRuleException>(() => workspace.Leave(_person, Now));
        workspace.Version.ShouldBe(unchanged);
    }
}
