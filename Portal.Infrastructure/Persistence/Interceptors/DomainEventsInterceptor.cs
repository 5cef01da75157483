using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Infrastructure.Events;

namespace Portal.Infrastructure.Persistence.Interceptors;

/// <summary>Collects the domain events of the entities being saved and publishes them only once
/// the save has succeeded, so that no subscriber ever hears of a change that was rolled back. The
/// change is stored by then: a failure to publish is logged and counted, never thrown to the use case
/// (live pages catch up by sequence on the next event or reconnect). Inside an explicit transaction
/// the events wait for its commit (and are dropped on rollback): a page that reloads on an event must
/// find the change.</summary>
public sealed class DomainEventsInterceptor(IEventBus bus, ILogger<DomainEventsInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<IDomainEvent>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
            await PublishPendingAsync(context);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            await PublishPendingAsync(context);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
            PublishPendingAsync(context).GetAwaiter().GetResult();
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            _pending.Remove(context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
            _pending.Remove(context);
    }

    private async Task PublishPendingAsync(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var events))
            return;
        _pending.Remove(context);
        foreach (var domainEvent in events)
            await PublishAsync(domainEvent);
    }

    private async Task PublishAsync(IDomainEvent domainEvent)
    {
        try
        {
            // Not the save's token: the change is committed, so its event goes out even if the caller gave up.
            await bus.PublishAsync(domainEvent, CancellationToken.None);
        }
        catch (Exception exception)
        {
            EventBusMetrics.Fail(domainEvent, "send");
            logger.LogWarning(exception, "Could not publish {Event} after its change was saved", domainEvent.GetType().Name);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        // Outside a transaction nothing was stored; inside one, earlier saves' events wait for its end.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
            _pending.Remove(context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var entities = context.ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        if (entities.Count == 0)
            return;
        var events = _pending.GetOrCreateValue(context);
        foreach (var entity in entities)
        {
            events.AddRange(entity.DomainEvents);
            entity.ClearDomainEvents();
        }
    }
}
