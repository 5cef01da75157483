using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Auditing;

/// <summary>One entry in the append-only audit trail: who did what to which subject, and when.
/// Written with the change it records, in the same SaveChanges (so in the same transaction); never
/// changed or deleted — <see cref="AuditTrailGuard"/> refuses that, and triggers in the database too.
/// Each record is a link of a hash chain over the whole trail (<see cref="AuditChain"/>, ADR 0039):
/// <see cref="AuditChainAppender"/> gives it its <see cref="Sequence"/> and hashes when it is saved. General on purpose: lead
/// appointments use it today, later sensitive reads (consultations) will too.</summary>
public sealed class AuditRecord
{
    public const int ActionMaxLength = 100;
    public const int SubjectKindMaxLength = 50;
    public const int DetailMaxLength = 2000;
    /// <summary>Room for an IPv6 address with a zone.</summary>
    public const int ClientAddressMaxLength = 64;

    private AuditRecord() { }

    public AuditRecord(Guid actorId, string action, SubjectRef subject, DateTimeOffset at, string? detail = null, string? clientAddress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        // Whole microseconds: what PostgreSQL keeps of an instant, so that the hash over it survives the round trip.
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        Id = Guid.CreateVersion7(at);
        ActorId = actorId;
        Action = action;
        SubjectKind = subject.Kind;
        SubjectId = subject.Id;
        At = at;
        Detail = detail;
        ClientAddress = clientAddress is { Length: > ClientAddressMaxLength } ? clientAddress[..ClientAddressMaxLength] : clientAddress;
    }

    public Guid Id { get; private set; }

    /// <summary>The member who acted.</summary>
    public Guid ActorId { get; private set; }

    /// <summary>A stable action string, e.g. <see cref="AuditActions.LeadAppointed"/>; never rename one.</summary>
    public string Action { get; private set; } = "";

    public string SubjectKind { get; private set; } = "";

    public Guid SubjectId { get; private set; }

    public SubjectRef Subject => new(SubjectKind, SubjectId);

    public DateTimeOffset At { get; private set; }

    /// <summary>What else a reader of the trail needs, e.g. the appointed member's id.</summary>
    public string? Detail { get; private set; }

    /// <summary>From where: the client's address as the host saw it (behind a known proxy, the forwarded
    /// one); null for the portal's own jobs (retention) and for records written before it was kept.</summary>
    public string? ClientAddress { get; private set; }

    /// <summary>The record's place in the chain: 1, 2, 3… without gaps, in the order the records were saved.</summary>
    public long Sequence { get; private set; }

    /// <summary>The <see cref="Hash"/> of the record before (<see cref="AuditChain.Genesis"/> for the first);
    /// null only before the record is sealed.</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (lower-case hex) over <see cref="AuditChain.CanonicalForm"/>; null only before sealing.</summary>
    public string? Hash { get; private set; }

    /// <summary>Links the record into the chain; only <see cref="AuditChainAppender"/> calls this, while it
    /// holds the chain's head.</summary>
    internal void Seal(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this, sequence, previousHash);
    }
}

/// <summary>The stable action strings of the audit trail.</summary>
public static class AuditActions
{
    /// <summary>An administrator appointed a lead of a workspace; the detail is the appointee's id.</summary>
    public const string LeadAppointed = "workspace.lead-appointed";
}

public static class AuditTrail
{
    /// <summary>Adds an audit record; it is saved by the caller's SaveChanges, with the change it records.</summary>
    public static AuditRecord Audit(this PortalDbContext db, Guid actorId, string action, SubjectRef subject, DateTimeOffset at,
        string? detail = null, string? clientAddress = null)
    {
        var record = new AuditRecord(actorId, action, subject, at, detail, clientAddress);
        db.AuditRecords.Add(record);
        return record;
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasMaxLength(AuditRecord.ActionMaxLength).IsRequired();
        builder.Property(a => a.SubjectKind).HasMaxLength(AuditRecord.SubjectKindMaxLength).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(AuditRecord.DetailMaxLength);
        builder.Property(a => a.ClientAddress).HasMaxLength(AuditRecord.ClientAddressMaxLength);
        builder.Property(a => a.PreviousHash).HasMaxLength(AuditChain.HashLength);
        builder.Property(a => a.Hash).HasMaxLength(AuditChain.HashLength);
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.Ignore(a => a.Subject);
        builder.HasIndex(a => new { a.SubjectKind, a.SubjectId, a.At });
        builder.HasIndex(a => new { a.ActorId, a.At });
        // No foreign keys: the trail outlives the members and subjects it names.
    }
}

/// <summary>Who calls a use case whose reads are audited, and from where (the client's address as the host
/// saw it; null when there is none, e.g. a job).</summary>
public readonly record struct Caller(Guid MemberId, string? ClientAddress = null);
