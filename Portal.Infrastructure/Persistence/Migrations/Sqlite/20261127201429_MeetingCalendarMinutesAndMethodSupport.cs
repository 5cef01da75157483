using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingCalendarMinutesAndMethodSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "audit_records",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_feeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_feeds_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_action_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneById = table.Column<Guid>(type: "TEXT", nullable: true),
                    OverdueNotifiedFor = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_action_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_action_items_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_action_items_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_action_items_members_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_action_items_members_DoneById",
                        column: x => x.DoneById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_action_items_members_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_agenda_deadlines",
                columns: table => new
                {
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderSentFor = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_agenda_deadlines", x => x.OccurrenceId);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_deadlines_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_deadlines_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesAllotted = table.Column<int>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LinkTargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_items_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_items_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_items_members_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_items_members_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendance",
                columns: table => new
                {
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_attendance", x => new { x.OccurrenceId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_meeting_attendance_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_attendance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_attendance_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_decisions_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_decisions_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_decisions_members_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_minutes",
                columns: table => new
                {
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    WrittenById = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_minutes", x => x.OccurrenceId);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_members_WrittenById",
                        column: x => x.WrittenById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_reminders_sent",
                columns: table => new
                {
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_reminders_sent", x => new { x.OccurrenceId, x.Start });
                    table.ForeignKey(
                        name: "FK_meeting_reminders_sent_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_desks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DutyMemberIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_desks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_desks_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AskerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AskerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AskerOrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AskerOrganisationKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AskerContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LoggedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DoneSoFar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Forms = table.Column<string>(type: "TEXT", nullable: false),
                    ChildConcerned = table.Column<bool>(type: "INTEGER", nullable: false),
                    SocialServicesInvolved = table.Column<bool>(type: "INTEGER", nullable: true),
                    SocialServicesConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    County = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PreferredContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_requests_members_AskerId",
                        column: x => x.AskerId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_requests_members_LoggedById",
                        column: x => x.LoggedById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_requests_organisations_AskerOrganisationId",
                        column: x => x.AskerOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_outside_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_outside_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_outside_participants_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_training_outside_participants_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_training_outside_participants_members_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_registrations_meeting_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "meeting_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_training_registrations_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_training_registrations_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_assignments",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_assignments", x => new { x.RequestId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_support_assignments_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_assignments_support_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "support_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_notes_members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_notes_support_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "support_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReferredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_referrals_members_ReferredBy",
                        column: x => x.ReferredBy,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_referrals_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_referrals_support_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "support_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_replies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromTeam = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_replies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_replies_members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_replies_support_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "support_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_viewers",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_viewers", x => new { x.RequestId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_support_viewers_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_viewers_support_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "support_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_MemberId",
                table: "calendar_feeds",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_SecretHash",
                table: "calendar_feeds",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_action_items_AssigneeId_DoneAt",
                table: "meeting_action_items",
                columns: new[] { "AssigneeId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_action_items_DoneById",
                table: "meeting_action_items",
                column: "DoneById");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_action_items_DueOn_DoneAt",
                table: "meeting_action_items",
                columns: new[] { "DueOn", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_action_items_MeetingId_OccurrenceId",
                table: "meeting_action_items",
                columns: new[] { "MeetingId", "OccurrenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_action_items_OccurrenceId",
                table: "meeting_action_items",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_action_items_RecordedById",
                table: "meeting_action_items",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_deadlines_Deadline",
                table: "meeting_agenda_deadlines",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_deadlines_MeetingId",
                table: "meeting_agenda_deadlines",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_items_MeetingId_OccurrenceId",
                table: "meeting_agenda_items",
                columns: new[] { "MeetingId", "OccurrenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_items_OccurrenceId",
                table: "meeting_agenda_items",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_items_OwnerId",
                table: "meeting_agenda_items",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_items_ProposedById",
                table: "meeting_agenda_items",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendance_MeetingId",
                table: "meeting_attendance",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendance_MemberId",
                table: "meeting_attendance",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_decisions_MeetingId_OccurrenceId",
                table: "meeting_decisions",
                columns: new[] { "MeetingId", "OccurrenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_decisions_OccurrenceId",
                table: "meeting_decisions",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_decisions_RecordedById",
                table: "meeting_decisions",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_minutes_MeetingId",
                table: "meeting_minutes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_minutes_WrittenById",
                table: "meeting_minutes",
                column: "WrittenById");

            migrationBuilder.CreateIndex(
                name: "IX_support_assignments_MemberId",
                table: "support_assignments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_support_desks_WorkspaceId",
                table: "support_desks",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_support_notes_AuthorId",
                table: "support_notes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_support_notes_RequestId_At",
                table: "support_notes",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_support_referrals_OrganisationId",
                table: "support_referrals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_support_referrals_ReferredBy",
                table: "support_referrals",
                column: "ReferredBy");

            migrationBuilder.CreateIndex(
                name: "IX_support_referrals_RequestId_At",
                table: "support_referrals",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_support_replies_AuthorId",
                table: "support_replies",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_support_replies_RequestId_At",
                table: "support_replies",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_AskerId",
                table: "support_requests",
                column: "AskerId");

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_AskerOrganisationId",
                table: "support_requests",
                column: "AskerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_ClosedAt",
                table: "support_requests",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_LoggedById",
                table: "support_requests",
                column: "LoggedById");

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_Reference",
                table: "support_requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_Status_SubmittedAt",
                table: "support_requests",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_Year_Number",
                table: "support_requests",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_viewers_MemberId",
                table: "support_viewers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_training_outside_participants_MeetingId_OccurrenceId",
                table: "training_outside_participants",
                columns: new[] { "MeetingId", "OccurrenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_training_outside_participants_OccurrenceId",
                table: "training_outside_participants",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_training_outside_participants_RecordedById",
                table: "training_outside_participants",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_training_registrations_MeetingId",
                table: "training_registrations",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_training_registrations_MemberId",
                table: "training_registrations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_training_registrations_OccurrenceId_MemberId",
                table: "training_registrations",
                columns: new[] { "OccurrenceId", "MemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "meeting_action_items");

            migrationBuilder.DropTable(
                name: "meeting_agenda_deadlines");

            migrationBuilder.DropTable(
                name: "meeting_agenda_items");

            migrationBuilder.DropTable(
                name: "meeting_attendance");

            migrationBuilder.DropTable(
                name: "meeting_decisions");

            migrationBuilder.DropTable(
                name: "meeting_minutes");

            migrationBuilder.DropTable(
                name: "meeting_reminders_sent");

            migrationBuilder.DropTable(
                name: "support_assignments");

            migrationBuilder.DropTable(
                name: "support_desks");

            migrationBuilder.DropTable(
                name: "support_notes");

            migrationBuilder.DropTable(
                name: "support_referrals");

            migrationBuilder.DropTable(
                name: "support_replies");

            migrationBuilder.DropTable(
                name: "support_viewers");

            migrationBuilder.DropTable(
                name: "training_outside_participants");

            migrationBuilder.DropTable(
                name: "training_registrations");

            migrationBuilder.DropTable(
                name: "support_requests");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "audit_records");
        }
    }
}
