using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Presence;

namespace Portal.Tests.Infrastructure.Presence;

/// <summary>Two trackers on one bus stand for two nodes.</summary>
public sealed class ThreadPresenceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InProcessEventBus _bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly ThreadPresence _nodeA;
    private readonly ThreadPresence _nodeB;
    private readonly Guid _thread = Guid.NewGuid();

    public ThreadPresenceTests()
    {
        _nodeA = new ThreadPresence(_bus, _clock, EveryThread.Readable);
        _nodeB = new ThreadPresence(_bus, _clock, EveryThread.Readable);
    }

    public void Dispose()
    {
        _nodeA.Dispose();
        _nodeB.Dispose();
    }

    [Fact]
    public async Task Readers_on_two_nodes_are_counted_once_each_on_both()
    {
        var anna = Guid.NewGuid();
        await using var a1 = await _nodeA.EnterAsync(_thread, anna, "Anna");
        await using var a2 = await _nodeA.EnterAsync(_thread, anna, "Anna"); // a second tab
        await using var b = await _nodeB.EnterAsync(_thread, Guid.NewGuid(), "Bertil");

        _nodeA.Get(_thread).ReadingCount.ShouldBe(2);
        _nodeB.Get(_thread).ReadingCount.ShouldBe(2);
    }

    [Fact]
    public async Task Leaving_is_seen_on_the_other_node()
    {
        var visit = await _nodeA.EnterAsync(_thread, Guid.NewGuid(), "Anna");
        _nodeB.Get(_thread).ReadingCount.ShouldBe(1);

        await visit.DisposeAsync();

        _nodeB.Get(_thread).ReadingCount.ShouldBe(0);
    }

    [Fact]
    public async Task Writing_shows_on_the_other_node_and_lapses_by_itself()
    {
        var anna = Guid.NewGuid();
        await using var visit = await _nodeA.EnterAsync(_thread, anna, "Anna");

        await _nodeA.WritingAsync(_thread, anna);
        _nodeB.Get(_thread).Writing.ShouldBe(["Anna"]);

        _clock.Advance(ThreadPresence.Heartbeat); // the heartbeat carries the lapsed state
        _nodeB.Get(_thread).Writing.ShouldBeEmpty();
        _nodeB.Get(_thread).ReadingCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_node_that_stops_sending_stops_counting()
    {
        var silentNode = new ThreadPresence(_bus, _clock, EveryThread.Readable);
        await silentNode.EnterAsync(_thread, Guid.NewGuid(), "Cecilia");
        silentNode.Dispose(); // no more heartbeats, as if the node died

        _nodeA.Get(_thread).ReadingCount.ShouldBe(1);
        _clock.Advance(ThreadPresence.Expiry + TimeSpan.FromSeconds(1));
        _nodeA.Get(_thread).ReadingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_writer_does_not_see_themself_as_writing_but_others_do()
    {
        var anna = Guid.NewGuid();
        var bertil = Guid.NewGuid();
        await using var visit = await _nodeA.EnterAsync(_thread, anna, "Anna");
        await using var other = await _nodeB.EnterAsync(_thread, bertil, "Bertil");

        await _nodeA.WritingAsync(_thread, anna);

        _nodeA.Get(_thread, anna).Writing.ShouldBeEmpty();
        _nodeA.Get(_thread, bertil).Writing.ShouldBe(["Anna"]);
        _nodeB.Get(_thread, anna).Writing.ShouldBeEmpty();
        _nodeB.Get(_thread, bertil).Writing.ShouldBe(["Anna"]);
    }

    [Fact]
    public async Task Stopping_writing_clears_it_on_both_nodes_at_once()
    {
        var anna = Guid.NewGuid();
        await using var visit = await _nodeA.EnterAsync(_thread, anna, "Anna");
        await _nodeA.WritingAsync(_thread, anna);
        _nodeB.Get(_thread).Writing.ShouldBe(["Anna"]);

        await _nodeA.StoppedWritingAsync(_thread, anna);

        // No time passes: it does not wait for "writing" to lapse or for a heartbeat.
        _nodeA.Get(_thread).Writing.ShouldBeEmpty();
        _nodeB.Get(_thread).Writing.ShouldBeEmpty();
        _nodeB.Get(_thread).ReadingCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_second_tab_of_a_member_already_there_sends_nothing_and_re_renders_nothing()
    {
        var sent = 0;
        using var snapshots = _bus.SubscribeNotice<PresenceSnapshot>(_ => { Interlocked.Increment(ref sent); return Task.CompletedTask; });
        var anna = Guid.NewGuid();
        await using var first = await _nodeA.EnterAsync(_thread, anna, "Anna");
        var told = 0;
        using var page = _nodeB.Watch(_thread, _ => told++);
        sent = 0;

        await using var second = await _nodeA.EnterAsync(_thread, anna, "Anna");

        sent.ShouldBe(0);
        told.ShouldBe(0);
        _nodeB.Get(_thread).ReadingCount.ShouldBe(1);
    }

    [Fact]
    public async Task Pages_watching_hear_a_burst_of_arrivals_in_two_rounds_not_one_per_arrival()
    {
        var told = new int[1000];
        var last = new IReadOnlyList<PresentMember>[told.Length];
        var pages = Enumerable.Range(0, told.Length)
            .Select(i => _nodeA.Watch(_thread, everyone => { told[i]++; last[i] = everyone; })).ToList();
        _nodeA.CoalescingFor(_thread).ShouldBe(ThreadPresence.MaxCoalescing);
        var visits = new List<IAsyncDisposable>();

        for (var i = 0; i < 100; i++)
            visits.Add(await _nodeA.EnterAsync(_thread, Guid.NewGuid(), $"Läsare {i}"));
        told.ShouldAllBe(n => n == 1); // the first arrival at once…
        _clock.Advance(ThreadPresence.MaxCoalescing);

        told.ShouldAllBe(n => n == 2); // …the 99 others together
        last.ShouldAllBe(everyone => everyone.Count == 100);
        _nodeB.Get(_thread).ReadingCount.ShouldBe(100);
        foreach (var page in pages)
            page.Dispose();
        foreach (var visit in visits)
            await visit.DisposeAsync();
    }

    [Fact]
    public async Task A_page_alone_on_a_thread_hears_within_moments()
    {
        var told = 0;
        using var page = _nodeA.Watch(_thread, _ => told++);
        await using var anna = await _nodeB.EnterAsync(_thread, Guid.NewGuid(), "Anna");
        await using var bertil = await _nodeB.EnterAsync(_thread, Guid.NewGuid(), "Bertil");

        _nodeA.CoalescingFor(_thread).ShouldBe(ThreadPresence.CoalescingPerWatcher);
        told.ShouldBe(1);
        _clock.Advance(ThreadPresence.CoalescingPerWatcher);
        told.ShouldBe(2);
        _nodeA.Get(_thread).ReadingCount.ShouldBe(2);
    }
}

/// <summary>For presence tests without a database: every thread is readable by everyone.</summary>
internal sealed class EveryThread : IReadableThreads
{
    public static readonly EveryThread Readable = new();

    public Task<IReadOnlySet<Guid>> AmongAsync(Guid memberId, IReadOnlyCollection<Guid> threadIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<Guid>>(threadIds.ToHashSet());
}
