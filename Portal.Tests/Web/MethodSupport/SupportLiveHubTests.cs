using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hubs;

namespace Portal.Tests.Web.MethodSupport;

/// <summary>The hub side of method support: there is none, and that is what is tested. The portal's only hub is the
/// discussions hub, whose groups are threads; a request's id is not a thread, so watching it is "not found" even for
/// the member on duty who may read the request, and a change to a request sends nothing to hub clients. (Presence
/// exists for threads only.) Live request pages run in the Blazor circuit, which gets only the id from the bus and
/// re-reads through the use case.</summary>
public sealed class SupportLiveHubTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public void The_portal_has_one_hub_and_it_knows_threads_only()
    {
        typeof(DiscussionHub).Assembly.GetTypes().Where(t => typeof(Hub).IsAssignableFrom(t) && !t.IsAbstract).ShouldBe([typeof(DiscussionHub)]);
        typeof(DiscussionHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Where(n => n.Contains("Support", StringComparison.OrdinalIgnoreCase) || n.Contains("Request", StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Watching_a_request_on_the_hub_is_not_found_and_a_change_to_it_sends_hub_clients_nothing()
    {
        var request = DemoData.MethodSupport.OpenChildRequest;
        await using var erik = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.Personas.NmtLead));
        await using var ola = await HubClients.ConnectAsync(_url, await HubClients.SignInCookieAsync(_url, DemoData.IdFor("member:ola.svensson")));
        var heard = Channel.CreateUnbounded<ThreadActivityMessage>();
        erik.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m => heard.Writer.TryWrite(m));

        // Erik (on duty) may read the request, Ola may not: for both it is no group of the hub.
        (await Should.ThrowAsync<HubException>(() => erik.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), request, 0L)))
            .Message.ShouldContain("notfound");
        (await Should.ThrowAsync<HubException>(() => ola.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), request, 0L)))
            .Message.ShouldContain("notfound");

        // Erik watches a thread of his own; a reply to the request is not heard, the thread's next post is the first message.
        var discussions = _portal.Services.GetRequiredService<DiscussionService>();
        var thread = (await discussions.ListVisibleThreadsAsync(DemoData.Personas.NmtLead)).Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        await erik.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), thread, long.MaxValue);
        await _portal.Services.GetRequiredService<SupportRequestService>()
            .ReplyAsync(new Caller(DemoData.IdFor("member:johan.berg")), request, "Ring socialjouren i dag.");
        var probe = await discussions.PostAsync(DemoData.Personas.NmtPolice, thread, "Läget i tråden.");

        var first = await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        first.ThreadId.ShouldBe(thread);
        first.PostId.ShouldBe(probe.PostId);
    }
}
