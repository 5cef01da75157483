using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Discussions;

/// <summary>Security finding 7: a workspace is mentioned as a whole only where the thread is shared
/// with it and only by a contributor of it; other workspace mentions stay text and notify no one.</summary>
public abstract class WorkspaceMentionTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Maria = Member("maria.ek");
    private static readonly Guid Anna = DemoData.Personas.Administrator; // leads the information network, observes NMT
    private static readonly Guid Fatima = DemoData.Personas.NgoMember; // member of the information network only
    private static readonly Guid Marco = Member("marco.rossi"); // member of the information network only

    private static readonly Guid[] NmtMembersOutsideTheNetwork = [Erik, Karin, Maria, Member("johan.berg"), Member("sara.nilsson")];

    private NotificationService Notifications => Database.Get<NotificationService>();

    private static string AtNmt => $"@[NMT](workspace:{DemoData.Workspaces.Nmt:D})";

    private static string AtNetwork => $"@[Informationsnätverket](workspace:{DemoData.Workspaces.InformationNetwork:D})";

    private async Task<bool> HasMentionAsync(Guid member) =>
        (await Notifications.ListAsync(member)).Any(n => n.Kind == DiscussionNotificationKinds.Mention);

    private async Task<bool> FollowsAsync(Guid member, Guid thread)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return db.ThreadFollows.Any(f => f.MemberId == member && f.ThreadId == thread);
    }

    [Fact]
    public async Task Mentioning_NMT_from_the_open_network_notifies_nobody_in_NMT_and_makes_nobody_follow()
    {
        var thread = await ThreadAsync(DemoData.Threads.OpenNetwork, Fatima);

        var posted = await Discussions.PostAsync(Fatima, thread, $"Vet {AtNmt} något om detta?");
        await Discussions.EditPostAsync(Fatima, posted.PostId, $"Vet {AtNmt} något om detta? (ändrat)");

        foreach (var member in NmtMembersOutsideTheNetwork)
        {
            (await HasMentionAsync(member)).ShouldBeFalse();
            (await FollowsAsync(member, thread)).ShouldBeFalse();
        }
        // The text stays as written.
        (await Discussions.GetThreadAsync(Fatima, thread)).Posts.Last().Post.Markdown!.ShouldContain(AtNmt);
        // The picker is not offered NMT there.
        (await Discussions.GetThreadAsync(Fatima, thread)).MentionableWorkspaceIds.ShouldBe([DemoData.Workspaces.InformationNetwork]);
    }

    [Fact]
    public async Task Mentioning_NMT_in_an_NMT_thread_by_an_NMT_member_still_notifies_its_members()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        await Discussions.PostAsync(Karin, thread, $"Till hela {AtNmt}: möte i morgon.");

        (await HasMentionAsync(Maria)).ShouldBeTrue();
        (await FollowsAsync(Maria, thread)).ShouldBeTrue();
        (await HasMentionAsync(Erik)).ShouldBeTrue();
        (await HasMentionAsync(Karin)).ShouldBeFalse(); // not the author
        (await Discussions.GetThreadAsync(Karin, thread)).MentionableWorkspaceIds.ShouldBe([DemoData.Workspaces.Nmt]);
    }

    [Fact]
    public async Task An_observers_workspace_mention_notifies_no_one_as_a_whole()
    {
        // Erik joins the open network so that he may start a thread shared by NMT and the network;
        // Anna contributes there as the network's lead but only observes NMT.
        await Database.Get<WorkspaceService>().JoinAsync(Erik, DemoData.Workspaces.InformationNetwork);
        var started = await Discussions.StartThreadAsync(Erik, [DemoData.Workspaces.Nmt, DemoData.Workspaces.InformationNetwork],
            "Gemensam tråd", [], false, "Hej båda");
        (await Discussions.GetThreadAsync(Anna, started.ThreadId)).MentionableWorkspaceIds
            .ShouldBe([DemoData.Workspaces.InformationNetwork]);

        await Discussions.PostAsync(Anna, started.ThreadId, $"Till {AtNmt}: läs detta.");

        foreach (var member in new[] { Karin, Maria })
        {
            (await HasMentionAsync(member)).ShouldBeFalse();
            (await FollowsAsync(member, started.ThreadId)).ShouldBeFalse();
        }

        // The network she leads she may address as a whole.
        await Discussions.PostAsync(Anna, started.ThreadId, $"Och till {AtNetwork}.");
        (await HasMentionAsync(Marco)).ShouldBeTrue();
        (await HasMentionAsync(Karin)).ShouldBeFalse();
    }
}

public sealed class SqliteWorkspaceMentionTests() : WorkspaceMentionTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresWorkspaceMentionTests() : WorkspaceMentionTests(DatabaseProvider.Postgres);
