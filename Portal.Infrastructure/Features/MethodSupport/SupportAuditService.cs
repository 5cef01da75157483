using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>A request's audit trail for the administrators: who read or changed it, when and from where —
/// never its content. Reading the trail is itself audited.</summary>
public sealed class SupportAuditService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public sealed record AuditLine(DateTimeOffset At, Guid ActorId, string ActorName, string Action, string? Detail, string? ClientAddress);

    public sealed record AuditTrailView(string Reference, IReadOnlyList<AuditLine> Lines);

    public async Task<AuditTrailView> TrailAsync(Caller caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        if (!AccessPolicy.CanReadSupportAudit(actor))
            throw new AccessDeniedException("support.audit.denied");
        var reference = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Reference)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(SupportLoading.NotFound);
        var subject = SupportSubjectKind.Of(requestId);
        var records = await db.AuditRecords.AsNoTracking()
            .Where(a => a.SubjectKind == subject.Kind && a.SubjectId == subject.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var names = await db.Members.AsNoTracking().Where(m => records.Select(r => r.ActorId).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        db.Audit(actor.MemberId, SupportAuditActions.AuditRead, subject, clock.GetUtcNow(), null, caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        return new AuditTrailView(reference, records.Select(r => new AuditLine(r.At, r.ActorId,
            names.TryGetValue(r.ActorId, out var name) ? name : "", r.Action, r.Detail, r.ClientAddress)).ToList());
    }
}
