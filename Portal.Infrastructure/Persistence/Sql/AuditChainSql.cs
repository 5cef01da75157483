using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence.Sql;

/// <summary>Hand-written steps of the AuditChain migration (ADR 0039): the records already in the trail are
/// numbered in (At, Id) order — the start-up step (<c>AuditChain.SealPendingAsync</c>) hashes them, since
/// neither provider can hash the canonical form in SQL alike — the head row is made (hash null while records
/// wait to be sealed), and triggers make the trail append-only in the database as well: no DELETE (nor
/// TRUNCATE), and UPDATE only of a record not yet sealed.</summary>
public static class AuditChainSql
{
    public const string AppendOnlyMessage = "audit_records is append-only";

    private const string NumberAndHead = """
        UPDATE audit_records SET "Sequence" = (
            SELECT numbered.n FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "At", "Id") AS n FROM audit_records) AS numbered
            WHERE numbered."Id" = audit_records."Id");
        INSERT INTO audit_chain_head ("Id", "Sequence", "Hash")
            SELECT 1, COUNT(*), CASE WHEN COUNT(*) = 0 THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE NULL END
            FROM audit_records;
        """;

    public static void Up(MigrationBuilder migrationBuilder, bool postgres)
    {
        migrationBuilder.Sql(NumberAndHead);
        migrationBuilder.Sql(postgres ? PostgresTriggers : SqliteTriggers);
    }

    public static void Down(MigrationBuilder migrationBuilder, bool postgres) =>
        migrationBuilder.Sql(postgres
            ? """
              DROP TRIGGER IF EXISTS audit_records_append_only ON audit_records;
              DROP TRIGGER IF EXISTS audit_records_no_truncate ON audit_records;
              DROP FUNCTION IF EXISTS audit_records_append_only();
              """
            : """
              DROP TRIGGER IF EXISTS audit_records_no_update;
              DROP TRIGGER IF EXISTS audit_records_no_delete;
              """);

    private const string SqliteTriggers = $"""
        CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
        WHEN OLD."Hash" IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;
        CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
        BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;
        """;

    private const string PostgresTriggers = $"""
        CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD."Hash" IS NULL THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{AppendOnlyMessage}';
        END
        $$;
        CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
            FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
        CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
        """;
}
