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

public sealed record ThreadPresenceView(int ReadingCount, IReadOnlyList<string> Writing)
{
    /// <summary>Presence as <paramref name="viewerId"/> sees it, from everyone on the thread: one's
    /// own writing is not news to oneself.</summary>
    public static ThreadPresenceView For(IReadOnlyCollection<PresentMember> everyone, Guid? viewerId) =>
        new(everyone.Count, everyone.Where(m => m.Writing && m.MemberId != viewerId).Select(m => m.DisplayName)
            .Order(StringComparer.CurrentCulture).ToList());
}

/// <summary>Tracks this node's readers and merges the other nodes' snapshots. Snapshots older than
/// <see cref="Expiry"/> are ignored, so a node that died stops counting by itself. Presence is
/// access-checked like content: after an access loss each node re-checks its own readers and drops
/// those who may no longer read the thread, so its next snapshot no longer names them (ADR 0018).
/// Changes are coalesced per thread (ADR 0024): a snapshot goes out, and the pages showing the thread
/// hear of it, only when what it says changed, and at most once per <see cref="CoalescingFor"/>, which
/// grows with the pages watching — so a thousand readers arriving cost a few rounds, not a million
/// re-renders.</summary>
public sealed class ThreadPresence : IDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan WritingFor = TimeSpan.FromSeconds(6);
    /// <summary>The pause between two rounds of a thread's changes per page watching it: telling one
    /// page is cheap and at once, telling thousands waits up to <see cref="MaxCoalescing"/>.</summary>
    public static readonly TimeSpan CoalescingPerWatcher = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan MaxCoalescing = TimeSpan.FromSeconds(1);

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
    // threadId -> watcher key -> the page's callback
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<object, Action<IReadOnlyList<PresentMember>>>> _watchers = new();
    // threadId -> when it was last told, what was last sent and shown, and whether a round is due
    private readonly ConcurrentDictionary<Guid, Rounds> _rounds = new();

    public ThreadPresence(IEventBus bus, TimeProvider clock, IReadableThreads readable)
    {
        _bus = bus;
        _clock = clock;
        _readable = readable;
        _subscription = bus.SubscribeNotice<PresenceSnapshot>(OnSnapshotAsync);
        _accessLosses = bus.SubscribeAccessLoss(OnAccessLossAsync);
        _heartbeat = clock.CreateTimer(_ => _ = SendAllAsync(), null, Heartbeat, Heartbeat);
    }

    /// <summary>Calls <paramref name="changed"/> with everyone on the thread whenever who is there or
    /// who is writing changed (coalesced, see the class). Dispose the result to stop.</summary>
    public IDisposable Watch(Guid threadId, Action<IReadOnlyList<PresentMember>> changed)
    {
        var key = new object();
        _watchers.GetOrAdd(threadId, _ => new())[key] = changed;
        return new Unwatch(this, threadId, key);
    }

    /// <summary>How long a thread's changes gather before a round tells the pages watching it.</summary>
    public TimeSpan CoalescingFor(Guid threadId)
    {
        var watchers = _watchers.TryGetValue(threadId, out var pages) ? pages.Count : 0;
        return TimeSpan.FromTicks(Math.Min(MaxCoalescing.Ticks, CoalescingPerWatcher.Ticks * watchers));
    }

    /// <summary>A page starts showing a thread to a member. Dispose the result when it stops.</summary>
    public async Task<IAsyncDisposable> EnterAsync(Guid threadId, Guid memberId, string displayName)
    {
        var viewer = Guid.NewGuid();
        _local.GetOrAdd(threadId, _ => new())[viewer] = new LocalReader(memberId, displayName, null);
        await ChangedAsync(threadId);
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
            await ChangedAsync(threadId);
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
            await ChangedAsync(threadId);
    }

    /// <summary>Presence as <paramref name="viewerId"/> sees it: one's own writing is not news to oneself.</summary>
    public ThreadPresenceView Get(Guid threadId, Guid? viewerId = null) => ThreadPresenceView.For(Everyone(threadId, _clock.GetUtcNow()), viewerId);

    /// <summary>Everyone on the thread, on this node and (from their recent snapshots) the others, once each.</summary>
    private List<PresentMember> Everyone(Guid threadId, DateTimeOffset now) =>
        LocalMembers(threadId, now)
            .Concat(_remote.Where(r => r.Key.ThreadId == threadId && now - r.Value.SentAt < Expiry).SelectMany(r => r.Value.Readers))
            .GroupBy(m => m.MemberId)
            .Select(g => new PresentMember(g.Key, g.First().DisplayName, g.Any(m => m.Writing)))
            .ToList();

    private IEnumerable<PresentMember> LocalMembers(Guid threadId, DateTimeOffset now) =>
        _local.TryGetValue(threadId, out var readers)
            ? readers.Values.Select(r => new PresentMember(r.MemberId, r.DisplayName, r.WritingUntil > now))
            : [];

    private Task OnSnapshotAsync(PresenceSnapshot snapshot)
    {
        if (snapshot.Node == _node)
            return Task.CompletedTask;
        _remote[(snapshot.Node, snapshot.ThreadId)] = snapshot;
        return ChangedAsync(snapshot.ThreadId, fromThisNode: false);
    }

    /// <summary>Something about the thread's presence changed: a round now if the last one was long
    /// enough ago, else one when the coalescing pause is over (one round takes every change made meanwhile).</summary>
    private async Task ChangedAsync(Guid threadId, bool fromThisNode = true)
    {
        var rounds = _rounds.GetOrAdd(threadId, _ => new());
        var now = _clock.GetUtcNow();
        lock (rounds)
        {
            rounds.LocalChanged |= fromThisNode;
            if (rounds.Due is not null)
                return;
            var wait = rounds.Last + CoalescingFor(threadId) - now;
            if (wait > TimeSpan.Zero)
            {
                rounds.Due = _clock.CreateTimer(_ => _ = RoundAsync(threadId, rounds, heartbeat: false), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }
            // Taken now: a change arriving while this round runs waits for the next.
            rounds.Last = now;
        }
        await RoundAsync(threadId, rounds, heartbeat: false);
    }

    /// <summary>One round: the other nodes get this node's snapshot if it changed (or as the heartbeat),
    /// and the pages watching the thread get everyone if who is there or who is writing changed.</summary>
    private async Task RoundAsync(Guid threadId, Rounds rounds, bool heartbeat)
    {
        var now = _clock.GetUtcNow();
        bool localChanged;
        lock (rounds)
        {
            rounds.Due?.Dispose();
            rounds.Due = null;
            rounds.Last = now;
            localChanged = rounds.LocalChanged;
            rounds.LocalChanged = false;
        }
        if (localChanged || heartbeat)
        {
            var readers = LocalMembers(threadId, now).DistinctBy(m => m.MemberId).ToList();
            if (rounds.Sent.Update(readers) || heartbeat)
                await _bus.PublishNoticeAsync(new PresenceSnapshot(_node, threadId, readers, now));
        }
        if (!_watchers.TryGetValue(threadId, out var pages) || pages.IsEmpty)
            return;
        var everyone = Everyone(threadId, now);
        if (!rounds.Shown.Update(everyone))
            return;
        foreach (var changed in pages.Values)
            changed(everyone);
    }

    private async Task SendAllAsync()
    {
        foreach (var threadId in _local.Keys.Union(_watchers.Keys).ToList())
            await RoundAsync(threadId, _rounds.GetOrAdd(threadId, _ => new()), heartbeat: _local.ContainsKey(threadId));
        // Forget what other nodes told us long ago, and threads nobody here shows any more.
        var now = _clock.GetUtcNow();
        foreach (var stale in _remote.Where(r => now - r.Value.SentAt > Expiry * 2).Select(r => r.Key).ToList())
            _remote.TryRemove(stale, out _);
        foreach (var (threadId, rounds) in _rounds)
        {
            lock (rounds)
            {
                if (rounds.Due is null && !_local.ContainsKey(threadId) && !_watchers.ContainsKey(threadId))
                    _rounds.TryRemove(threadId, out _);
            }
        }
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
            await ChangedAsync(threadId);
    }

    private async Task LeaveAsync(Guid threadId, Guid viewer)
    {
        if (_local.TryGetValue(threadId, out var readers))
        {
            readers.TryRemove(viewer, out _);
            if (readers.IsEmpty)
                _local.TryRemove(threadId, out _);
        }
        await ChangedAsync(threadId);
    }

    private void StopWatching(Guid threadId, object key)
    {
        if (_watchers.TryGetValue(threadId, out var pages))
        {
            pages.TryRemove(key, out _);
            if (pages.IsEmpty)
                _watchers.TryRemove(threadId, out _);
        }
    }

    public void Dispose()
    {
        foreach (var rounds in _rounds.Values)
        {
            lock (rounds)
                rounds.Due?.Dispose();
        }
        _heartbeat.Dispose();
        _subscription.Dispose();
        _accessLosses.Dispose();
    }

    private sealed record LocalReader(Guid MemberId, string DisplayName, DateTimeOffset? WritingUntil);

    /// <summary>A thread's rounds: when the last one was, whether one is due, what was last sent and shown.</summary>
    private sealed class Rounds
    {
        public DateTimeOffset Last = DateTimeOffset.MinValue;
        public ITimer? Due;
        public bool LocalChanged;
        public readonly Told Sent = new();
        public readonly Told Shown = new();
    }

    /// <summary>Who was present and who was writing when last told: a round tells only a change.</summary>
    private sealed class Told
    {
        private HashSet<Guid> _present = [];
        private HashSet<Guid> _writing = [];
        private readonly Lock _gate = new();

        /// <summary>Remembers <paramref name="members"/>; true if they differ from what was last told.</summary>
        public bool Update(IReadOnlyCollection<PresentMember> members)
        {
            var present = members.Select(m => m.MemberId).ToHashSet();
            var writing = members.Where(m => m.Writing).Select(m => m.MemberId).ToHashSet();
            lock (_gate)
            {
                if (present.SetEquals(_present) && writing.SetEquals(_writing))
                    return false;
                (_present, _writing) = (present, writing);
                return true;
            }
        }
    }

    private sealed class Unwatch(ThreadPresence presence, Guid threadId, object key) : IDisposable
    {
        public void Dispose() => presence.StopWatching(threadId, key);
    }

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
