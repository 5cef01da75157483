using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Common;
using Portal.Infrastructure.Events;

namespace Portal.Infrastructure.Persistence.Interceptors;

/// <summary>Collects the domain events of the entities being saved and publishes them only once
/// the save has succeeded, so that no subscriber ever hears of a change that was rolled back.</summary>
public sealed class DomainEventsInterceptor(IEventBus bus) : SaveChangesInterceptor
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
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var events))
        {
            _pending.Remove(context);
            foreach (var domainEvent in events)
                await bus.PublishAsync(domainEvent, cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
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
