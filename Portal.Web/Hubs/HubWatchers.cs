using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Portal.Infrastructure.Events;

namespace Portal.Web.Hubs;

/// <summary>This node's hub connections: whose they are and which threads they hear about. A watch is
/// heard only while it is <em>released</em>: a new watch is held until its access check has passed,
/// and an access loss holds every watch it concerns at once (before any database round trip) until
/// the re-check has released or dropped it, so no notice slips out in between (ADR 0018).</summary>
public sealed class HubWatchers
{
    private readonly ConcurrentDictionary<string, Watcher> _connections = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Watch>> _byThread = new();
    // Adding to and emptying a thread's entry happen under this lock, so that no watch is added to an
    // entry just taken out of the index.
    private readonly Lock _index = new();

    public void Connected(HubCallerContext connection, Guid memberId) =>
        _connections[connection.ConnectionId] = new Watcher(memberId, connection);

    public void Disconnected(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var watcher))
            return;
        foreach (var threadId in watcher.Threads.Keys)
            Unindex(connectionId, threadId);
    }

    /// <summary>Starts a watch, held: call <see cref="Release"/> with the returned ticket once the
    /// member's access to the thread has been checked.</summary>
    public Ticket Hold(string connectionId, Guid threadId)
    {
        if (!_connections.TryGetValue(connectionId, out var watcher))
            return default;
        var watch = watcher.Threads.GetOrAdd(threadId, _ => new Watch());
        lock (_index)
            _byThread.GetOrAdd(threadId, _ => new())[connectionId] = watch;
        return new Ticket(connectionId, threadId, watch.Hold());
    }

    /// <summary>The watch is heard from now on, unless it was held again (by an access loss) since the
    /// ticket was taken: then the later check decides.</summary>
    public void Release(Ticket ticket)
    {
        if (ticket.ConnectionId is not null && _connections.TryGetValue(ticket.ConnectionId, out var watcher)
            && watcher.Threads.TryGetValue(ticket.ThreadId, out var watch))
            watch.Release(ticket.Version);
    }

    public void Stopped(string connectionId, Guid threadId)
    {
        if (_connections.TryGetValue(connectionId, out var watcher) && watcher.Threads.TryRemove(threadId, out _))
            Unindex(connectionId, threadId);
    }

    /// <summary>The connections that hear about the thread now.</summary>
    public IReadOnlyList<string> Hearing(Guid threadId) =>
        _byThread.TryGetValue(threadId, out var watches)
            ? watches.Where(w => w.Value.IsReleased).Select(w => w.Key).ToList()
            : [];

    /// <summary>Holds every watch of the connections the loss concerns and returns them by member,
    /// for the re-check. Synchronous on purpose: from its return on, nothing more is heard.</summary>
    public IReadOnlyList<(Guid MemberId, IReadOnlyList<Ticket> Watches)> HoldConcerned(AccessLoss loss) =>
        _connections.Where(c => loss.Concerns(c.Value.MemberId))
            .SelectMany(c => c.Value.Threads.Select(t => (c.Value.MemberId, Ticket: new Ticket(c.Key, t.Key, t.Value.Hold()))))
            .GroupBy(x => x.MemberId, x => x.Ticket)
            .Select(g => (g.Key, (IReadOnlyList<Ticket>)g.ToList()))
            .ToList();

    /// <summary>The member's connections on this node.</summary>
    public IReadOnlyList<HubCallerContext> ConnectionsOf(Guid memberId) =>
        _connections.Values.Where(w => w.MemberId == memberId).Select(w => w.Connection).ToList();

    private void Unindex(string connectionId, Guid threadId)
    {
        lock (_index)
        {
            if (!_byThread.TryGetValue(threadId, out var watches))
                return;
            watches.TryRemove(connectionId, out _);
            if (watches.IsEmpty)
                _byThread.TryRemove(threadId, out _);
        }
    }

    /// <summary>One hold of one watch: releasing it counts only if no later hold came.</summary>
    public readonly record struct Ticket(string? ConnectionId, Guid ThreadId, long Version);

    private sealed record Watcher(Guid MemberId, HubCallerContext Connection)
    {
        public ConcurrentDictionary<Guid, Watch> Threads { get; } = new();
    }

    private sealed class Watch
    {
        private readonly Lock _lock = new();
        private long _version;
        private bool _released;

        public bool IsReleased
        {
            get
            {
                lock (_lock)
                    return _released;
            }
        }

        public long Hold()
        {
            lock (_lock)
            {
                _released = false;
                return ++_version;
            }
        }

        public void Release(long version)
        {
            lock (_lock)
            {
                if (version == _version)
                    _released = true;
            }
        }
    }
}
