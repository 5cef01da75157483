using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>A request's audit trail for the administrators: who read or changed it, when and from where —
/// never its content. Reading the trail is itself audited.</summary>
public sealed class SupportAuditService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, AuditChainVerifier verifier)
{
    /// <summary>The subject kind of the chain check's own audit record.</summary>
    public const string ChainSubjectKind = "audit-chain";

    public const string ChainVerified = "audit.chain-verified";

    private const int ReferenceMaxLength = 40;
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

    /// <summary>The trail of the request with this reference ("MS-2026-0002", any case, spaces around ignored).
    /// The policy is asked first, so that only an administrator learns whether a reference exists.</summary>
    public async Task<AuditTrailView> TrailByReferenceAsync(Caller caller, string reference, CancellationToken cancellationToken = default)
    {
        Guid? id;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
            if (!AccessPolicy.CanReadSupportAudit(actor))
                throw new AccessDeniedException("support.audit.denied");
            var wanted = (reference ?? "").Trim().ToUpperInvariant();
            id = wanted.Length is 0 or > ReferenceMaxLength
                ? null
                : await db.SupportRequests.AsNoTracking().Where(r => r.Reference == wanted).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        }
        return id is { } found
            ? await TrailAsync(caller, found, cancellationToken)
            : throw new NotFoundException(SupportLoading.NotFound);
    }

    /// <summary>Checks the whole audit chain (ADR 0039) for an administrator; the check is itself audited.</summary>
    public async Task<AuditChainVerification> VerifyChainAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        if (!AccessPolicy.CanReadSupportAudit(actor))
            throw new AccessDeniedException("support.audit.denied");
        var result = await verifier.VerifyAsync(cancellationToken);
        var detail = result.FirstBreak is { } broken ? $"broken at {broken.Sequence}: {broken.Fault}" : $"intact, {result.RecordsChecked} records";
        db.Audit(actor.MemberId, ChainVerified, new(ChainSubjectKind, Guid.Empty), clock.GetUtcNow(), detail, caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
