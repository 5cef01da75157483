using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posts_SearchVector",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "IX_discussion_threads_SearchVector",
                table: "discussion_threads");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "discussion_threads");

            migrationBuilder.DropColumn(
                name: "SearchStems",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "SearchStems",
                table: "discussion_threads");

            migrationBuilder.CreateTable(
                name: "search_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PlainText = table.Column<string>(type: "text", nullable: false),
                    Stems = table.Column<string>(type: "text", nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WorkspaceIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ExploitationForms = table.Column<int[]>(type: "integer[]", nullable: false),
                    ChildConcerned = table.Column<bool>(type: "boolean", nullable: false),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', \"Stems\")", stored: true)
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
                name: "IX_search_entries_SearchVector",
                table: "search_entries",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_search_entries_SubjectKind_SubjectId_PartId",
                table: "search_entries",
                columns: new[] { "SubjectKind", "SubjectId", "PartId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_entries");

            migrationBuilder.AddColumn<string>(
                name: "SearchStems",
                table: "posts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchStems",
                table: "discussion_threads",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "posts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('swedish', \"PlainText\" || ' ' || \"SearchStems\")",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "discussion_threads",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('swedish', \"Title\" || ' ' || \"SearchStems\")",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_posts_SearchVector",
                table: "posts",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_discussion_threads_SearchVector",
                table: "discussion_threads",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
