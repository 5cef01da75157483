using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Persistence.Sql;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectorySearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "members");

            migrationBuilder.RenameColumn(
                name: "SearchKey",
                table: "organisations",
                newName: "SearchText");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "members",
                type: "character varying(1066)",
                maxLength: 1066,
                nullable: false,
                defaultValue: "");

            DirectorySearchTextSql.ClearForBackfill(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "members");

            migrationBuilder.RenameColumn(
                name: "SearchText",
                table: "organisations",
                newName: "SearchKey");

            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "members",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }
    }
}
