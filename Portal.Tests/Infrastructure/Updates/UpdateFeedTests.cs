using System.Collections.Concurrent;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Updates;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Updates;

public abstract class UpdateFeedTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private UpdateService Updates => _database.Get<UpdateService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Home_feed_shows_pinned_first_then_newest_from_my_workspaces_only()
    {
        var karin = DemoData.Personas.NmtPolice;
        var posted = await Updates.PostUpdateAsync(karin, DemoData.Workspaces.Nmt, "Helt ny uppdatering", "https://example.org/rapport");

        var feed = await Updates.GetHomeFeedAsync(karin);

        feed.Select(u => u.WorkspaceId).ShouldAllBe(id => id == DemoData.Workspaces.Nmt);
        feed[0].IsPinned.ShouldBeTrue();
        feed[0].Text.ShouldBe("NMT-mötet flyttas till torsdag kl. 10 denna vecka.");
        feed[1].Id.ShouldBe(posted);
        feed[1].AttachmentUrl.ShouldBe("https://example.org/rapport");
        feed.Skip(1).Select(u => u.PostedAt).ShouldBeInOrder(SortDirection.Descending);
        feed.ShouldAllBe(u => !u.CanPin);
    }

    [Fact]
    public async Task Lead_pins_to_the_top_and_others_may_not()
    {
        var lars = DemoData.Personas.LampLead;
        var contact = DemoData.IdFor("member:eva.nystrom");
        var update = await Updates.PostUpdateAsync(contact, DemoData.Workspaces.Lamp, "Viktigt för alla län", null);
        await Should.ThrowAsync<AccessDeniedException>(() => Updates.PinUpdateAsync(contact, update, true));

        await Updates.PinUpdateAsync(lars, update, true);

        var feed = await Updates.GetWorkspaceFeedAsync(contact, DemoData.Workspaces.Lamp);
        feed.Where(u => u.IsPinned).Select(u => u.Id).ShouldContain(update);
        feed.TakeWhile(u => u.IsPinned).Select(u => u.PostedAt).ShouldBeInOrder(SortDirection.Descending);
        feed[0].Id.ShouldBe(update);
        (await Updates.GetWorkspaceFeedAsync(lars, DemoData.Workspaces.Lamp)).ShouldAllBe(u => u.CanPin);
    }

    [Fact]
    public async Task Observers_and_outsiders_cannot_post_and_outsiders_cannot_read()
    {
        var anna = DemoData.Personas.Administrator; // observer in NMT
        (await Should.ThrowAsync<DomainRuleException>(() => Updates.PostUpdateAsync(anna, DemoData.Workspaces.Nmt, "Hej", null))).Code.ShouldBe("post.observer");
        var fatima = DemoData.Personas.NgoMember;
        await Should.ThrowAsync<NotFoundException>(() => Updates.PostUpdateAsync(fatima, DemoData.Workspaces.Nmt, "Hej", null));
        await Should.ThrowAsync<NotFoundException>(() => Updates.GetWorkspaceFeedAsync(fatima, DemoData.Workspaces.Nmt));
        (await Updates.GetHomeFeedAsync(fatima)).ShouldAllBe(u => u.WorkspaceId == DemoData.Workspaces.InformationNetwork);
        (await Should.ThrowAsync<DomainRuleException>(() => Updates.PostUpdateAsync(fatima, DemoData.Workspaces.InformationNetwork, "Länk", "javascript:alert(1)")))
            .Code.ShouldBe("update.link.invalid");
    }

    [Fact]
    public async Task New_updates_are_those_by_others_since_the_member_last_saw_the_feed_and_outsiders_get_no_count()
    {
        var karin = DemoData.Personas.NmtPolice;
        var erik = DemoData.Personas.NmtLead;
        var nmt = DemoData.Workspaces.Nmt;
        var othersBefore = (await Updates.GetWorkspaceFeedAsync(karin, nmt)).Count(u => u.Author?.MemberId != karin);
        (await Updates.CountNewAsync(karin, nmt)).ShouldBe(othersBefore); // never looked: all are new

        await Updates.MarkSeenAsync(karin, nmt);
        (await Updates.CountNewAsync(karin, nmt)).ShouldBe(0);

        await Updates.PostUpdateAsync(erik, nmt, "Ny rutin för ärendeöverlämning.", null);
        await Updates.PostUpdateAsync(karin, nmt, "Tack, jag läser den.", null);
        (await Updates.CountNewAsync(karin, nmt)).ShouldBe(1);
        // Erik never looked: every update by others is new to him, his own is not.
        (await Updates.CountNewAsync(erik, nmt)).ShouldBe((await Updates.GetWorkspaceFeedAsync(erik, nmt)).Count(u => u.Author?.MemberId != erik));

        await Updates.MarkSeenAsync(karin, nmt);
        await Updates.MarkSeenAsync(karin, nmt); // again: moves nothing back, adds no row
        (await Updates.CountNewAsync(karin, nmt)).ShouldBe(0);

        var fatima = DemoData.Personas.NgoMember;
        await Should.ThrowAsync<NotFoundException>(() => Updates.CountNewAsync(fatima, nmt));
        await Should.ThrowAsync<NotFoundException>(() => Updates.MarkSeenAsync(fatima, nmt));
    }

    [Fact]
    public async Task Posting_an_update_publishes_update_posted_after_save()
    {
        var events = new ConcurrentQueue<UpdatePosted>();
        using var subscription = _database.Get<IEventBus>().Subscribe<UpdatePosted>(e => { events.Enqueue(e); return Task.CompletedTask; });

        var id = await Updates.PostUpdateAsync(DemoData.Personas.RegionalCoordinator, DemoData.Workspaces.RegionalCoordinators, "Nytt från Syd", null);

        events.ShouldHaveSingleItem().ShouldBe(new UpdatePosted(DemoData.Workspaces.RegionalCoordinators, id));
    }
}

public sealed class SqliteUpdateFeedTests() : UpdateFeedTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresUpdateFeedTests() : UpdateFeedTests(DatabaseProvider.Postgres);
