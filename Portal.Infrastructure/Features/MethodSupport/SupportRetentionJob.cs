using Microsoft.EntityFrameworkCore;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>"Portal:MethodSupport" when the host binds it.</summary>
public sealed class SupportRetentionOptions
{
    /// <summary>Months after closing when a request's texts are erased; the figures stay.</summary>
    public int RetentionMonths { get; set; } = 24;
}

/// <summary>Erases the texts of requests closed more than the retention period ago, one request per unit of
/// work, each with an audit record of the erasure (actor: nobody — the portal itself, <see cref="Guid.Empty"/>).
/// Idempotent: an erased request is not taken again, and a concurrent change makes this run skip it until the
/// next.</summary>
public sealed class SupportRetentionJob(IDbContextFactory<PortalDbContext> contexts, SupportRetentionOptions options) : ITimedJob
{
    public const string Name = "support.retention";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(12);

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var cutoff = run.Now.AddMonths(-options.RetentionMonths);
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.SupportRequests.AsNoTracking()
                .Where(r => r.Status == SupportStatus.Closed && r.ErasedAt == null && r.ClosedAt < cutoff)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);
        }
        foreach (var id in due)
            await EraseAsync(id, cutoff, run.Now, cancellationToken);
    }

    private async Task EraseAsync(Guid requestId, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.SupportRequests
            .Include(r => r.Replies).Include(r => r.Notes).Include(r => r.Referrals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.ErasedAt is not null || request.ClosedAt >= cutoff)
            return;
        request.Erase(now);
        db.Audit(Guid.Empty, SupportAuditActions.Erased, SupportSubjectKind.Of(request.Id), now, $"retention {options.RetentionMonths} months");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile; the next run looks again.
        }
    }
}
