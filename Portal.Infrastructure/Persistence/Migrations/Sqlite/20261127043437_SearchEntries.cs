using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Persistence.Sql;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            SqliteSearchSql.DropDiscussionIndex(migrationBuilder);
            migrationBuilder.DropTable(
                name: "search_documents");

            migrationBuilder.CreateTable(
                name: "search_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlainText = table.Column<string>(type: "TEXT", nullable: false),
                    Stems = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkspaceIds = table.Column<string>(type: "TEXT", nullable: false),
                    ExploitationForms = table.Column<string>(type: "TEXT", nullable: false),
                    ChildConcerned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_OccurredAt",
                table: "search_entries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_SubjectKind_SubjectId_PartId",
                table: "search_entries",
                columns: new[] { "SubjectKind", "SubjectId", "PartId" });

            // Entries are filled at start-up by SearchBackfill (the terms are computed in C#).
            SqliteSearchSql.CreateEntryIndex(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSearchSql.DropEntryIndex(migrationBuilder);
            migrationBuilder.DropTable(
                name: "search_entries");

            migrationBuilder.CreateTable(
                name: "search_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StemmedText = table.Column<string>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_documents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_DocumentKey",
                table: "search_documents",
                column: "DocumentKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_ThreadId",
                table: "search_documents",
                column: "ThreadId");
        }
    }
}
