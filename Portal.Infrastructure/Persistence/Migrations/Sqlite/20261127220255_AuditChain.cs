using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_records",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "audit_records",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "audit_records",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.Id);
                });

            // Hand-written: number the records already there, make the head row, append-only triggers.
            Portal.Infrastructure.Persistence.Sql.AuditChainSql.Up(migrationBuilder, postgres: false);

            migrationBuilder.CreateIndex(
                name: "IX_audit_records_Sequence",
                table: "audit_records",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Portal.Infrastructure.Persistence.Sql.AuditChainSql.Down(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "audit_chain_head");

            migrationBuilder.DropIndex(
                name: "IX_audit_records_Sequence",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "audit_records");
        }
    }
}
