using System.Collections.Concurrent;
using Portal.Domain.Access;
using Portal.Domain.Members;
using Portal.Infrastructure.Events;

namespace Portal.Infrastructure.Features;

/// <summary>The acting members this node has loaded lately (ADR 0031). Every use case starts by
/// loading its actor — member, organisation, administrator or not, and whether the organisation is
/// still enabled — and a page runs several use cases, so that one query was a fifth of all the
/// portal's statements. An actor is kept for <see cref="Lifetime"/> at most, and forgotten at once on
/// every node when the member's sessions end (<see cref="MemberSessionsEnded"/>: sign-out, administrator
/// rights revoked, their organisation disabled — the changes that take rights away). Granted rights
/// (administrator, an organisation enabled again) show within the lifetime.</summary>
public sealed class ActorCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Enough for every member of a national portal; beyond it the cache starts over rather than grow.
    private const int MaxActors = 20_000;

    private readonly ConcurrentDictionary<Guid, Entry> _actors = new();
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;

    // Bumped by every forgetting: a load that began before it must not store what it read (it may have
    // read the member just before their sessions ended).
    private long _generation;

    public ActorCache(IEventBus bus, TimeProvider clock)
    {
        _clock = clock;
        _subscription = bus.Subscribe<MemberSessionsEnded>(e =>
        {
            Forget(e.MemberId);
            return Task.CompletedTask;
        });
    }

    /// <summary>Where a load begins: pass it to <see cref="Remember"/> when it ends.</summary>
    internal long Generation => Interlocked.Read(ref _generation);

    internal Actor? Find(Guid memberId) =>
        _actors.TryGetValue(memberId, out var entry) && _clock.GetUtcNow() < entry.Until ? entry.Actor : null;

    internal void Remember(Actor actor, long loadedAtGeneration)
    {
        if (_actors.Count >= MaxActors)
            _actors.Clear();
        _actors[actor.MemberId] = new Entry(actor, _clock.GetUtcNow() + Lifetime);
        // A forgetting that happened while the member was read wins: drop what may be stale.
        if (Generation != loadedAtGeneration)
            _actors.TryRemove(actor.MemberId, out _);
    }

    public void Forget(Guid memberId)
    {
        Interlocked.Increment(ref _generation);
        _actors.TryRemove(memberId, out _);
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record Entry(Actor Actor, DateTimeOffset Until);
}
