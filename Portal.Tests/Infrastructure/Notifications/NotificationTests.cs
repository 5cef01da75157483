using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Subjects;
using Portal.Tests.Infrastructure.Discussions;

namespace Portal.Tests.Infrastructure.Notifications;

/// <summary>Notifications about any subject: membership news, the bell grouped by subject,
/// preferences and mutes, and access checked both when written and when read.</summary>
public abstract class NotificationTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Ola = DemoData.Personas.RegionalCoordinator; // not in NMT
    private static readonly Guid Maria = Member("maria.ek");
    private static readonly Guid Nmt = DemoData.Workspaces.Nmt;

    private NotificationService Notifications => Database.Get<NotificationService>();
    private NotificationPreferenceService Preferences => Database.Get<NotificationPreferenceService>();
    private WorkspaceService Workspaces => Database.Get<WorkspaceService>();

    [Fact]
    public async Task Join_request_reaches_the_leads_only_and_the_decline_reaches_the_requester_with_its_reason()
    {
        await Workspaces.RequestToJoinAsync(Ola, Nmt, "Jag samordnar i region Syd.");

        var toLead = (await Notifications.ListAsync(Erik)).ShouldHaveSingleItem();
        toLead.ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(MembershipNotificationKinds.Requested),
            n => n.Subject.ShouldBe(WorkspaceSubjectKind.Of(Nmt)),
            n => n.SubjectLink.ShouldBe($"/workspaces/{Nmt}"),
            n => n.Actor!.MemberId.ShouldBe(Ola),
            n => n.Text.ShouldBe("Jag samordnar i region Syd."));
        (await Notifications.ListAsync(Karin)).ShouldBeEmpty(); // a member, not a lead

        await Workspaces.DeclineRequestAsync(Erik, Nmt, Ola, "Teamet är fullt just nu.");

        var toRequester = (await Notifications.ListAsync(Ola)).ShouldHaveSingleItem();
        toRequester.Kind.ShouldBe(MembershipNotificationKinds.Declined);
        toRequester.Text.ShouldBe("Teamet är fullt just nu.");
        toRequester.Actor!.MemberId.ShouldBe(Erik);
    }

    [Fact]
    public async Task Approval_invitation_and_removal_reach_the_member()
    {
        await Workspaces.RequestToJoinAsync(Ola, Nmt, null);
        await Workspaces.ApproveRequestAsync(Erik, Nmt, Ola);
        (await Notifications.ListAsync(Ola)).ShouldHaveSingleItem().Kind.ShouldBe(MembershipNotificationKinds.Approved);

        await Workspaces.RemoveMemberAsync(Erik, Nmt, Ola, "Uppdraget är avslutat.");
        (await Notifications.ListAsync(Ola)).First().ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(MembershipNotificationKinds.Removed),
            n => n.Text.ShouldBe("Uppdraget är avslutat."));

        await Workspaces.InviteAsync(Erik, Nmt, Ola, Portal.Domain.Workspaces.MembershipRole.Member);
        (await Notifications.ListAsync(Ola)).First().Kind.ShouldBe(MembershipNotificationKinds.Invited);
        (await Notifications.UnreadCountAsync(Ola)).ShouldBe(3);
    }

    [Fact]
    public async Task Bell_groups_by_subject_with_the_newest_wording_and_the_unread_count_and_reads_per_subject()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} första");
        var newest = await Discussions.PostAsync(Erik, thread, $"{Mention("Maria Ek", Maria)} andra");
        var other = await Discussions.StartThreadAsync(Erik, [Nmt], "Annan tråd", [], false, $"{Mention("Maria Ek", Maria)} tredje");

        var groups = await Notifications.ListGroupedAsync(Maria);

        groups.Select(g => g.Subject).ShouldBe([ThreadSubjectKind.Of(other.ThreadId), ThreadSubjectKind.Of(thread)]);
        var methodSupport = groups[1];
        methodSupport.UnreadCount.ShouldBe(2);
        methodSupport.Newest.PartId.ShouldBe(newest.PostId);
        methodSupport.Newest.Actor!.MemberId.ShouldBe(Erik);
        methodSupport.Newest.SubjectLink.ShouldBe($"/threads/{thread}");

        await Notifications.MarkSubjectReadAsync(Maria, ThreadSubjectKind.Of(thread));

        (await Notifications.UnreadCountAsync(Maria)).ShouldBe(1);
        (await Notifications.ListGroupedAsync(Maria)).Single(g => g.Subject.Id == thread).UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task Bell_leaves_out_and_does_not_count_subjects_the_member_can_no_longer_see()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} hej");
        (await Notifications.ListGroupedAsync(Maria)).ShouldContain(g => g.Subject.Id == thread);

        await Workspaces.LeaveAsync(Maria, Nmt);

        (await Notifications.ListGroupedAsync(Maria)).ShouldNotContain(g => g.Subject.Id == thread);
        (await Notifications.UnreadCountAsync(Maria)).ShouldBe(0);
    }

    [Fact]
    public async Task Bell_off_for_a_kind_writes_no_row_and_the_default_comes_back_when_chosen_again()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Preferences.SetAsync(Maria, DiscussionNotificationKinds.Mention, inPortal: false, EmailFrequency.Never);

        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} tyst");
        (await Notifications.ListAsync(Maria)).ShouldBeEmpty();
        (await Preferences.ListAsync(Maria)).Single(p => p.Kind == DiscussionNotificationKinds.Mention)
            .ShouldBe(new NotificationPreferenceView(DiscussionNotificationKinds.Mention, false, EmailFrequency.Never, true, IsDefault: false));

        await Preferences.SetAsync(Maria, DiscussionNotificationKinds.Mention, inPortal: true, EmailFrequency.Never);
        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} hörs");
        (await Notifications.ListAsync(Maria)).ShouldHaveSingleItem().Kind.ShouldBe(DiscussionNotificationKinds.Mention);
    }

    [Fact]
    public async Task Preference_for_a_kind_that_does_not_exist_is_refused()
    {
        var refused = await Should.ThrowAsync<DomainRuleException>(() => Preferences.SetAsync(Maria, "discussion.gossip", true, EmailFrequency.Immediately));

        refused.Code.ShouldBe("notification.kind.unknown");
        (await Preferences.ListAsync(Maria)).ShouldNotContain(p => p.Kind == "discussion.gossip");
    }

    [Fact]
    public async Task Muting_a_thread_silences_it_and_unmuting_lets_it_through_again()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Preferences.SetMutedAsync(Maria, ThreadSubjectKind.Of(thread), muted: true);
        (await Preferences.IsMutedAsync(Maria, ThreadSubjectKind.Of(thread))).ShouldBeTrue();

        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} tyst");
        (await Notifications.ListAsync(Maria)).ShouldBeEmpty();

        await Preferences.SetMutedAsync(Maria, ThreadSubjectKind.Of(thread), muted: false);
        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} hörs");
        (await Notifications.ListAsync(Maria)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Muting_a_workspace_silences_its_threads_but_not_membership_decisions()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Preferences.SetMutedAsync(Maria, WorkspaceSubjectKind.Of(Nmt), muted: true);

        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} tyst");
        (await Notifications.ListAsync(Maria)).ShouldBeEmpty();

        await Workspaces.RemoveMemberAsync(Erik, Nmt, Maria, "Omorganisation");
        await Workspaces.InviteAsync(Erik, Nmt, Maria, Portal.Domain.Workspaces.MembershipRole.Member);
        (await Notifications.ListAsync(Maria)).Select(n => n.Kind).ShouldContain(MembershipNotificationKinds.Invited);
    }

    [Fact]
    public async Task A_subject_the_member_cannot_see_cannot_be_muted()
    {
        var hidden = WorkspaceSubjectKind.Of(DemoData.Workspaces.SteeringGroup);

        await Should.ThrowAsync<NotFoundException>(() => Preferences.SetMutedAsync(Ola, hidden, muted: true));
    }
}

public sealed class SqliteNotificationTests() : NotificationTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresNotificationTests() : NotificationTests(DatabaseProvider.Postgres);
