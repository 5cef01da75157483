using Portal.Infrastructure.Subjects;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Discussions;

public abstract class DiscussionAccessTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Fatima = DemoData.Personas.NgoMember; // information network only
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;

    /// <summary>Adds the states the demo data lacks: a hidden workspace's thread, a thread shared
    /// with an open workspace, a LAMP-only thread, deleted and removed posts, and members who left,
    /// were removed, asked to join or were invited.</summary>
    private async Task AddExtraStatesAsync()
    {
        var admin = DemoData.Personas.Administrator;
        await Discussions.StartThreadAsync(admin, [DemoData.Workspaces.SteeringGroup], "Intern planering", [], false, "Verksamhetsplanen");
        // Erik leads NMT and joins the open network: he may share a thread into both.
        await Database.Get<WorkspaceService>().JoinAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.InformationNetwork);
        await Discussions.StartThreadAsync(DemoData.Personas.NmtLead, [DemoData.Workspaces.Nmt, DemoData.Workspaces.InformationNetwork], "Öppen fråga till alla", [], false, "Välkomna");
        var lamp = await Discussions.StartThreadAsync(DemoData.Personas.LampLead, [DemoData.Workspaces.Lamp], "Endast LAMP", [], true, "Länsrapporter");
        var deleted = await Discussions.PostAsync(Member("eva.nystrom"), lamp.ThreadId, "Raderas");
        await Discussions.DeletePostAsync(Member("eva.nystrom"), deleted.PostId);
        var removed = await Discussions.PostAsync(Member("helena.aberg"), lamp.ThreadId, "Tas bort");
        await Discussions.RemovePostAsync(DemoData.Personas.LampLead, removed.PostId, "Fel tråd");

        var workspaces = Database.Get<WorkspaceService>();
        await workspaces.LeaveAsync(Karin, DemoData.Workspaces.Nmt);
        await workspaces.RemoveMemberAsync(DemoData.Personas.LampLead, DemoData.Workspaces.Lamp, Member("eva.nystrom"), "Byter tjänst");
        await workspaces.RequestToJoinAsync(DemoData.Personas.RegionalCoordinator, DemoData.Workspaces.Nmt, null);
        await workspaces.InviteAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.RegionalCoordinators, Fatima, MembershipRole.Member);
    }

    [Fact]
    public async Task Every_member_sees_in_lists_exactly_the_threads_they_can_open()
    {
        await AddExtraStatesAsync();
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var memberIds = await db.Members.Select(m => m.Id).ToListAsync();
        var threadIds = await db.Threads.Select(t => t.Id).ToListAsync();
        var workspaceIds = await db.Workspaces.Select(w => w.Id).ToListAsync();
        threadIds.Count.ShouldBeGreaterThanOrEqualTo(7);

        foreach (var member in memberIds)
        {
            var listed = (await Discussions.ListVisibleThreadsAsync(member)).Select(t => t.Id).ToHashSet();
            foreach (var thread in threadIds)
            {
                var opens = await OpensAsync(() => Discussions.GetThreadAsync(member, thread));
                opens.ShouldBe(listed.Contains(thread), $"member {member} thread {thread}");
                (await OpensAsync(() => Discussions.GetChangesSinceAsync(member, thread, 0))).ShouldBe(opens);
                (await Discussions.CanSeeThreadAsync(member, thread)).ShouldBe(opens);
            }
            var perWorkspace = new HashSet<Guid>();
            foreach (var workspace in workspaceIds)
            {
                try
                {
                    perWorkspace.UnionWith((await Discussions.ListThreadsAsync(member, workspace)).Select(t => t.Id));
                }
                catch (NotFoundException)
                {
                    // not readable: its threads may still be listed through another workspace
                }
            }
            perWorkspace.ShouldBe(listed, ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Post_query_face_agrees_with_the_per_item_check_for_every_member()
    {
        await AddExtraStatesAsync();
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var members = await db.Members.AsNoTracking().ToListAsync();
        var threads = await db.Threads.AsNoTracking().Include(t => t.Workspaces).ToDictionaryAsync(t => t.Id);
        var workspaces = await db.Workspaces.AsNoTracking().Include(w => w.Memberships).ToListAsync();
        var posts = await db.Posts.AsNoTracking().ToListAsync();

        foreach (var member in members)
        {
            var actor = new Actor(member.Id, member.OrganisationId, member.IsAdministrator);
            var byQuery = await db.Posts.Where(AccessPolicy.VisiblePosts(actor, db.Threads)).Select(p => p.Id).ToListAsync();
            var byItem = posts.Where(p => AccessPolicy.CanSeePost(actor, p, threads[p.ThreadId], workspaces)).Select(p => p.Id).ToList();
            byQuery.ShouldBe(byItem, ignoreOrder: true, $"member {member.DisplayName}");

            var threadsByQuery = await db.Threads.Where(AccessPolicy.VisibleThreads(actor)).Select(t => t.Id).ToListAsync();
            threadsByQuery.ShouldBe(threads.Values.Where(t => AccessPolicy.CanSeeThread(actor, t, workspaces)).Select(t => t.Id), ignoreOrder: true);

            var byUseCase = new List<Guid>();
            foreach (var threadId in threadsByQuery)
                byUseCase.AddRange((await Discussions.GetThreadAsync(member.Id, threadId)).Posts
                    .SelectMany(p => p.Replies.Prepend(p.Post)).Select(p => p.Id));
            byUseCase.ShouldBe(byItem, ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Non_member_of_a_closed_workspace_sees_nothing_of_its_threads()
    {
        var nmtThread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var childThread = await ThreadAsync(DemoData.Threads.ChildConcerned);
        var nmtPost = (await Discussions.GetThreadAsync(Karin, nmtThread)).Posts[0].Post.Id;
        await Discussions.PostAsync(Karin, nmtThread, $"{Mention("Fatima Ali", Fatima)} kan ni hjälpa till? Barnet behöver stöd.");

        var visible = (await Discussions.ListVisibleThreadsAsync(Fatima)).Select(t => t.Title).ToList();
        visible.ShouldBe([DemoData.Threads.OpenNetwork]);
        await Should.ThrowAsync<NotFoundException>(() => Discussions.ListThreadsAsync(Fatima, DemoData.Workspaces.Nmt));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetThreadAsync(Fatima, nmtThread));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetThreadAsync(Fatima, childThread));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetChangesSinceAsync(Fatima, nmtThread, 0));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.MarkReadAsync(Fatima, nmtThread, 1));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.FollowAsync(Fatima, nmtThread));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.PostAsync(Fatima, nmtThread, "Hej"));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.ReactAsync(Fatima, nmtPost, "👍"));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.EditPostAsync(Fatima, nmtPost, "x"));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetPostHistoryAsync(Fatima, nmtPost));
        await Should.ThrowAsync<NotFoundException>(() => Discussions.PinThreadAsync(Fatima, nmtThread, true));

        (await Database.Get<NotificationService>().ListAsync(Fatima)).ShouldBeEmpty();
        (await Discussions.GetUnreadSummaryAsync(Fatima)).Threads.Select(t => t.ThreadId).ShouldNotContain(nmtThread);
        var search = Database.Get<SearchService>();
        // The portal-wide manual speaks of children and cases too, and every member reads it: the threads are what she must not find.
        var threads = new SearchFilters(Kind: ThreadSubjectKind.Name);
        (await search.SearchAsync(Fatima, "barnet", threads)).Hits.ShouldBeEmpty();
        (await search.SearchAsync(Fatima, "bärplockare")).Hits.ShouldBeEmpty();
        (await search.SearchAsync(Fatima, "ärenden", threads)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Leaving_a_closed_workspace_hides_its_threads_notifications_and_search_hits()
    {
        var nmtThread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var maria = Member("maria.ek");
        await Discussions.PostAsync(Karin, nmtThread, $"{Mention("Maria Ek", maria)}, se detta.");
        var notifications = Database.Get<NotificationService>();
        (await notifications.UnreadCountAsync(maria)).ShouldBe(1);
        (await Database.Get<SearchService>().SearchAsync(maria, "bärplockare")).Hits.ShouldNotBeEmpty();

        await Database.Get<WorkspaceService>().LeaveAsync(maria, DemoData.Workspaces.Nmt);

        (await notifications.UnreadCountAsync(maria)).ShouldBe(0);
        (await notifications.ListAsync(maria)).ShouldBeEmpty();
        (await Database.Get<SearchService>().SearchAsync(maria, "bärplockare")).Hits.ShouldBeEmpty();
        (await Discussions.ListVisibleThreadsAsync(maria)).ShouldNotContain(t => t.Id == nmtThread);
    }

    [Fact]
    public async Task Thread_lists_do_not_name_a_hidden_workspace_to_outsiders()
    {
        // Erik leads NMT and is a member of the hidden steering group.
        var thread = await Discussions.StartThreadAsync(DemoData.Personas.NmtLead, [DemoData.Workspaces.SteeringGroup, DemoData.Workspaces.Nmt], "Delad med ledningsgruppen", [], false, "Text");

        var asKarin = await Discussions.GetThreadAsync(Karin, thread.ThreadId);
        asKarin.Thread.Workspaces.Select(w => w.Id).ShouldBe([DemoData.Workspaces.Nmt]);
        var asErik = await Discussions.GetThreadAsync(DemoData.Personas.NmtLead, thread.ThreadId);
        asErik.Thread.Workspaces.Count.ShouldBe(2);
    }

    private static async Task<bool> OpensAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

public sealed class SqliteDiscussionAccessTests() : DiscussionAccessTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDiscussionAccessTests() : DiscussionAccessTests(DatabaseProvider.Postgres);
