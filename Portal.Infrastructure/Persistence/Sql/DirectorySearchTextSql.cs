using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence.Sql;

/// <summary>Hand-written step of the DirectorySearchText migration (both providers), called last in
/// Up: empties every member's and organisation's search text, whatever EF scaffolded (it renames the
/// organisations' old lower-case SearchKey, which still holds diacritics). The folding is C#, so
/// <c>DirectorySearchTextBackfill</c> fills the empty ones at start-up.</summary>
public static class DirectorySearchTextSql
{
    public static void ClearForBackfill(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        UPDATE members SET "SearchText" = '';
        UPDATE organisations SET "SearchText" = '';
        """);
}
