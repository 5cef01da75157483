using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Events;

namespace Portal.Web.Hubs;

/// <summary>Hands every thread event that reaches this node (from itself or, over Redis, from another
/// node) to this node's hub clients that watch the thread.</summary>
public sealed class DiscussionHubFanOut(IEventBus bus, IHubContext<DiscussionHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe<ThreadActivity>(activity =>
            hub.Clients.Group(DiscussionHub.GroupOf(activity.ThreadId)).SendAsync(DiscussionHub.ActivityMethod,
                new ThreadActivityMessage(activity.ThreadId, activity.Sequence, activity.Kind.ToString(), activity.PostId)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
