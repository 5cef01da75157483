using AngleSharp.Dom;
using Bunit;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Updates;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Discussions;
using Portal.Web.Features.Home;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Workspaces;

namespace Portal.Tests.Web.Discussions;

/// <summary>The workspace thread list, the bell and the home feed follow the event bus by themselves.</summary>
public sealed class LiveBadgesAndFeedsTests : DiscussionPageTestBase
{
    [Fact]
    public async Task Workspace_page_lists_threads_and_the_unread_badge_rises_when_someone_posts()
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        SignInAs(Karin);
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, DemoData.Workspaces.Nmt).Add(x => x.Section, "discussions"));
        IElement Row() => cut.FindAll("[data-testid=thread-row]").Single(r => r.TextContent.Contains(DemoData.Threads.NmtMethodSupport));
        cut.WaitForAssertion(() => Row().QuerySelector("[data-testid=thread-unread]")!.TextContent.Trim().ShouldBe("3"));
        cut.FindAll("[data-testid=thread-row]").ShouldContain(r => r.TextContent.Contains(DemoData.Threads.CrossAuthority));

        await Discussions.PostAsync(Erik, threadId, "Nytt underlag från Migrationsverket har kommit.");

        cut.WaitForAssertion(() => Row().QuerySelector("[data-testid=thread-unread]")!.TextContent.Trim().ShouldBe("4"));
        // The rest of the workspace is a link away in its own navigation (membership in the overview).
        cut.Find("[data-testid=workspace-sections] [data-testid=section-link][data-section='']");
    }

    [Fact]
    public async Task The_thread_list_shows_a_page_at_a_time_and_a_thread_with_new_activity_rises_onto_it()
    {
        await Discussions.StartThreadAsync(Karin, [DemoData.Workspaces.Nmt], "Nyare tråd", [], false, "Hej NMT.");
        await Discussions.StartThreadAsync(Karin, [DemoData.Workspaces.Nmt], "Nyaste tråden", [], false, "Hej igen NMT.");
        var all = await Discussions.ListThreadsAsync(Erik, DemoData.Workspaces.Nmt);
        all.Count.ShouldBeGreaterThanOrEqualTo(3);
        all.ShouldAllBe(t => !t.IsPinned); // by latest activity alone
        SignInAs(Erik);
        var cut = Render<WorkspaceDiscussions>(p => p.Add(x => x.WorkspaceId, DemoData.Workspaces.Nmt).Add(x => x.PageSize, 1));
        IReadOnlyList<string> Titles() => cut.FindAll("[data-testid=thread-row] h3").Select(h => h.TextContent.Trim()).ToList();
        cut.WaitForAssertion(() => Titles().ShouldBe([all[0].Title]));

        cut.Find("[data-testid=more-threads]").Click();
        cut.WaitForAssertion(() => Titles().ShouldBe([all[0].Title, all[1].Title]));
        cut.Find("[data-testid=more-threads]"); // still more below

        // A post in the oldest thread, below what is shown, brings it to the top, live.
        await Discussions.PostAsync(Karin, all[^1].Id, "Ny aktivitet i den äldsta tråden.");
        cut.WaitForAssertion(() => Titles().ShouldBe([all[^1].Title, all[0].Title]));
    }

    [Fact]
    public async Task A_burst_of_posts_leaves_the_list_and_the_badge_at_the_last_count()
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var before = await Discussions.CountUnreadInWorkspaceAsync(Karin, DemoData.Workspaces.Nmt);
        before.ShouldBe((await Discussions.GetUnreadSummaryAsync(Karin)).Workspaces.Single(w => w.WorkspaceId == DemoData.Workspaces.Nmt).UnreadCount);
        var threadBefore = (await Discussions.ListThreadsAsync(Karin, DemoData.Workspaces.Nmt)).Single(t => t.Id == threadId).UnreadCount;
        SignInAs(Karin);
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, DemoData.Workspaces.Nmt).Add(x => x.Section, "discussions"));
        string Badge() => cut.Find("[data-testid=section-link][data-section=discussions] [data-testid=section-badge] [aria-hidden=true]")
            .TextContent.Trim();
        string Unread() => cut.FindAll("[data-testid=thread-row]").Single(r => r.TextContent.Contains(DemoData.Threads.NmtMethodSupport))
            .QuerySelector("[data-testid=thread-unread]")!.TextContent.Trim();
        cut.WaitForAssertion(() => (Badge(), Unread()).ShouldBe((before.ToString(), threadBefore.ToString())));

        // Posts arriving while the views re-load are folded into one more load each: the last count still shows.
        await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Discussions.PostAsync(Erik, threadId, $"Inlägg {i} i en skur.")));

        cut.WaitForAssertion(() => (Badge(), Unread()).ShouldBe(((before + 5).ToString(), (threadBefore + 5).ToString())));
    }

    [Fact]
    public async Task Home_shows_unread_posts_per_workspace_and_the_count_rises_when_someone_posts()
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var before = (await Discussions.GetUnreadSummaryAsync(Karin)).Workspaces.Single(w => w.WorkspaceId == DemoData.Workspaces.Nmt).UnreadCount;
        before.ShouldBeGreaterThan(0);
        SignInAs(Karin);
        var cut = Render<Home>();
        IElement Nmt() => cut.FindAll("[data-testid=my-workspace]").Single(r => r.TextContent.Contains("NMT"));
        cut.WaitForAssertion(() => Nmt().QuerySelector("[data-testid=workspace-unread]")!.TextContent.Trim().ShouldBe(before.ToString()));

        await Discussions.PostAsync(Erik, threadId, "Ett nytt inlägg till NMT.");

        cut.WaitForAssertion(() => Nmt().QuerySelector("[data-testid=workspace-unread]")!.TextContent.Trim().ShouldBe((before + 1).ToString()));
    }

    [Fact]
    public async Task A_pinned_thread_moves_to_the_top_and_the_child_flag_shows_in_the_list()
    {
        var childThread = await ThreadAsync(DemoData.Threads.ChildConcerned);
        SignInAs(Erik);
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, DemoData.Workspaces.RegionalCoordinators).Add(x => x.Section, "discussions"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=thread-row]").ShouldNotBeEmpty());
        var row = cut.FindAll("[data-testid=thread-row]").Single(r => r.TextContent.Contains(DemoData.Threads.ChildConcerned));
        row.QuerySelector("[data-testid=child-flag]")!.TextContent.ShouldContain("Barn berörs");
        row.QuerySelector("[data-testid=form-chip]")!.TextContent.ShouldContain("Kriminella handlingar");

        await Discussions.StartThreadAsync(Erik, [DemoData.Workspaces.RegionalCoordinators], "Senare tråd", [], false, "Hej nätverket.");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=thread-row]")[0].TextContent.ShouldContain("Senare tråd"));
        await Discussions.PinThreadAsync(Erik, childThread, true);

        cut.WaitForAssertion(() =>
        {
            var first = cut.FindAll("[data-testid=thread-row]")[0];
            first.TextContent.ShouldContain(DemoData.Threads.ChildConcerned);
            first.QuerySelector("[data-testid=thread-pinned]").ShouldNotBeNull();
        });
    }

    [Fact]
    public async Task The_bell_count_rises_when_the_signed_in_member_is_mentioned()
    {
        var threadId = await ThreadAsync(DemoData.Threads.CrossAuthority);
        var notifications = Database.Get<NotificationService>();
        var before = await notifications.UnreadCountAsync(Karin);
        SignInAs(Karin);
        var cut = Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=notification-count]").Select(e => e.TextContent).ShouldBe(before == 0 ? [] : [before.ToString()]));

        await Discussions.PostAsync(Erik, threadId, $"{Mention("Karin Holm", Karin)} kan du titta på telefonnumren?");

        cut.WaitForAssertion(() => cut.Find("[data-testid=notification-count]").TextContent.ShouldBe((before + 1).ToString()));
        (await notifications.ListAsync(Karin, unreadOnly: true)).ShouldContain(n => n.Kind == DiscussionNotificationKinds.Mention);
    }

    [Fact]
    public async Task Home_feed_shows_pinned_updates_first_and_a_new_update_appears_by_itself()
    {
        SignInAs(Karin);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=update]").Count.ShouldBe(2));
        var updates = cut.FindAll("[data-testid=update]");
        updates[0].GetAttribute("data-pinned").ShouldBe("true");
        updates[0].TextContent.ShouldContain("NMT-mötet flyttas till torsdag");
        updates[1].TextContent.ShouldContain("Ny kontaktperson på NOA");

        await Database.Get<UpdateService>().PostUpdateAsync(DemoData.IdFor("member:johan.berg"), DemoData.Workspaces.Nmt,
            "Åklagarkammaren har ny jourtelefon.", null);

        cut.WaitForAssertion(() =>
        {
            var live = cut.FindAll("[data-testid=update]");
            live.Count.ShouldBe(3);
            live[0].GetAttribute("data-pinned").ShouldBe("true");
            live[1].TextContent.ShouldContain("Åklagarkammaren har ny jourtelefon.");
        });
    }
}
