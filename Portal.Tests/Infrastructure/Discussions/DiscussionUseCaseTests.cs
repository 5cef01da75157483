using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Discussions;

public abstract class DiscussionUseCaseTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = Member("johan.berg");
    private static readonly Guid Maria = Member("maria.ek");
    private static readonly Guid Anna = DemoData.Personas.Administrator; // observer in NMT

    private NotificationService Notifications => Database.Get<NotificationService>();

    private Task<Guid> NmtThreadAsync() => ThreadAsync(DemoData.Threads.NmtMethodSupport);

    [Fact]
    public async Task Post_takes_the_next_sequence_and_publishes_thread_activity_after_save()
    {
        var events = new ConcurrentQueue<ThreadActivity>();
        using var subscription = Database.Get<IEventBus>().Subscribe<ThreadActivity>(e => { events.Enqueue(e); return Task.CompletedTask; });
        var thread = await NmtThreadAsync();
        var before = (await Discussions.GetThreadAsync(Karin, thread)).Thread.LastSequence;

        var posted = await Discussions.PostAsync(Karin, thread, "Uppdatering: **ny** information.");

        posted.Sequence.ShouldBe(before + 1);
        var activity = events.ShouldHaveSingleItem();
        activity.ShouldBe(activity with { ThreadId = thread, Sequence = before + 1, Kind = ThreadActivityKind.PostAdded, PostId = posted.PostId, ActorId = Karin });
        activity.WorkspaceIds.ShouldBe([DemoData.Workspaces.Nmt]);
        var details = await Discussions.GetThreadAsync(Johan, thread);
        details.Posts.Last().Post.Html.ShouldBe("<p>Uppdatering: <strong>ny</strong> information.</p>");
    }

    [Fact]
    public async Task GetChangesSince_returns_exactly_what_changed_after_the_sequence_in_order()
    {
        var thread = await NmtThreadAsync();
        var start = (await Discussions.GetThreadAsync(Karin, thread)).Thread.LastSequence;
        var a = await Discussions.PostAsync(Karin, thread, "A");
        var b = await Discussions.PostAsync(Johan, thread, "B");
        await Discussions.EditPostAsync(Karin, a.PostId, "A2");
        await Discussions.ReactAsync(Karin, b.PostId, "👍");
        await Discussions.DeletePostAsync(Karin, a.PostId);

        var all = await Discussions.GetChangesSinceAsync(Erik, thread, start);
        all.LastSequence.ShouldBe(start + 5);
        all.ChangedPosts.Select(p => (p.Id, p.ChangeSequence)).ShouldBe([(b.PostId, start + 4), (a.PostId, start + 5)]);
        all.ChangedPosts[0].Reactions.Select(r => (r.Reaction, r.Count, r.Mine)).ShouldBe([("👍", 1, false)]);
        all.ChangedPosts[0].Reactions[0].ReactedBy.ShouldBe(["Karin Holm"]);
        all.ChangedPosts[1].State.ShouldBe(PostState.Deleted);
        all.ChangedPosts[1].Html.ShouldBeNull();

        (await Discussions.GetChangesSinceAsync(Erik, thread, start + 4)).ChangedPosts.Select(p => p.Id).ShouldBe([a.PostId]);
        (await Discussions.GetChangesSinceAsync(Erik, thread, start + 5)).ChangedPosts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_posts_get_strictly_increasing_unique_sequences()
    {
        var thread = await NmtThreadAsync();
        var start = (await Discussions.GetThreadAsync(Karin, thread)).Thread.LastSequence;
        Guid[] authors = [Erik, Karin, Johan, Maria, Member("sara.nilsson"), Member("mats.olsson")];

        var posted = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => Discussions.PostAsync(authors[i % authors.Length], thread, $"Samtidigt inlägg {i}"))));

        posted.Select(p => p.Sequence).Order().ShouldBe(Enumerable.Range(1, 12).Select(i => start + i));
        var changes = await Discussions.GetChangesSinceAsync(Erik, thread, start);
        changes.LastSequence.ShouldBe(start + 12);
        changes.ChangedPosts.Select(p => p.Sequence).ShouldBe(Enumerable.Range(1, 12).Select(i => start + i));
    }

    [Fact]
    public async Task Eleventh_post_within_a_minute_is_rate_limited_and_nothing_is_saved()
    {
        var thread = await NmtThreadAsync();
        for (var i = 0; i < 10; i++)
            await Discussions.PostAsync(Karin, thread, $"Inlägg {i}");
        var last = (await Discussions.GetThreadAsync(Karin, thread)).Thread.LastSequence;

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Karin, thread, "Ett till"));

        refusal.Code.ShouldBe("post.rate-limited");
        (await Discussions.GetThreadAsync(Karin, thread)).Thread.LastSequence.ShouldBe(last);
        (await Discussions.PostAsync(Johan, thread, "Någon annan får skriva")).Sequence.ShouldBe(last + 1);
    }

    [Fact]
    public async Task Mention_notifies_and_makes_the_mentioned_reader_follow_but_not_an_outsider()
    {
        var thread = await NmtThreadAsync();
        var ola = DemoData.Personas.RegionalCoordinator; // not in NMT
        (await Discussions.GetThreadAsync(Maria, thread)).IsFollowing.ShouldBeFalse();

        var posted = await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} och {Mention("Ola Svensson", ola)}, vad tror ni?");

        var maria = await Notifications.ListAsync(Maria);
        maria.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(DiscussionNotificationKinds.Mention),
            n => n.PartId.ShouldBe(posted.PostId),
            n => n.Actor!.MemberId.ShouldBe(Karin),
            n => n.SubjectTitle.ShouldBe(DemoData.Threads.NmtMethodSupport));
        (await Discussions.GetThreadAsync(Maria, thread)).IsFollowing.ShouldBeTrue();
        (await Notifications.ListAsync(ola)).ShouldBeEmpty();
        var html = (await Discussions.GetThreadAsync(Maria, thread)).Posts.Single(p => p.Post.Id == posted.PostId).Post.Html!;
        html.ShouldContain($"href=\"/directory/people/{Maria:D}\"");
    }

    [Fact]
    public async Task Reading_a_thread_up_to_a_post_reads_the_notifications_about_it_and_says_so()
    {
        var thread = await NmtThreadAsync();
        var first = await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} första frågan");
        var second = await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} andra frågan");
        (await Notifications.UnreadCountAsync(Maria)).ShouldBe(2);
        var read = new List<Portal.Domain.Discussions.NotificationRead>();
        using var subscription = Database.Get<Portal.Infrastructure.Events.IEventBus>()
            .Subscribe<Portal.Domain.Discussions.NotificationRead>(e => { lock (read) read.Add(e); return Task.CompletedTask; });

        await Discussions.MarkReadAsync(Maria, thread, first.Sequence);

        var left = (await Notifications.ListAsync(Maria)).Where(n => n.ReadAt is null).ToList();
        left.ShouldHaveSingleItem().PartId.ShouldBe(second.PostId);
        lock (read)
            read.ShouldHaveSingleItem().MemberId.ShouldBe(Maria);
    }

    [Fact]
    public async Task Workspace_mention_notifies_its_members_who_may_read_the_thread()
    {
        var thread = await NmtThreadAsync();
        await Discussions.PostAsync(Erik, thread, $"Till hela @[NMT](workspace:{DemoData.Workspaces.Nmt:D}): möte i morgon.");

        (await Notifications.ListAsync(Maria)).ShouldContain(n => n.Kind == DiscussionNotificationKinds.Mention);
        (await Notifications.ListAsync(Anna)).ShouldContain(n => n.Kind == DiscussionNotificationKinds.Mention); // observers read
        (await Notifications.ListAsync(Erik)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reply_notifies_the_replied_author_and_followers_once_each()
    {
        var thread = await NmtThreadAsync();
        var karinsPost = await Discussions.PostAsync(Karin, thread, "Fråga om rubricering");
        var unreadBefore = await Notifications.UnreadCountAsync(Karin);

        await Discussions.PostAsync(Maria, thread, "Svar från socialtjänsten", karinsPost.PostId);

        (await Notifications.ListAsync(Karin)).First().Kind.ShouldBe(DiscussionNotificationKinds.Reply);
        (await Notifications.UnreadCountAsync(Karin)).ShouldBe(unreadBefore + 1);
        // Erik follows the seeded thread (he posted in it).
        (await Notifications.ListAsync(Erik)).First().Kind.ShouldBe(DiscussionNotificationKinds.FollowedPost);
        await Notifications.MarkAllReadAsync(Karin);
        (await Notifications.UnreadCountAsync(Karin)).ShouldBe(0);
    }

    [Fact]
    public async Task Reply_to_a_reply_attaches_to_the_top_level_post()
    {
        var thread = await NmtThreadAsync();
        var top = await Discussions.PostAsync(Karin, thread, "Topp");
        var reply = await Discussions.PostAsync(Johan, thread, "Svar", top.PostId);
        var replyToReply = await Discussions.PostAsync(Maria, thread, "Svar på svar", reply.PostId);

        var details = await Discussions.GetThreadAsync(Karin, thread);
        var node = details.Posts.Single(p => p.Post.Id == top.PostId);
        node.Replies.Select(r => r.Id).ShouldBe([reply.PostId, replyToReply.PostId]);
        details.Posts.ShouldNotContain(p => p.Post.Id == reply.PostId);
    }

    [Fact]
    public async Task Bad_posts_are_refused_with_clear_codes()
    {
        var thread = await NmtThreadAsync();
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Karin, thread, "  "))).Code.ShouldBe("post.body.required");
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Karin, thread, new string('x', 20_001)))).Code.ShouldBe("post.body.too-long");
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Anna, thread, "Observatören skriver"))).Code.ShouldBe("post.observer");

        var mine = await Discussions.PostAsync(Karin, thread, "Raderas snart");
        await Discussions.DeletePostAsync(Karin, mine.PostId);
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Johan, thread, "Svar", mine.PostId))).Code.ShouldBe("post.reply.parent-gone");
    }

    [Fact]
    public async Task Locked_thread_refuses_posts_and_only_leads_lock()
    {
        var thread = await NmtThreadAsync();
        await Should.ThrowAsync<AccessDeniedException>(() => Discussions.LockThreadAsync(Karin, thread, true));
        await Discussions.LockThreadAsync(Erik, thread, true);

        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Karin, thread, "Hallå?"))).Code.ShouldBe("thread.locked");
        var details = await Discussions.GetThreadAsync(Karin, thread);
        details.CanPost.ShouldBeFalse();
        details.CannotPostReason.ShouldBe("thread.locked");
        details.Thread.IsLocked.ShouldBeTrue();
    }

    [Fact]
    public async Task Posting_after_leaving_the_workspace_says_so_and_the_thread_is_gone()
    {
        var thread = await NmtThreadAsync();
        await Database.Get<WorkspaceService>().LeaveAsync(Maria, DemoData.Workspaces.Nmt);

        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Maria, thread, "Jag är kvar?"))).Code.ShouldBe("post.left-workspace");
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetThreadAsync(Maria, thread));
    }

    [Fact]
    public async Task Edit_history_is_for_leads_and_removal_needs_a_reason()
    {
        var thread = await NmtThreadAsync();
        var post = await Discussions.PostAsync(Johan, thread, "Första versionen");
        await Discussions.EditPostAsync(Johan, post.PostId, "Andra versionen");
        await Should.ThrowAsync<DomainRuleException>(() => Discussions.EditPostAsync(Karin, post.PostId, "Kapning"));

        var history = await Discussions.GetPostHistoryAsync(Erik, post.PostId);
        history.CurrentMarkdown.ShouldBe("Andra versionen");
        history.Revisions.ShouldHaveSingleItem().Markdown.ShouldBe("Första versionen");
        await Should.ThrowAsync<AccessDeniedException>(() => Discussions.GetPostHistoryAsync(Karin, post.PostId));

        await Should.ThrowAsync<AccessDeniedException>(() => Discussions.RemovePostAsync(Karin, post.PostId, "Fel"));
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.RemovePostAsync(Erik, post.PostId, ""))).Code.ShouldBe("post.removal.reason.required");
        await Discussions.RemovePostAsync(Erik, post.PostId, "Innehöll personuppgifter");

        var view = (await Discussions.GetThreadAsync(Karin, thread)).Posts.Single(p => p.Post.Id == post.PostId).Post;
        view.State.ShouldBe(PostState.Removed);
        view.RemovalReason.ShouldBe("Innehöll personuppgifter");
        view.Html.ShouldBeNull();
        view.Markdown.ShouldBeNull();
    }

    [Fact]
    public async Task Reaction_toggles_and_shows_mine()
    {
        var thread = await NmtThreadAsync();
        var post = await Discussions.PostAsync(Karin, thread, "Bra jobbat!");
        (await Discussions.ReactAsync(Johan, post.PostId, "🎉")).ShouldBeTrue();
        (await Discussions.ReactAsync(Maria, post.PostId, "🎉")).ShouldBeTrue();
        (await Discussions.ReactAsync(Maria, post.PostId, "🎉")).ShouldBeFalse();

        var view = (await Discussions.GetThreadAsync(Johan, thread)).Posts.Single(p => p.Post.Id == post.PostId).Post;
        view.Reactions.Select(r => (r.Reaction, r.Count, r.Mine)).ShouldBe([("🎉", 1, true)]);
        view.Reactions[0].ReactedBy.ShouldBe(["Johan Berg"]);
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.ReactAsync(Johan, post.PostId, "💩"))).Code.ShouldBe("post.reaction.unknown");
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.ReactAsync(Anna, post.PostId, "👍"))).Code.ShouldBe("post.observer");
    }

    [Fact]
    public async Task Unread_counts_follow_reading_per_thread_and_workspace()
    {
        var thread = await NmtThreadAsync();
        var read = (await Discussions.GetThreadAsync(Maria, thread)).Thread.LastSequence;
        await Discussions.MarkReadAsync(Maria, thread, read);
        (await Discussions.GetThreadAsync(Maria, thread)).Thread.UnreadCount.ShouldBe(0);

        var first = await Discussions.PostAsync(Karin, thread, "Nytt 1");
        await Discussions.PostAsync(Johan, thread, "Nytt 2");
        await Discussions.PostAsync(Maria, thread, "Mitt eget räknas inte");

        var details = await Discussions.GetThreadAsync(Maria, thread);
        details.Thread.UnreadCount.ShouldBe(2);
        details.FirstUnreadPostId.ShouldBe(first.PostId);
        details.MyLastReadSequence.ShouldBe(read);
        (await Discussions.ListThreadsAsync(Maria, DemoData.Workspaces.Nmt)).Single(t => t.Id == thread).UnreadCount.ShouldBe(2);
        var summary = await Discussions.GetUnreadSummaryAsync(Maria);
        summary.Threads.Single(t => t.ThreadId == thread).UnreadCount.ShouldBe(2);
        summary.Workspaces.Single(w => w.WorkspaceId == DemoData.Workspaces.Nmt).UnreadCount.ShouldBeGreaterThanOrEqualTo(2);

        await Discussions.MarkReadAsync(Maria, thread, long.MaxValue);
        (await Discussions.GetThreadAsync(Maria, thread)).Thread.UnreadCount.ShouldBe(0);
        await Discussions.MarkReadAsync(Maria, thread, 1); // never backwards
        (await Discussions.GetThreadAsync(Maria, thread)).Thread.UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task Unread_counts_skip_own_and_gone_posts_and_threads_read_up_to_date()
    {
        var thread = await NmtThreadAsync();
        await Discussions.MarkReadAsync(Maria, thread, long.MaxValue);
        var others = await Discussions.CountUnreadInWorkspaceAsync(Maria, DemoData.Workspaces.Nmt);

        var a = await Discussions.PostAsync(Karin, thread, "Nytt A");
        var b = await Discussions.PostAsync(Johan, thread, "Nytt B");
        await Discussions.PostAsync(Maria, thread, "Mitt eget");
        await Discussions.DeletePostAsync(Karin, a.PostId);
        // An edit moves the thread's last sequence on without adding a post.
        await Discussions.EditPostAsync(Johan, b.PostId, "Nytt B, rättat");

        (await Discussions.ListThreadsAsync(Maria, DemoData.Workspaces.Nmt)).Single(t => t.Id == thread).UnreadCount.ShouldBe(1);
        (await Discussions.CountUnreadInWorkspaceAsync(Maria, DemoData.Workspaces.Nmt)).ShouldBe(others + 1);
        (await Discussions.GetUnreadSummaryAsync(Maria)).Workspaces.Single(w => w.WorkspaceId == DemoData.Workspaces.Nmt).UnreadCount
            .ShouldBe(others + 1);

        await Discussions.MarkReadAsync(Maria, thread, long.MaxValue);
        (await Discussions.ListThreadsAsync(Maria, DemoData.Workspaces.Nmt)).Single(t => t.Id == thread).UnreadCount.ShouldBe(0);
        (await Discussions.CountUnreadInWorkspaceAsync(Maria, DemoData.Workspaces.Nmt)).ShouldBe(others);
        // A workspace the member may not read counts nothing (and says nothing about it).
        (await Discussions.CountUnreadInWorkspaceAsync(Maria, DemoData.Workspaces.SteeringGroup)).ShouldBe(0);
    }

    [Fact]
    public async Task A_page_of_the_thread_list_is_its_first_threads_and_says_whether_there_are_more()
    {
        await Discussions.StartThreadAsync(Karin, [DemoData.Workspaces.Nmt], "Tråd ett", [], false, "Ett");
        await Discussions.StartThreadAsync(Karin, [DemoData.Workspaces.Nmt], "Tråd två", [], false, "Två");
        await Discussions.PinThreadAsync(Erik, await NmtThreadAsync(), true);
        var all = await Discussions.ListThreadsAsync(Johan, DemoData.Workspaces.Nmt);
        all.Count.ShouldBeGreaterThanOrEqualTo(3);

        var first = await Discussions.ListThreadsPageAsync(Johan, DemoData.Workspaces.Nmt, 2);
        first.Threads.Select(t => t.Id).ShouldBe(all.Take(2).Select(t => t.Id));
        first.Threads[0].IsPinned.ShouldBeTrue();
        first.HasMore.ShouldBeTrue();
        var whole = await Discussions.ListThreadsPageAsync(Johan, DemoData.Workspaces.Nmt, all.Count);
        whole.Threads.Select(t => t.Id).ShouldBe(all.Select(t => t.Id));
        whole.HasMore.ShouldBeFalse();
        await Should.ThrowAsync<NotFoundException>(() => Discussions.ListThreadsPageAsync(DemoData.Personas.NgoMember, DemoData.Workspaces.Nmt, 2));
    }

    [Fact]
    public async Task Threads_list_pinned_first_with_child_flag_and_forms()
    {
        var started = await Discussions.StartThreadAsync(Karin, [DemoData.Workspaces.Nmt], "Ny tråd om barn",
            [Portal.Domain.Directory.ExploitationForm.Begging], childConcerned: true, "Första inlägget");
        var seeded = await NmtThreadAsync();
        await Discussions.PinThreadAsync(Erik, seeded, true);

        var list = await Discussions.ListThreadsAsync(Johan, DemoData.Workspaces.Nmt);

        list[0].Id.ShouldBe(seeded);
        list[0].IsPinned.ShouldBeTrue();
        var mine = list.Single(t => t.Id == started.ThreadId);
        mine.ChildConcerned.ShouldBeTrue();
        mine.ExploitationForms.ShouldBe([Portal.Domain.Directory.ExploitationForm.Begging]);
        mine.Workspaces.ShouldBe([new WorkspaceRef(DemoData.Workspaces.Nmt, "NMT – Nationellt metodstödsteam")]);
        list[1].ShouldBe(mine); // newest after the pinned one
    }

    [Fact]
    public async Task Starting_a_cross_authority_thread_needs_standing_in_every_workspace()
    {
        // Erik leads NMT and is a member of LAMP: he contributes in both.
        var started = await Discussions.StartThreadAsync(Erik, [DemoData.Workspaces.Nmt, DemoData.Workspaces.Lamp], "Gemensam lägesbild",
            [], false, "Hej båda nätverken");
        (await Discussions.GetThreadAsync(Member("eva.nystrom"), started.ThreadId)).Thread.Workspaces.Count.ShouldBe(2);

        // Karin is in NMT only: she may not post into LAMP, and a hidden workspace is "not found".
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.StartThreadAsync(Karin,
            [DemoData.Workspaces.Nmt, DemoData.Workspaces.Lamp], "Försök", [], false, "Text"))).Code.ShouldBe("post.not-member");
        await Should.ThrowAsync<NotFoundException>(() => Discussions.StartThreadAsync(Karin,
            [DemoData.Workspaces.Nmt, DemoData.Workspaces.SteeringGroup], "Försök", [], false, "Text"));
        // Anna observes NMT: starting a thread there is posting, which observers do not.
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.StartThreadAsync(Anna,
            [DemoData.Workspaces.Nmt], "Försök", [], false, "Text"))).Code.ShouldBe("post.observer");
    }
}

public sealed class SqliteDiscussionUseCaseTests() : DiscussionUseCaseTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDiscussionUseCaseTests() : DiscussionUseCaseTests(DatabaseProvider.Postgres);
