using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Discussions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "discussion_threads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExploitationForms = table.Column<string>(type: "TEXT", nullable: false),
                    ChildConcerned = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_discussion_threads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_discussion_threads_members_StartedBy",
                        column: x => x.StartedBy,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "search_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StemmedText = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workspace_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AttachmentUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsPinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    PinnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PinnedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workspace_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workspace_updates_members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_workspace_updates_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentPostId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    PlainText = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangeSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MentionedMemberIds = table.Column<string>(type: "TEXT", nullable: false),
                    MentionedWorkspaceIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_posts_discussion_threads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "discussion_threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_posts_members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_posts_posts_ParentPostId",
                        column: x => x.ParentPostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "thread_follows",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thread_follows", x => new { x.ThreadId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_thread_follows_discussion_threads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "discussion_threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_thread_follows_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "thread_read_states",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastReadSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thread_read_states", x => new { x.MemberId, x.ThreadId });
                    table.ForeignKey(
                        name: "FK_thread_read_states_discussion_threads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "discussion_threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_thread_read_states_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "thread_workspaces",
                columns: table => new
                {
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thread_workspaces", x => new { x.ThreadId, x.WorkspaceId });
                    table.ForeignKey(
                        name: "FK_thread_workspaces_discussion_threads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "discussion_threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_thread_workspaces_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_discussion_threads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "discussion_threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_notifications_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_notifications_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_reactions",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reaction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReactedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_reactions", x => new { x.PostId, x.MemberId, x.Reaction });
                    table.ForeignKey(
                        name: "FK_post_reactions_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_post_reactions_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_post_revisions_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_discussion_threads_LastActivityAt",
                table: "discussion_threads",
                column: "LastActivityAt");

            migrationBuilder.CreateIndex(
                name: "IX_discussion_threads_StartedBy",
                table: "discussion_threads",
                column: "StartedBy");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_MemberId_CreatedAt",
                table: "notifications",
                columns: new[] { "MemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_MemberId_ReadAt",
                table: "notifications",
                columns: new[] { "MemberId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_PostId",
                table: "notifications",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_ThreadId",
                table: "notifications",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_post_reactions_MemberId",
                table: "post_reactions",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_post_revisions_PostId",
                table: "post_revisions",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_posts_AuthorId_PostedAt",
                table: "posts",
                columns: new[] { "AuthorId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_posts_ParentPostId",
                table: "posts",
                column: "ParentPostId");

            migrationBuilder.CreateIndex(
                name: "IX_posts_ThreadId_ChangeSequence",
                table: "posts",
                columns: new[] { "ThreadId", "ChangeSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_posts_ThreadId_Sequence",
                table: "posts",
                columns: new[] { "ThreadId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_DocumentKey",
                table: "search_documents",
                column: "DocumentKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_ThreadId",
                table: "search_documents",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_thread_follows_MemberId",
                table: "thread_follows",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_thread_read_states_ThreadId",
                table: "thread_read_states",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_thread_workspaces_WorkspaceId",
                table: "thread_workspaces",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_workspace_updates_AuthorId",
                table: "workspace_updates",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_workspace_updates_WorkspaceId_PostedAt",
                table: "workspace_updates",
                columns: new[] { "WorkspaceId", "PostedAt" });

            // Full-text search: an FTS5 index over the Swedish-stemmed text of search_documents
            // (external content, rowid = the document's integer key), kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_fts USING fts5(StemmedText, content='search_documents', content_rowid='Id');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
                    INSERT INTO search_fts(rowid, StemmedText) VALUES (new.Id, new.StemmedText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
                    INSERT INTO search_fts(search_fts, rowid, StemmedText) VALUES ('delete', old.Id, old.StemmedText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
                    INSERT INTO search_fts(search_fts, rowid, StemmedText) VALUES ('delete', old.Id, old.StemmedText);
                    INSERT INTO search_fts(rowid, StemmedText) VALUES (new.Id, new.StemmedText);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_documents_au;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_documents_ad;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_documents_ai;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");
            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "post_reactions");

            migrationBuilder.DropTable(
                name: "post_revisions");

            migrationBuilder.DropTable(
                name: "search_documents");

            migrationBuilder.DropTable(
                name: "thread_follows");

            migrationBuilder.DropTable(
                name: "thread_read_states");

            migrationBuilder.DropTable(
                name: "thread_workspaces");

            migrationBuilder.DropTable(
                name: "workspace_updates");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "discussion_threads");
        }
    }
}
