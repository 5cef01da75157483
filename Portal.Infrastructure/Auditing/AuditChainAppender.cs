using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Auditing;

/// <summary>Links every new <see cref="AuditRecord"/> into the chain as it is saved, wherever it was added
/// (<c>db.Audit(...)</c> is called from many use cases): it locks the chain's head, seals the records in
/// order and moves the head, all in the save's transaction. A save without a transaction of its own gets one
/// here — EF would begin its own only after this interceptor, too late to hold the lock over the read.</summary>
public sealed class AuditChainAppender : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            var added = db.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count > 0)
            {
                if (db.Database.CurrentTransaction is null)
                    _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
                await AuditChain.AppendAsync(db, added, cancellationToken);
            }
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            // Not the caller's token: the rows are written, only the commit is left.
            await transaction.CommitAsync(CancellationToken.None);
            await transaction.DisposeAsync();
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context);
        await base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context);
        await base.SaveChangesCanceledAsync(eventData, cancellationToken);
    }

    // The portal saves asynchronously throughout; a synchronous save goes the same way.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        SaveChangesCanceledAsync(eventData).GetAwaiter().GetResult();

    /// <summary>Rolls back the transaction begun here: the head did not move, and the records get their
    /// sequence afresh if the caller saves again.</summary>
    private async Task EndAsync(DbContext? context)
    {
        if (context is null || !_owned.TryGetValue(context, out var transaction))
            return;
        _owned.Remove(context);
        await transaction.RollbackAsync(CancellationToken.None);
        await transaction.DisposeAsync();
    }
}
