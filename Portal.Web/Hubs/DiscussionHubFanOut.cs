using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Discussions;

namespace Portal.Web.Hubs;

/// <summary>Hands every thread event that reaches this node (from itself or, over Redis, from another
/// node) to this node's hub clients that watch the thread; and when a member's standing in a
/// workspace ends, takes their connections out of the threads they may no longer see.</summary>
public sealed class DiscussionHubFanOut(IEventBus bus, IHubContext<DiscussionHub> hub, HubWatchers watchers,
    DiscussionService discussions) : IHostedService
{
    private IDisposable? _activity;
    private IDisposable? _membership;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _activity = bus.Subscribe<ThreadActivity>(activity =>
            hub.Clients.Group(DiscussionHub.GroupOf(activity.ThreadId)).SendAsync(DiscussionHub.ActivityMethod,
                new ThreadActivityMessage(activity.ThreadId, activity.Sequence, activity.Kind.ToString(), activity.PostId)));
        _membership = bus.Subscribe<MembershipChanged>(change =>
            change.Status == MembershipStatus.Active ? Task.CompletedTask : ForgetLostThreadsAsync(change.MemberId));
        return Task.CompletedTask;
    }

    private async Task ForgetLostThreadsAsync(Guid memberId)
    {
        foreach (var (connectionId, threads) in watchers.Of(memberId))
        {
            foreach (var threadId in threads)
            {
                if (await StillSeesAsync(memberId, threadId))
                    continue;
                watchers.Stopped(connectionId, threadId);
                await hub.Groups.RemoveFromGroupAsync(connectionId, DiscussionHub.GroupOf(threadId));
            }
        }
    }

    private async Task<bool> StillSeesAsync(Guid memberId, Guid threadId)
    {
        try
        {
            return await discussions.CanSeeThreadAsync(memberId, threadId);
        }
        catch (AccessDeniedException)
        {
            return false; // the member's organisation was disabled
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _activity?.Dispose();
        _membership?.Dispose();
        return Task.CompletedTask;
    }
}
