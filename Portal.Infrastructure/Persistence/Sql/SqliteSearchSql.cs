using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence.Sql;

/// <summary>Hand-written SQLite SQL for the search index (ADR 0009), called from the migrations so that
/// a regenerated migration needs only the call added back. An FTS5 table over search_entries' terms
/// (external content, rowid = the entry's integer key), kept in step by triggers. The tokenizer keeps
/// diacritics: folding is done by our own index terms, the same way on both databases.</summary>
public static class SqliteSearchSql
{
    public static void CreateEntryIndex(MigrationBuilder migration)
    {
        migration.Sql("""
            CREATE VIRTUAL TABLE search_fts USING fts5(Stems, content='search_entries', content_rowid='Id',
                tokenize='unicode61 remove_diacritics 0');
            """);
        migration.Sql("""
            CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
                INSERT INTO search_fts(rowid, Stems) VALUES (new.Id, new.Stems);
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
                INSERT INTO search_fts(search_fts, rowid, Stems) VALUES ('delete', old.Id, old.Stems);
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER search_entries_au AFTER UPDATE OF Stems ON search_entries BEGIN
                INSERT INTO search_fts(search_fts, rowid, Stems) VALUES ('delete', old.Id, old.Stems);
                INSERT INTO search_fts(rowid, Stems) VALUES (new.Id, new.Stems);
            END;
            """);
    }

    public static void DropEntryIndex(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS search_entries_au;");
        migration.Sql("DROP TRIGGER IF EXISTS search_entries_ad;");
        migration.Sql("DROP TRIGGER IF EXISTS search_entries_ai;");
        migration.Sql("DROP TABLE IF EXISTS search_fts;");
    }

    /// <summary>The discussion-only index of migration "Discussions" (search_documents), replaced by
    /// search_entries; its triggers go with its table.</summary>
    public static void DropDiscussionIndex(MigrationBuilder migration) =>
        migration.Sql("DROP TABLE IF EXISTS search_fts;");
}
