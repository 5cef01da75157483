using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssignmentsPlanAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignment_deadline_notices",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_deadline_notices", x => new { x.SubjectId, x.ItemId, x.Deadline, x.Due, x.Overdue });
                });

            migrationBuilder.CreateTable(
                name: "government_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Ministry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PartnerOrganisationIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ChildRights = table.Column<bool>(type: "boolean", nullable: false),
                    TotalBudget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RepaymentDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_government_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_government_assignments_documents_DecisionDocumentId",
                        column: x => x.DecisionDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "assignment_budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ExpenditureArea = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Appropriation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AppropriationItem = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RequisitionFrom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequisitionBy = table.Column<DateOnly>(type: "date", nullable: false),
                    RequisitionedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AmountReceived = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_budget_lines_government_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "government_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_parts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_parts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_parts_government_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "government_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_reports_government_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "government_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignment_reports_members_SubmittedBy",
                        column: x => x.SubmittedBy,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "planned_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SpentCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ExploitationForms = table.Column<int[]>(type: "integer[]", nullable: false),
                    ChildRights = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planned_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_planned_activities_government_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "government_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_planned_activities_members_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_planned_activities_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "assignment_report_texts",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_report_texts", x => new { x.ReportId, x.Key });
                    table.ForeignKey(
                        name: "FK_assignment_report_texts_assignment_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "assignment_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_links",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity_links", x => new { x.ActivityId, x.Kind, x.TargetId });
                    table.ForeignKey(
                        name: "FK_activity_links_members_LinkedBy",
                        column: x => x.LinkedBy,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_activity_links_planned_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "planned_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activity_links_Kind_TargetId",
                table: "activity_links",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_activity_links_LinkedBy",
                table: "activity_links",
                column: "LinkedBy");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_budget_lines_AssignmentId_Position",
                table: "assignment_budget_lines",
                columns: new[] { "AssignmentId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignment_budget_lines_RequisitionBy",
                table: "assignment_budget_lines",
                column: "RequisitionBy");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_parts_AssignmentId_Number",
                table: "assignment_parts",
                columns: new[] { "AssignmentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignment_reports_AssignmentId_PeriodStart",
                table: "assignment_reports",
                columns: new[] { "AssignmentId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_reports_SubmittedBy",
                table: "assignment_reports",
                column: "SubmittedBy");

            migrationBuilder.CreateIndex(
                name: "IX_government_assignments_DecisionDocumentId",
                table: "government_assignments",
                column: "DecisionDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_government_assignments_PeriodEnd",
                table: "government_assignments",
                column: "PeriodEnd");

            migrationBuilder.CreateIndex(
                name: "IX_government_assignments_RegistrationNumber",
                table: "government_assignments",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_planned_activities_AssignmentId",
                table: "planned_activities",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_planned_activities_OwnerId",
                table: "planned_activities",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_planned_activities_PlannedEnd",
                table: "planned_activities",
                column: "PlannedEnd");

            migrationBuilder.CreateIndex(
                name: "IX_planned_activities_WorkspaceId",
                table: "planned_activities",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_planned_activities_Year_PlannedStart",
                table: "planned_activities",
                columns: new[] { "Year", "PlannedStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_links");

            migrationBuilder.DropTable(
                name: "assignment_budget_lines");

            migrationBuilder.DropTable(
                name: "assignment_deadline_notices");

            migrationBuilder.DropTable(
                name: "assignment_parts");

            migrationBuilder.DropTable(
                name: "assignment_report_texts");

            migrationBuilder.DropTable(
                name: "planned_activities");

            migrationBuilder.DropTable(
                name: "assignment_reports");

            migrationBuilder.DropTable(
                name: "government_assignments");
        }
    }
}
