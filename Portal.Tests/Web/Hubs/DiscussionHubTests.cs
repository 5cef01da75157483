using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hubs;

namespace Portal.Tests.Web.Hubs;

/// <summary>The discussions hub on a real Kestrel port, with real SignalR clients signed in through
/// the demo sign-in: the same access rules as the UI, and live activity for watched threads.</summary>
public sealed class DiscussionHubTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    private DiscussionService Discussions => _portal.Services.GetRequiredService<DiscussionService>();

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<Guid> NmtThreadAsync() =>
        (await Discussions.ListThreadsAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;

    [Fact]
    public async Task Watching_a_thread_returns_its_posts_and_then_hears_each_new_post()
    {
        var thread = await NmtThreadAsync();
        await using var karin = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.Personas.NmtPolice));
        var heard = Channel.CreateUnbounded<ThreadActivityMessage>();
        karin.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m => heard.Writer.TryWrite(m));

        var initial = await karin.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), thread, 0L);
        initial.ChangedPosts.ShouldNotBeEmpty();

        var posted = await Discussions.PostAsync(DemoData.Personas.NmtLead, thread, "Nytt läge i ärendet.");

        var message = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        message.ShouldBe(new ThreadActivityMessage(thread, posted.Sequence, "PostAdded", posted.PostId));
        var changes = await karin.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.GetChangesSince), thread, initial.LastSequence);
        changes.ChangedPosts.Select(p => p.Id).ShouldBe([posted.PostId]);
    }

    [Fact]
    public async Task Non_member_of_a_closed_workspace_gets_notfound_and_hears_nothing()
    {
        var thread = await NmtThreadAsync();
        await using var fatima = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.Personas.NgoMember));
        var heard = Channel.CreateUnbounded<ThreadActivityMessage>();
        fatima.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m => heard.Writer.TryWrite(m));

        var watch = await Should.ThrowAsync<HubException>(() => fatima.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), thread, 0L));
        watch.Message.ShouldContain("notfound");
        var read = await Should.ThrowAsync<HubException>(() => fatima.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.GetChangesSince), thread, 0L));
        read.Message.ShouldContain("notfound");
        var post = await Should.ThrowAsync<HubException>(() => fatima.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, "Hej", (Guid?)null));
        post.Message.ShouldContain("notfound");

        // A post in the thread is not heard; a probe of the client's own open thread proves delivery works.
        await Discussions.PostAsync(DemoData.Personas.NmtLead, thread, "Endast för NMT.");
        var open = (await Discussions.ListThreadsAsync(DemoData.Personas.NgoMember, DemoData.Workspaces.InformationNetwork))
            .Single(t => t.Title == DemoData.Threads.OpenNetwork).Id;
        await fatima.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), open, long.MaxValue);
        var probe = await Discussions.PostAsync(DemoData.Personas.Administrator, open, "Välkomna!");
        var first = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        first.ThreadId.ShouldBe(open);
        first.PostId.ShouldBe(probe.PostId);
    }

    [Fact]
    public async Task Member_who_leaves_the_workspace_stops_hearing_about_its_threads_at_once()
    {
        var thread = await NmtThreadAsync();
        await using var karin = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.Personas.NmtPolice));
        var heard = Channel.CreateUnbounded<ThreadActivityMessage>();
        karin.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m => heard.Writer.TryWrite(m));
        await karin.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), thread, long.MaxValue);

        await _portal.Services.GetRequiredService<Portal.Infrastructure.Features.Workspaces.WorkspaceService>()
            .LeaveAsync(DemoData.Personas.NmtPolice, DemoData.Workspaces.Nmt);
        await Discussions.PostAsync(DemoData.Personas.NmtLead, thread, "Efter att Karin lämnat.");

        // A probe in a thread she can still see arrives, and nothing from NMT came before it.
        var open = (await Discussions.ListThreadsAsync(DemoData.Personas.NmtPolice, DemoData.Workspaces.InformationNetwork))
            .Single(t => t.Title == DemoData.Threads.OpenNetwork).Id;
        await karin.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), open, long.MaxValue);
        var probe = await Discussions.PostAsync(DemoData.Personas.Administrator, open, "Prov.");
        var first = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        first.PostId.ShouldBe(probe.PostId);
    }

    [Fact]
    public async Task Posting_through_the_hub_checks_the_rules_and_answers_with_the_code()
    {
        var thread = await NmtThreadAsync();
        await using var karin = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.Personas.NmtPolice));

        var empty = await Should.ThrowAsync<HubException>(() => karin.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, "   ", (Guid?)null));
        empty.Message.ShouldContain("post.body.required");
        var tooLong = await Should.ThrowAsync<HubException>(() => karin.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, new string('x', 20_001), (Guid?)null));
        tooLong.Message.ShouldContain("post.body.too-long");

        var posted = await karin.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, "Svar från polisen.", (Guid?)null);
        (await Discussions.GetChangesSinceAsync(DemoData.Personas.NmtLead, thread, posted.Sequence - 1))
            .ChangedPosts.Single().Id.ShouldBe(posted.PostId);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_the_connection_and_saves_nothing()
    {
        var thread = await NmtThreadAsync();
        var before = (await Discussions.GetChangesSinceAsync(DemoData.Personas.NmtLead, thread, 0)).LastSequence;
        var karin = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.Personas.NmtPolice));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        karin.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var call = karin.InvokeAsync<PostedPost>(nameof(DiscussionHub.PostMessage), thread, new string('x', 5 * 1024 * 1024), (Guid?)null);

        await Should.ThrowAsync<Exception>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        (await Discussions.GetChangesSinceAsync(DemoData.Personas.NmtLead, thread, 0)).LastSequence.ShouldBe(before);
        await karin.DisposeAsync();
    }

    [Fact]
    public async Task Anonymous_client_cannot_connect()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(_url, DiscussionHub.Path.TrimStart('/'))).Build();

        await Should.ThrowAsync<HttpRequestException>(() => connection.StartAsync());
        await connection.DisposeAsync();
    }
}
