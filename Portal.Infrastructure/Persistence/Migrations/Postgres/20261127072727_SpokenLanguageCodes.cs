using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Persistence.Sql;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SpokenLanguageCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: members' languages become codes (ADR 0022).
            SpokenLanguageCodesSql.ConvertPostgres(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Codes are not turned back into words: the names live in the UI's resources, and the
            // earlier code reads any text, so nothing breaks after going back.
        }
    }
}
