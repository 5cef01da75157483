using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Infrastructure;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Discussions;

namespace Portal.Tests.Infrastructure.Events;

/// <summary>The live bus is best-effort: once a change is stored, nothing the bus does turns it into
/// an error for the member. A real RedisEventBus pointed at a loopback port where nothing listens.</summary>
public abstract class RedisOutageTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    protected override void Configure(IServiceCollection services) =>
        services.AddRedisEventBus($"127.0.0.1:{ClosedPort()},abortConnect=false,connectTimeout=500,connectRetry=0");

    /// <summary>A port that was free a moment ago: bound, then released, so connections are refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Post_is_stored_and_returned_while_Redis_is_unreachable()
    {
        Database.Get<IEventBus>().ShouldBeOfType<RedisEventBus>();
        var heard = new ConcurrentQueue<ThreadActivity>();
        using var subscription = Database.Get<IEventBus>().Subscribe<ThreadActivity>(e => { heard.Enqueue(e); return Task.CompletedTask; });
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        var posted = await Discussions.PostAsync(DemoData.Personas.NmtPolice, thread, "Sparat trots att Redis är nere.");

        var details = await Discussions.GetThreadAsync(DemoData.Personas.NmtLead, thread);
        details.Posts.ShouldContain(p => p.Post.Id == posted.PostId);
        // This node's own pages still hear of it; only the other nodes miss it until their next catch-up.
        heard.ShouldHaveSingleItem().PostId.ShouldBe(posted.PostId);
    }
}

public sealed class SqliteRedisOutageTests() : RedisOutageTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresRedisOutageTests() : RedisOutageTests(DatabaseProvider.Postgres);

/// <summary>A bus that fails outright (whatever the transport) still leaves the use case successful.</summary>
public sealed class FailingBusTests() : DiscussionTestBase(DatabaseProvider.Sqlite)
{
    private sealed class BrokenBus : IEventBus
    {
        public int Attempts;

        public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Attempts);
            throw new InvalidOperationException("The bus is broken");
        }

        public Task PublishNoticeAsync(ILiveNotice notice, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The bus is broken");

        public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : IDomainEvent => new CancellationTokenSource();

        public IDisposable SubscribeNotice<TNotice>(Func<TNotice, Task> handler) where TNotice : ILiveNotice => new CancellationTokenSource();
    }

    private readonly BrokenBus _bus = new();

    protected override void Configure(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IEventBus>(_bus));

    [Fact]
    public async Task Post_is_stored_and_returned_when_publishing_its_event_throws()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        var posted = await Discussions.PostAsync(DemoData.Personas.NmtPolice, thread, "Sparat ändå.");

        _bus.Attempts.ShouldBeGreaterThan(0);
        (await Discussions.GetThreadAsync(DemoData.Personas.NmtLead, thread)).Posts.ShouldContain(p => p.Post.Id == posted.PostId);
    }

    [Fact]
    public async Task Subscriber_that_throws_does_not_fail_the_publisher()
    {
        var bus = new InProcessEventBus(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessEventBus>.Instance);
        var heard = new TaskCompletionSource<ThreadActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = bus.Subscribe<ThreadActivity>(_ => throw new InvalidOperationException("A closed circuit"));
        using var working = bus.Subscribe<ThreadActivity>(e => { heard.TrySetResult(e); return Task.CompletedTask; });
        var activity = new ThreadActivity(Guid.NewGuid(), 1, ThreadActivityKind.PostAdded, Guid.NewGuid(), Guid.NewGuid(), []);

        await bus.PublishAsync(activity);

        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(activity);
    }
}

/// <summary>Every type that may cross nodes has a stable wire name of its own.</summary>
public sealed class EventNameTests
{
    [Fact]
    public void Every_bus_message_type_has_a_unique_stable_name()
    {
        EventTypes.All.ShouldNotBeEmpty();
        EventTypes.All.Where(t => EventNameAttribute.Of(t) is null).Select(t => t.FullName).ShouldBeEmpty();
        EventTypes.All.GroupBy(t => EventNameAttribute.Of(t)).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        EventTypes.ByName.Count.ShouldBe(EventTypes.All.Count);
    }

    [Fact]
    public void Presence_travels_as_a_live_notice_not_a_domain_event()
    {
        typeof(Portal.Infrastructure.Features.Presence.PresenceSnapshot).IsAssignableTo(typeof(ILiveNotice)).ShouldBeTrue();
        typeof(Portal.Infrastructure.Features.Presence.PresenceSnapshot).IsAssignableTo(typeof(IDomainEvent)).ShouldBeFalse();
    }
}
