using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MethodSupport : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "support_requests");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "audit_records");
        }
    }
}
