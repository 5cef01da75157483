using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Portal.Infrastructure.Features.Discussions;
using Portal.Web.Hubs;

namespace Portal.Tests.Support;

/// <summary>A member's hub connection that records what it hears and whether it was closed.</summary>
public sealed class HubListener : IAsyncDisposable
{
    private readonly Channel<ThreadActivityMessage> _heard = Channel.CreateUnbounded<ThreadActivityMessage>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubListener(HubConnection connection, string cookie)
    {
        Connection = connection;
        Cookie = cookie;
        connection.On<ThreadActivityMessage>(DiscussionHub.ActivityMethod, m => _heard.Writer.TryWrite(m));
        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>The session cookie the connection was opened with.</summary>
    public string Cookie { get; }

    public static async Task<HubListener> SignInAsync(Uri baseUrl, Guid memberId)
    {
        var cookie = await HubClients.SignInCookieAsync(baseUrl, memberId);
        return new HubListener(await HubClients.ConnectAsync(baseUrl, cookie), cookie);
    }

    /// <summary>Watches a thread from now on (nothing of its past).</summary>
    public Task WatchAsync(Guid threadId) =>
        Connection.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.WatchThread), threadId, long.MaxValue);

    /// <summary>The next notice heard (in the order the server sent them).</summary>
    public Task<ThreadActivityMessage> NextAsync() => _heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Completes when the server closed the connection.</summary>
    public Task Closed => _closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
