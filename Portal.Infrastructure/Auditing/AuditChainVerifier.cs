using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Auditing;

/// <summary>What is wrong at the first broken link of the audit chain.</summary>
public enum AuditChainFault
{
    /// <summary>The record's fields no longer hash to its stored hash: it was changed.</summary>
    ChangedContent = 1,

    /// <summary>A sequence number is missing (a record was deleted), or the trail ends before its head.</summary>
    MissingRecord = 2,

    /// <summary>The record is intact but does not follow the record before it: records were moved,
    /// renumbered, or one was taken out and the rest re-linked.</summary>
    Reordered = 3,

    /// <summary>A record from before the chain that the start-up step has not sealed yet.</summary>
    Unsealed = 4,
}

/// <summary>The first broken link: its sequence, the record there (null when it is missing) and the fault.</summary>
public sealed record AuditChainBreak(long Sequence, Guid? RecordId, AuditChainFault Fault);

/// <summary>The result of checking the chain: how many records held, the first break (null when intact)
/// and the head's sequence and hash (worth noting outside the portal: see ADR 0039).</summary>
public sealed record AuditChainVerification(long RecordsChecked, AuditChainBreak? FirstBreak, long HeadSequence, string? HeadHash)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>Walks the whole audit chain in sequence order and re-hashes every record.</summary>
public sealed class AuditChainVerifier(IDbContextFactory<PortalDbContext> contexts)
{
    private const int Batch = 1000;

    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The head first: records appended while the walk runs lie beyond it and are left for the next check.
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.TheId, cancellationToken);
        var expected = 1L;
        var previous = AuditChain.Genesis;
        var lastId = (Guid?)null;
        while (expected <= head.Sequence)
        {
            var from = expected;
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(a => a.Sequence >= from && a.Sequence <= head.Sequence)
                .OrderBy(a => a.Sequence).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var record in batch)
            {
                if (Check(record, expected, previous) is { } broken)
                    return new(expected - 1, broken, head.Sequence, head.Hash);
                previous = record.Hash!;
                lastId = record.Id;
                expected++;
            }
        }
        var checkedCount = expected - 1;
        if (checkedCount < head.Sequence)
            return new(checkedCount, new(expected, null, AuditChainFault.MissingRecord), head.Sequence, head.Hash);
        if (head.Hash is not null && head.Hash != previous)
            // The head names another last record than the trail ends with.
            return new(checkedCount, new(head.Sequence, lastId, AuditChainFault.Reordered), head.Sequence, head.Hash);
        return new(checkedCount, null, head.Sequence, head.Hash);
    }

    private static AuditChainBreak? Check(AuditRecord record, long expected, string previous)
    {
        if (record.Sequence != expected)
            return new(expected, null, AuditChainFault.MissingRecord);
        if (record.Hash is null || record.PreviousHash is null)
            return new(record.Sequence, record.Id, AuditChainFault.Unsealed);
        if (AuditChain.HashOf(record, record.Sequence, record.PreviousHash) != record.Hash)
            return new(record.Sequence, record.Id, AuditChainFault.ChangedContent);
        if (record.PreviousHash != previous)
            return new(record.Sequence, record.Id, AuditChainFault.Reordered);
        return null;
    }
}
