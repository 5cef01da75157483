using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Persistence.Sql;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationsAboutSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_notifications_discussion_threads_ThreadId",
                table: "notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_notifications_posts_PostId",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_PostId",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_ThreadId",
                table: "notifications");

            migrationBuilder.RenameColumn(
                name: "ThreadId",
                table: "notifications",
                newName: "SubjectId");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "notifications",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);

            migrationBuilder.AlterColumn<Guid>(
                name: "ActorId",
                table: "notifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "PartId",
                table: "notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "notifications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "notifications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            NotificationSubjectsSql.CopyThreadNotifications(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "PostId",
                table: "notifications");

            migrationBuilder.CreateTable(
                name: "notification_digests",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_digests", x => new { x.MemberId, x.Period });
                    table.ForeignKey(
                        name: "FK_notification_digests_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_mails_sent",
                columns: table => new
                {
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_mails_sent", x => x.DeliveryId);
                });

            migrationBuilder.CreateTable(
                name: "notification_mutes",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    MutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_mutes", x => new { x.MemberId, x.SubjectKind, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_notification_mutes_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    InPortal = table.Column<bool>(type: "boolean", nullable: false),
                    Email = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_preferences", x => new { x.MemberId, x.Kind });
                    table.ForeignKey(
                        name: "FK_notification_preferences_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_SubjectKind_SubjectId",
                table: "notifications",
                columns: new[] { "SubjectKind", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_digests");

            migrationBuilder.DropTable(
                name: "notification_mails_sent");

            migrationBuilder.DropTable(
                name: "notification_mutes");

            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropIndex(
                name: "IX_notifications_SubjectKind_SubjectId",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "PartId",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "notifications");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "notifications",
                newName: "ThreadId");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "notifications",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<Guid>(
                name: "ActorId",
                table: "notifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PostId",
                table: "notifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_notifications_PostId",
                table: "notifications",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_ThreadId",
                table: "notifications",
                column: "ThreadId");

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_discussion_threads_ThreadId",
                table: "notifications",
                column: "ThreadId",
                principalTable: "discussion_threads",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_posts_PostId",
                table: "notifications",
                column: "PostId",
                principalTable: "posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
