using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>Which of some threads a member may read now: the live parts (hub watches, presence) ask
/// after an access loss, in one query per member, through the policy's query face.</summary>
public interface IReadableThreads
{
    Task<IReadOnlySet<Guid>> AmongAsync(Guid memberId, IReadOnlyCollection<Guid> threadIds, CancellationToken cancellationToken = default);
}

public sealed class ReadableThreads(IDbContextFactory<PortalDbContext> contexts) : IReadableThreads
{
    public async Task<IReadOnlySet<Guid>> AmongAsync(Guid memberId, IReadOnlyCollection<Guid> threadIds,
        CancellationToken cancellationToken = default)
    {
        if (threadIds.Count == 0)
            return new HashSet<Guid>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Actor actor;
        try
        {
            actor = await db.LoadActorAsync(memberId, cancellationToken);
        }
        catch (AccessDeniedException)
        {
            // Unknown, or the organisation is disabled: nothing is readable.
            return new HashSet<Guid>();
        }
        var ids = threadIds.ToList();
        var readable = await db.Threads.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Where(AccessPolicy.VisibleThreads(actor))
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        return readable.ToHashSet();
    }
}
