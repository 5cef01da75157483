using System.Collections.Concurrent;

namespace Portal.Web.Hubs;

/// <summary>This node's hub connections: whose they are and which threads they watch, so that a
/// member who loses access (leaves or is removed from a workspace) stops hearing about its threads
/// at once rather than at their next reconnect.</summary>
public sealed class HubWatchers
{
    private readonly ConcurrentDictionary<string, Watcher> _connections = new();

    public void Connected(string connectionId, Guid memberId) => _connections[connectionId] = new Watcher(memberId);

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    public void Watching(string connectionId, Guid threadId)
    {
        if (_connections.TryGetValue(connectionId, out var watcher))
            watcher.Threads[threadId] = 0;
    }

    public void Stopped(string connectionId, Guid threadId)
    {
        if (_connections.TryGetValue(connectionId, out var watcher))
            watcher.Threads.TryRemove(threadId, out _);
    }

    /// <summary>The member's connections on this node and the threads each watches.</summary>
    public IReadOnlyList<(string ConnectionId, IReadOnlyList<Guid> Threads)> Of(Guid memberId) =>
        _connections.Where(c => c.Value.MemberId == memberId)
            .Select(c => (c.Key, (IReadOnlyList<Guid>)c.Value.Threads.Keys.ToList()))
            .ToList();

    private sealed record Watcher(Guid MemberId)
    {
        public ConcurrentDictionary<Guid, byte> Threads { get; } = new();
    }
}
