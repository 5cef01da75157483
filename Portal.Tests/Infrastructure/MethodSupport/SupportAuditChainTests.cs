using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Web.Hosting;

namespace Portal.Tests.Infrastructure.MethodSupport;

/// <summary>The hash chain over the audit trail on a real database: every record saved is sealed in order, a
/// record read back re-hashes equal, the database refuses changes, and the verifier names the first record that
/// was changed or is missing — also when several contexts append at once.</summary>
public abstract class SupportAuditChainTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private AuditChainVerifier Verifier => _database.Get<AuditChainVerifier>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<AuditRecord> AppendAsync(string detail, string? address = "192.0.2.7")
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        // An instant with ticks below a microsecond: what PostgreSQL cannot keep must not reach the hash.
        var at = new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.FromHours(1)).AddTicks(1234567);
        var record = db.Audit(Guid.NewGuid(), "support.viewed", new SubjectRef("support-request", Guid.NewGuid()), at, detail, address);
        await db.SaveChangesAsync();
        return record;
    }

    private async Task<List<AuditRecord>> TrailAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.AuditRecords.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>What someone with the database's password could do: drop the triggers first.</summary>
    private Task DropTriggersAsync() => SqlAsync(provider == DatabaseProvider.Postgres
        ? "DROP TRIGGER audit_records_append_only ON audit_records"
        : "DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete;");

    [Fact]
    public async Task A_trail_written_by_the_portal_is_sealed_in_order_and_intact()
    {
        await AppendAsync("one");
        await AppendAsync("two");
        var trail = await TrailAsync();
        trail.ShouldNotBeEmpty();
        trail.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, trail.Count).Select(i => (long)i));
        trail.ShouldAllBe(r => r.Hash != null && r.PreviousHash != null);
        trail[0].PreviousHash.ShouldBe(AuditChain.Genesis);

        var result = await Verifier.VerifyAsync();

        result.IsIntact.ShouldBeTrue();
        result.RecordsChecked.ShouldBe(trail.Count);
        result.HeadSequence.ShouldBe(trail.Count);
        result.HeadHash.ShouldBe(trail[^1].Hash);
    }

    [Fact]
    public async Task A_record_read_back_rehashes_to_the_hash_it_was_sealed_with()
    {
        var before = (await TrailAsync()).Count;
        var written = await AppendAsync("Detalj med å, ä och ö; och \"citat\"\nnästa rad", "2001:db8::1%eth0");

        var read = (await TrailAsync()).Single(r => r.Id == written.Id);

        read.Sequence.ShouldBe(before + 1);
        read.At.UtcTicks.ShouldBe(written.At.UtcTicks);
        read.Hash.ShouldBe(written.Hash);
        AuditChain.HashOf(read, read.Sequence, read.PreviousHash!).ShouldBe(written.Hash);
        (await Verifier.VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_canonical_form_is_versioned_and_names_every_field_with_its_length()
    {
        var record = await AppendAsync("a:b", null);

        var form = AuditChain.CanonicalForm(record, 7, AuditChain.Genesis);

        form.ShouldStartWith(AuditChain.FormVersion + "\nseq:1:7\nid:36:" + record.Id.ToString("D") + "\n");
        form.ShouldContain("\ndetail:3:a:b\nclient:-\nprev:64:" + AuditChain.Genesis + "\n");
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_sealed_record()
    {
        var record = await AppendAsync("kept");

        await Should.ThrowAsync<Exception>(() => SqlAsync($"UPDATE audit_records SET \"Detail\" = 'changed' WHERE \"Sequence\" = {record.Sequence}"));
        await Should.ThrowAsync<Exception>(() => SqlAsync($"DELETE FROM audit_records WHERE \"Sequence\" = {record.Sequence}"));

        (await TrailAsync()).Single(r => r.Id == record.Id).Detail.ShouldBe("kept");
    }

    [Fact]
    public async Task A_record_changed_behind_the_portals_back_is_named_by_its_sequence()
    {
        var first = await AppendAsync("one");
        await AppendAsync("two");
        await DropTriggersAsync();
        await SqlAsync($"UPDATE audit_records SET \"ClientAddress\" = '198.51.100.1' WHERE \"Sequence\" = {first.Sequence}");

        var result = await Verifier.VerifyAsync();

        result.IsIntact.ShouldBeFalse();
        result.FirstBreak.ShouldBe(new AuditChainBreak(first.Sequence, first.Id, AuditChainFault.ChangedContent));
        result.RecordsChecked.ShouldBe(first.Sequence - 1);
    }

    [Fact]
    public async Task A_deleted_record_is_named_as_the_gap_in_the_sequence()
    {
        var gone = await AppendAsync("one");
        await AppendAsync("two");
        await DropTriggersAsync();
        await SqlAsync($"DELETE FROM audit_records WHERE \"Sequence\" = {gone.Sequence}");

        var result = await Verifier.VerifyAsync();

        result.FirstBreak.ShouldBe(new AuditChainBreak(gone.Sequence, null, AuditChainFault.MissingRecord));
    }

    [Fact]
    public async Task The_last_record_deleted_is_missing_before_the_head()
    {
        var last = await AppendAsync("last");
        await DropTriggersAsync();
        await SqlAsync($"DELETE FROM audit_records WHERE \"Sequence\" = {last.Sequence}");

        var result = await Verifier.VerifyAsync();

        result.FirstBreak.ShouldBe(new AuditChainBreak(last.Sequence, null, AuditChainFault.MissingRecord));
    }

    [Fact]
    public async Task Records_renumbered_to_close_a_gap_no_longer_follow_each_other()
    {
        var gone = await AppendAsync("one");
        var next = await AppendAsync("two");
        await DropTriggersAsync();
        // Take one out and move the next into its place, hashing it again as a forger would.
        await SqlAsync($"DELETE FROM audit_records WHERE \"Sequence\" = {gone.Sequence}");
        var moved = (await TrailAsync()).Single(r => r.Id == next.Id);
        var forged = AuditChain.HashOf(moved, gone.Sequence, moved.PreviousHash!);
        await SqlAsync($"UPDATE audit_records SET \"Sequence\" = {gone.Sequence}, \"Hash\" = '{forged}' WHERE \"Id\" = '{DbId(next.Id)}'");
        await SqlAsync($"UPDATE audit_chain_head SET \"Sequence\" = {gone.Sequence}, \"Hash\" = '{forged}'");

        var result = await Verifier.VerifyAsync();

        result.FirstBreak.ShouldBe(new AuditChainBreak(gone.Sequence, next.Id, AuditChainFault.Reordered));
    }

    // EF keeps a Guid as upper-case text on SQLite.
    private string DbId(Guid id) => provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    [Fact]
    public async Task Appends_from_several_contexts_at_once_keep_one_unbroken_chain()
    {
        var before = (await TrailAsync()).Count;
        const int writers = 4, each = 10;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
                await AppendAsync($"writer {w} record {i}");
        })));

        var result = await Verifier.VerifyAsync();
        result.IsIntact.ShouldBeTrue();
        result.RecordsChecked.ShouldBe(before + writers * each);
    }

    [Fact]
    public async Task Records_from_before_the_chain_are_sealed_at_start_up_in_their_numbered_order()
    {
        await AppendAsync("one");
        await DropTriggersAsync();
        // As the migration leaves them: numbered, unhashed, the head waiting.
        await SqlAsync("UPDATE audit_records SET \"Hash\" = NULL, \"PreviousHash\" = NULL");
        await SqlAsync("UPDATE audit_chain_head SET \"Hash\" = NULL");
        (await Verifier.VerifyAsync()).FirstBreak!.Fault.ShouldBe(AuditChainFault.Unsealed);

        await using (var db = await _database.Contexts.CreateDbContextAsync())
            await AuditChain.SealPendingAsync(db);

        var result = await Verifier.VerifyAsync();
        result.IsIntact.ShouldBeTrue();
        result.RecordsChecked.ShouldBe((await TrailAsync()).Count);
    }

    [Fact]
    public async Task Only_an_administrator_checks_the_chain_or_reads_a_trail_and_the_check_is_audited()
    {
        var audit = _database.Get<SupportAuditService>();
        var lead = new Caller(DemoData.Personas.NmtLead, "192.0.2.8");
        var admin = new Caller(DemoData.Personas.Administrator, "192.0.2.9");

        await Should.ThrowAsync<AccessDeniedException>(() => audit.VerifyChainAsync(lead));
        // Denied before the reference is looked up: a non-administrator cannot tell a real reference from a guess.
        await Should.ThrowAsync<AccessDeniedException>(() => audit.TrailByReferenceAsync(lead, DemoData.MethodSupport.OpenChildReference));
        await Should.ThrowAsync<AccessDeniedException>(() => audit.TrailByReferenceAsync(lead, "MS-1999-0001"));
        await Should.ThrowAsync<NotFoundException>(() => audit.TrailByReferenceAsync(admin, "MS-1999-0001"));

        (await audit.VerifyChainAsync(admin)).IsIntact.ShouldBeTrue();
        var check = (await TrailAsync()).Last();
        check.Action.ShouldBe(SupportAuditService.ChainVerified);
        check.ActorId.ShouldBe(DemoData.Personas.Administrator);
        check.ClientAddress.ShouldBe("192.0.2.9");
        (await Verifier.VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_verify_command_prints_the_result_and_exits_zero_when_intact_and_one_when_broken()
    {
        var record = await AppendAsync("one");
        var output = new StringWriter();

        (await AuditVerifyCommand.RunAsync(_database.Services, output)).ShouldBe(0);
        output.ToString().ShouldContain("intact");

        await DropTriggersAsync();
        await SqlAsync($"UPDATE audit_records SET \"Action\" = 'support.listed' WHERE \"Sequence\" = {record.Sequence}");
        output = new StringWriter();
        (await AuditVerifyCommand.RunAsync(_database.Services, output)).ShouldBe(1);
        output.ToString().ShouldContain($"sequence {record.Sequence}");
        output.ToString().ShouldContain(nameof(AuditChainFault.ChangedContent));
    }
}

public sealed class SqliteSupportAuditChainTests() : SupportAuditChainTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSupportAuditChainTests() : SupportAuditChainTests(DatabaseProvider.Postgres);
