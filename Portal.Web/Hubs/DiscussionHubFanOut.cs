using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Discussions;

namespace Portal.Web.Hubs;

/// <summary>Hands every thread event that reaches this node (from itself or, over Redis, from another
/// node) to this node's hub connections that hear the thread. On an access loss it holds the watches
/// concerned, re-checks them against the policy and drops those no longer readable; when a member's
/// sessions end (sign-out, revocation, organisation disabled) it closes their connections (ADR 0018).</summary>
public sealed class DiscussionHubFanOut(IEventBus bus, IHubContext<DiscussionHub> hub, HubWatchers watchers,
    IReadableThreads readable, ILogger<DiscussionHubFanOut> logger) : IHostedService
{
    private IDisposable? _activity;
    private IDisposable? _accessLosses;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _activity = bus.Subscribe<ThreadActivity>(SendAsync);
        _accessLosses = bus.SubscribeAccessLoss(OnAccessLossAsync);
        return Task.CompletedTask;
    }

    private Task SendAsync(ThreadActivity activity)
    {
        var hearing = watchers.Hearing(activity.ThreadId);
        return hearing.Count == 0
            ? Task.CompletedTask
            : hub.Clients.Clients(hearing).SendAsync(DiscussionHub.ActivityMethod,
                new ThreadActivityMessage(activity.ThreadId, activity.Sequence, activity.Kind.ToString(), activity.PostId));
    }

    private async Task OnAccessLossAsync(AccessLoss loss)
    {
        if (loss is { SessionsEnded: true, MemberId: { } memberId })
        {
            foreach (var connection in watchers.ConnectionsOf(memberId))
            {
                watchers.Disconnected(connection.ConnectionId);
                connection.Abort();
            }
            logger.LogInformation("Closed the hub connections of member {MemberId}: their sessions ended", memberId);
            return;
        }
        foreach (var (member, watches) in watchers.HoldConcerned(loss))
        {
            var still = await readable.AmongAsync(member, watches.Select(w => w.ThreadId).Distinct().ToList());
            foreach (var watch in watches)
            {
                if (still.Contains(watch.ThreadId))
                    watchers.Release(watch);
                else
                    watchers.Stopped(watch.ConnectionId!, watch.ThreadId);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _activity?.Dispose();
        _accessLosses?.Dispose();
        return Task.CompletedTask;
    }
}
