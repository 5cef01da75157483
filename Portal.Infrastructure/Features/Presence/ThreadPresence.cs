using System.Collections.Concurrent;
using Portal.Domain.Common;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Discussions;

namespace Portal.Infrastructure.Features.Presence;

/// <summary>One node's view of who is on a thread page: a snapshot, sent over the event bus whenever
/// it changes and as a heartbeat, so that every node can say "N reading now" and "X is writing…".
/// A live notice, not a domain event: nothing changed in the database, and it is never stored.</summary>
[EventName("presence.thread-snapshot")]
public sealed record PresenceSnapshot(string Node, Guid ThreadId, IReadOnlyList<PresentMember> Readers, DateTimeOffset SentAt) : ILiveNotice;

public sealed record PresentMember(Guid MemberId, string DisplayName, bool Writing);

public sealed record ThreadPresenceView(int ReadingCount, IReadOnlyList<string> Writing);

/// <summary>Tracks this node's readers and merges the other nodes' snapshots. Snapshots older than
/// <see cref="Expiry"/> are ignored, so a node that died stops counting by itself. Presence is
/// access-checked like content: after an access loss each node re-checks its own readers and drops
/// those who may no longer read the thread, so its next snapshot no longer names them (ADR 0018).</summary>
public sealed class ThreadPresence : IDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan WritingFor = TimeSpan.FromSeconds(6);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly IEventBus _bus;
    private readonly TimeProvider _clock;
    private readonly IReadableThreads _readable;
    private readonly IDisposable _subscription;
    private readonly IDisposable _accessLosses;
    private readonly ITimer _heartbeat;
    // threadId -> viewer key -> local reader
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, LocalReader>> _local = new();
    // (node, threadId) -> last snapshot from that node
    private readonly ConcurrentDictionary<(string Node, Guid ThreadId), PresenceSnapshot> _remote = new();

    public ThreadPresence(IEventBus bus, TimeProvider clock, IReadableThreads readable)
    {
        _bus = bus;
        _clock = clock;
        _readable = readable;
        _subscription = bus.SubscribeNotice<PresenceSnapshot>(OnSnapshotAsync);
        _accessLosses = bus.SubscribeAccessLoss(OnAccessLossAsync);
        _heartbeat = clock.CreateTimer(_ => _ = SendAllAsync(), null, Heartbeat, Heartbeat);
    }

    /// <summary>Raised (threadId) when the merged presence of a thread may have changed.</summary>
    public event Action<Guid>? Changed;

    /// <summary>A page starts showing a thread to a member. Dispose the result when it stops.</summary>
    public async Task<IAsyncDisposable> EnterAsync(Guid threadId, Guid memberId, string displayName)
    {
        var viewer = Guid.NewGuid();
        _local.GetOrAdd(threadId, _ => new())[viewer] = new LocalReader(memberId, displayName, null);
        await SendAsync(threadId);
        return new Visit(this, threadId, viewer);
    }

    /// <summary>The member typed in the composer; "writing" lapses by itself.</summary>
    public async Task WritingAsync(Guid threadId, Guid memberId)
    {
        if (!_local.TryGetValue(threadId, out var readers))
            return;
        var until = _clock.GetUtcNow() + WritingFor;
        var wasWriting = false;
        foreach (var (key, reader) in readers.Where(r => r.Value.MemberId == memberId))
        {
            wasWriting |= reader.WritingUntil > _clock.GetUtcNow();
            readers[key] = reader with { WritingUntil = until };
        }
        // Only a change is worth a message; the heartbeat clears lapsed writers.
        if (!wasWriting)
            await SendAsync(threadId);
    }

    /// <summary>The member sent what they wrote: stop showing them as writing now, not when it lapses.</summary>
    public async Task StoppedWritingAsync(Guid threadId, Guid memberId)
    {
        if (!_local.TryGetValue(threadId, out var readers))
            return;
        var now = _clock.GetUtcNow();
        var wasWriting = false;
        foreach (var (key, reader) in readers.Where(r => r.Value.MemberId == memberId))
        {
            wasWriting |= reader.WritingUntil > now;
            readers[key] = reader with { WritingUntil = null };
        }
        if (wasWriting)
            await SendAsync(threadId);
    }

    /// <summary>Presence as <paramref name="viewerId"/> sees it: one's own writing is not news to oneself.</summary>
    public ThreadPresenceView Get(Guid threadId, Guid? viewerId = null)
    {
        var now = _clock.GetUtcNow();
        var everyone = LocalMembers(threadId, now)
            .Concat(_remote.Where(r => r.Key.ThreadId == threadId && now - r.Value.SentAt < Expiry).SelectMany(r => r.Value.Readers))
            .GroupBy(m => m.MemberId)
            .Select(g => new PresentMember(g.Key, g.First().DisplayName, g.Any(m => m.Writing)))
            .ToList();
        return new ThreadPresenceView(everyone.Count,
            everyone.Where(m => m.Writing && m.MemberId != viewerId).Select(m => m.DisplayName).Order(StringComparer.CurrentCulture).ToList());
    }

    private IEnumerable<PresentMember> LocalMembers(Guid threadId, DateTimeOffset now) =>
        _local.TryGetValue(threadId, out var readers)
            ? readers.Values.Select(r => new PresentMember(r.MemberId, r.DisplayName, r.WritingUntil > now))
            : [];

    private Task OnSnapshotAsync(PresenceSnapshot snapshot)
    {
        if (snapshot.Node == _node)
            return Task.CompletedTask;
        _remote[(snapshot.Node, snapshot.ThreadId)] = snapshot;
        Changed?.Invoke(snapshot.ThreadId);
        return Task.CompletedTask;
    }

    private async Task SendAsync(Guid threadId)
    {
        var now = _clock.GetUtcNow();
        var readers = LocalMembers(threadId, now).DistinctBy(m => m.MemberId).ToList();
        Changed?.Invoke(threadId);
        await _bus.PublishNoticeAsync(new PresenceSnapshot(_node, threadId, readers, now));
    }

    private async Task SendAllAsync()
    {
        foreach (var threadId in _local.Keys)
            await SendAsync(threadId);
        // Forget what other nodes told us long ago.
        var now = _clock.GetUtcNow();
        foreach (var stale in _remote.Where(r => now - r.Value.SentAt > Expiry * 2).Select(r => r.Key).ToList())
            _remote.TryRemove(stale, out _);
    }

    /// <summary>Drops this node's readers who lost the thread, and tells the other nodes.</summary>
    private async Task OnAccessLossAsync(AccessLoss loss)
    {
        var concerned = _local
            .SelectMany(thread => thread.Value.Values.Where(r => loss.Concerns(r.MemberId)).Select(r => (ThreadId: thread.Key, r.MemberId)))
            .Distinct()
            .GroupBy(x => x.MemberId, x => x.ThreadId)
            .ToList();
        var changed = new HashSet<Guid>();
        foreach (var member in concerned)
        {
            var threads = member.ToList();
            IReadOnlySet<Guid> still = loss.SessionsEnded ? new HashSet<Guid>() : await _readable.AmongAsync(member.Key, threads);
            foreach (var threadId in threads.Where(t => !still.Contains(t)))
            {
                if (_local.TryGetValue(threadId, out var readers))
                {
                    foreach (var viewer in readers.Where(r => r.Value.MemberId == member.Key).Select(r => r.Key).ToList())
                        readers.TryRemove(viewer, out _);
                    if (readers.IsEmpty)
                        _local.TryRemove(threadId, out _);
                }
                changed.Add(threadId);
            }
        }
        foreach (var threadId in changed)
            await SendAsync(threadId);
    }

    private async Task LeaveAsync(Guid threadId, Guid viewer)
    {
        if (_local.TryGetValue(threadId, out var readers))
        {
            readers.TryRemove(viewer, out _);
            if (readers.IsEmpty)
                _local.TryRemove(threadId, out _);
        }
        await SendAsync(threadId);
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        _subscription.Dispose();
        _accessLosses.Dispose();
    }

    private sealed record LocalReader(Guid MemberId, string DisplayName, DateTimeOffset? WritingUntil);

    private sealed class Visit(ThreadPresence presence, Guid threadId, Guid viewer) : IAsyncDisposable
    {
        private int _left;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                await presence.LeaveAsync(threadId, viewer);
        }
    }
}
