using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OnlineLink = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OrganiserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeWorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecurrenceFrequency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RecurrenceInterval = table.Column<int>(type: "INTEGER", nullable: true),
                    RecurrenceWeekOfMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    RecurrenceCount = table.Column<int>(type: "INTEGER", nullable: true),
                    RecurrenceUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeriesStartLocal = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SecretaryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SplitFromMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_meetings_SplitFromMeetingId",
                        column: x => x.SplitFromMeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_meetings_members_OrganiserId",
                        column: x => x.OrganiserId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meetings_members_SecretaryId",
                        column: x => x.SecretaryId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_meetings_workspaces_HomeWorkspaceId",
                        column: x => x.HomeWorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_invitees",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_invitees", x => new { x.MeetingId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_meeting_invitees_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_invitees_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OriginalStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_occurrences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_occurrences_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_workspaces",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_workspaces", x => new { x.MeetingId, x.WorkspaceId });
                    table.ForeignKey(
                        name: "FK_meeting_workspaces_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_workspaces_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_replies",
                columns: table => new
                {
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_replies", x => new { x.OccurrenceId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_meeting_replies_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_replies_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_invitees_MemberId",
                table: "meeting_invitees",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_occurrences_MeetingId_OriginalStart",
                table: "meeting_occurrences",
                columns: new[] { "MeetingId", "OriginalStart" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_occurrences_Start",
                table: "meeting_occurrences",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_replies_MemberId",
                table: "meeting_replies",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_workspaces_WorkspaceId",
                table: "meeting_workspaces",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_HomeWorkspaceId",
                table: "meetings",
                column: "HomeWorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_OrganiserId",
                table: "meetings",
                column: "OrganiserId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_SecretaryId",
                table: "meetings",
                column: "SecretaryId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_SplitFromMeetingId",
                table: "meetings",
                column: "SplitFromMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_Uid",
                table: "meetings",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_invitees");

            migrationBuilder.DropTable(
                name: "meeting_replies");

            migrationBuilder.DropTable(
                name: "meeting_workspaces");

            migrationBuilder.DropTable(
                name: "meeting_occurrences");

            migrationBuilder.DropTable(
                name: "meetings");
        }
    }
}
