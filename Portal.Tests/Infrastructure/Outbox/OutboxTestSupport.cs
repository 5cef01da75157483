using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Outbox;

[OutboxMessage("test.greeting")]
public sealed record Greeting(string Text) : IOutboxMessage;

[OutboxMessage("test.doomed")]
public sealed record Doomed(string Text) : IOutboxMessage;

/// <summary>What the test handlers saw, shared by every "node" of one test.</summary>
public sealed class DeliveryLog
{
    public ConcurrentQueue<(Guid MessageId, string Text, int Attempt)> Delivered { get; } = new();

    /// <summary>How many more deliveries of a greeting fail before one succeeds.</summary>
    public int FailuresLeft;

    public int DoomedTries;
}

public sealed class GreetingHandler(DeliveryLog log) : IOutboxHandler<Greeting>
{
    public Task HandleAsync(Greeting message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
            throw new InvalidOperationException("The mail server said no");
        log.Delivered.Enqueue((delivery.MessageId, message.Text, delivery.Attempt));
        return Task.CompletedTask;
    }
}

public sealed class DoomedHandler(DeliveryLog log) : IOutboxHandler<Doomed>
{
    public Task HandleAsync(Doomed message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref log.DoomedTries);
        throw new InvalidOperationException("Never works: " + message.Text);
    }
}

/// <summary>One "node": a service provider of its own on a shared database, as a process would be.</summary>
public sealed class PortalNode : IAsyncDisposable
{
    private PortalNode(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static PortalNode On(DatabaseOptions database, FakeTimeProvider clock, DeliveryLog log, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Critical));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(log);
        services.AddPortalInfrastructure(database);
        services.AddOutboxHandler<Greeting, GreetingHandler>();
        services.AddOutboxHandler<Doomed, DoomedHandler>();
        configure?.Invoke(services);
        return new PortalNode(services.BuildServiceProvider());
    }

    public async Task<Guid> EnqueueAsync(IOutboxMessage message, DateTimeOffset? notBefore = null)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var id = db.Enqueue(message, Get<TimeProvider>().GetUtcNow(), notBefore);
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<List<OutboxEntry>> EntriesAsync()
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxEntry>().AsNoTracking().ToListAsync();
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

internal static class OutboxTestOptions
{
    public static void Use(IServiceCollection services, OutboxOptions options) =>
        services.Replace(ServiceDescriptor.Singleton(options));
}
