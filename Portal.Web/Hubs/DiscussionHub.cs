using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Common;
using Portal.Infrastructure.Features.Discussions;
using Portal.Web.Account;

namespace Portal.Web.Hubs;

/// <summary>What a non-browser client hears when a watched thread changes: enough to fetch the
/// change with <see cref="DiscussionHub.GetChangesSince"/>, never the content itself, so that access
/// is checked again when the content is read.</summary>
public sealed record ThreadActivityMessage(Guid ThreadId, long Sequence, string Kind, Guid? PostId);

/// <summary>The discussions hub for clients that are not the Blazor UI. Every call checks the access
/// policy through the use cases, exactly as the UI does; a thread one may not see answers "notfound".</summary>
[Authorize]
public sealed class DiscussionHub(DiscussionService discussions, HubWatchers watchers) : Hub
{
    public const string Path = "/hubs/discussions";
    public const string ActivityMethod = "ThreadActivity";

    public override Task OnConnectedAsync()
    {
        watchers.Connected(Context, MemberId());
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Starts hearing about a thread and returns what changed after <paramref name="sinceSequence"/>
    /// (0 for everything): a reconnecting client catches up with the same call.</summary>
    public async Task<ThreadChanges> WatchThread(Guid threadId, long sinceSequence)
    {
        var me = MemberId();
        // Held before the check, so that an access loss committed meanwhile re-checks this watch too.
        var watch = watchers.Hold(Context.ConnectionId, threadId);
        try
        {
            if (!await Guarded(() => discussions.CanSeeThreadAsync(me, threadId)))
                throw new HubException("notfound");
        }
        catch
        {
            watchers.Stopped(Context.ConnectionId, threadId);
            throw;
        }
        // Heard before fetching: an event between the two is then heard, and the fetch covers the rest.
        watchers.Release(watch);
        return await Guarded(() => discussions.GetChangesSinceAsync(me, threadId, sinceSequence));
    }

    public Task UnwatchThread(Guid threadId)
    {
        watchers.Stopped(Context.ConnectionId, threadId);
        return Task.CompletedTask;
    }

    public Task<ThreadChanges> GetChangesSince(Guid threadId, long sinceSequence) =>
        Guarded(() => discussions.GetChangesSinceAsync(MemberId(), threadId, sinceSequence));

    public Task<PostedPost> PostMessage(Guid threadId, string markdown, Guid? parentPostId) =>
        Guarded(() => discussions.PostAsync(MemberId(), threadId, markdown, parentPostId));

    private Guid MemberId() => Context.User?.FindMemberId() ?? throw new HubException("member.unknown");

    /// <summary>Rule and access refusals go back to the caller as their code; anything else is an
    /// ordinary server error (details stay in the log).</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DomainRuleException rule)
        {
            throw new HubException(rule.Code);
        }
        catch (AccessDeniedException denied)
        {
            throw new HubException(denied.Code);
        }
        catch (NotFoundException)
        {
            throw new HubException("notfound");
        }
    }
}
