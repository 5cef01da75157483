using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Outbox;

public abstract class OutboxHealthTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { DegradedAge = TimeSpan.FromMinutes(5), UnhealthyAge = TimeSpan.FromMinutes(30) };
    private TestDatabase _database = null!;
    private PortalNode _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, seed: false);
        _node = PortalNode.On(_database.Options, _clock, new DeliveryLog(), services => OutboxTestOptions.Use(services, _options));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<HealthCheckResult> CheckAsync() =>
        await new OutboxHealthCheck(_node.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>(), _options, _clock)
            .CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Health_follows_the_age_of_the_oldest_due_message()
    {
        (await CheckAsync()).Status.ShouldBe(HealthStatus.Healthy);
        await _node.EnqueueAsync(new Greeting("Väntar"));
        // Delayed messages are not late before their time.
        await _node.EnqueueAsync(new Greeting("Sedan"), notBefore: _clock.GetUtcNow().AddDays(1));

        _clock.Advance(TimeSpan.FromMinutes(4));
        (await CheckAsync()).Status.ShouldBe(HealthStatus.Healthy);
        _clock.Advance(TimeSpan.FromMinutes(2));
        (await CheckAsync()).Status.ShouldBe(HealthStatus.Degraded);
        _clock.Advance(TimeSpan.FromMinutes(30));
        var unhealthy = await CheckAsync();
        unhealthy.Status.ShouldBe(HealthStatus.Unhealthy);
        unhealthy.Data["pending"].ShouldBe(2);

        await _node.Get<OutboxDispatcher>().DispatchDueAsync();
        (await CheckAsync()).Status.ShouldBe(HealthStatus.Healthy);
    }
}

public sealed class SqliteOutboxHealthTests() : OutboxHealthTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresOutboxHealthTests() : OutboxHealthTests(DatabaseProvider.Postgres);
