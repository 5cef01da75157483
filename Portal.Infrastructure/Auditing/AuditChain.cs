using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Auditing;

/// <summary>The one row that holds the end of the audit chain: the last sequence number handed out and
/// its record's hash. Locked by every save that appends to the trail, so that appends from any number of
/// contexts and nodes line up one after another (ADR 0039).</summary>
public sealed class AuditChainHead
{
    public const int TheId = 1;

    private AuditChainHead() { }

    public int Id { get; private set; }

    /// <summary>The sequence of the last record in the chain; 0 while the trail is empty.</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of that record (<see cref="AuditChain.Genesis"/> while empty); null while records
    /// written before the chain existed still wait to be sealed.</summary>
    public string? Hash { get; private set; }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("audit_chain_head");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(AuditChain.HashLength);
    }
}

/// <summary>The hash chain over the audit trail: its canonical form, and appending to it under the head's lock.</summary>
public static class AuditChain
{
    /// <summary>The version of <see cref="CanonicalForm"/>; a new form gets a new version, never a changed one.</summary>
    public const string FormVersion = "portal-audit-chain/v1";

    public const int HashLength = 64;

    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string Genesis = new('0', HashLength);

    private const int SealBatch = 500;

    /// <summary>The record as hashed (ADR 0039). One line per field, in this order, each
    /// <c>name:length:value</c> (length in UTF-16 code units, so no value can run into the next) or
    /// <c>name:-</c> for null: the version line, then seq (decimal), id, at (UTC ticks, decimal; whole
    /// microseconds), actor, action, subject-kind, subject-id, detail, client, prev. Guids in "D" form,
    /// lower case; numbers in the invariant culture.</summary>
    public static string CanonicalForm(AuditRecord record, long sequence, string previousHash)
    {
        var text = new StringBuilder(FormVersion).Append('\n');
        Field(text, "seq", sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "id", record.Id.ToString("D"));
        Field(text, "at", record.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, "actor", record.ActorId.ToString("D"));
        Field(text, "action", record.Action);
        Field(text, "subject-kind", record.SubjectKind);
        Field(text, "subject-id", record.SubjectId.ToString("D"));
        Field(text, "detail", record.Detail);
        Field(text, "client", record.ClientAddress);
        Field(text, "prev", previousHash);
        return text.ToString();
    }

    public static string HashOf(AuditRecord record, long sequence, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(record, sequence, previousHash))));

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append(':');
        if (value is null)
            text.Append('-');
        else
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        text.Append('\n');
    }

    /// <summary>Links <paramref name="records"/> to the end of the chain. The caller holds a transaction:
    /// the head stays locked until it ends, and the records and the moved head commit together.</summary>
    internal static async Task AppendAsync(PortalDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var (sequence, hash) = await LockHeadAsync(db, cancellationToken);
        foreach (var record in records.OrderBy(r => r.At).ThenBy(r => r.Id))
        {
            record.Seal(++sequence, hash);
            hash = record.Hash!;
        }
        await MoveHeadAsync(db, sequence, hash, cancellationToken);
    }

    /// <summary>Seals the records written before the chain existed (the migration numbered them in (At, Id)
    /// order), if any still wait; at start-up, in a transaction of its own.</summary>
    public static async Task SealPendingAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockHeadAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Locks the head row (SQLite: the transaction already holds the database's write lock, as
    /// Microsoft.Data.Sqlite begins transactions IMMEDIATE) and returns the end of the chain, sealing the
    /// records from before the chain first if they still wait.</summary>
    private static async Task<(long Sequence, string Hash)> LockHeadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var sql = db is PostgresPortalDbContext
            ? $"SELECT * FROM audit_chain_head WHERE \"Id\" = {AuditChainHead.TheId} FOR UPDATE"
            : $"SELECT * FROM audit_chain_head WHERE \"Id\" = {AuditChainHead.TheId}";
        var heads = await db.Set<AuditChainHead>().FromSqlRaw(sql).AsNoTracking().ToListAsync(cancellationToken);
        var head = heads.SingleOrDefault() ?? throw new InvalidOperationException("The audit chain has no head row; apply the migrations.");
        if (head.Hash is { } hash)
            return (head.Sequence, hash);
        var sealedHash = await SealLegacyAsync(db, cancellationToken);
        await MoveHeadAsync(db, head.Sequence, sealedHash, cancellationToken);
        return (head.Sequence, sealedHash);
    }

    private static async Task<string> SealLegacyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var hash = Genesis;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditRecords.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(SealBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return hash;
            foreach (var record in batch)
            {
                var previous = hash;
                hash = record.Hash ?? HashOf(record, record.Sequence, previous);
                if (record.Hash is null)
                    // Allowed by the database's trigger only while the record is unsealed.
                    await db.AuditRecords.Where(a => a.Id == record.Id).ExecuteUpdateAsync(set => set
                        .SetProperty(a => a.PreviousHash, previous)
                        .SetProperty(a => a.Hash, hash), cancellationToken);
                after = record.Sequence;
            }
        }
    }

    private static Task<int> MoveHeadAsync(PortalDbContext db, long sequence, string hash, CancellationToken cancellationToken) =>
        db.Set<AuditChainHead>().Where(h => h.Id == AuditChainHead.TheId).ExecuteUpdateAsync(set => set
            .SetProperty(h => h.Sequence, sequence)
            .SetProperty(h => h.Hash, hash), cancellationToken);
}
