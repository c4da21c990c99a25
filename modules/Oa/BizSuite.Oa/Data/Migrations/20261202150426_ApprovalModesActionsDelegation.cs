using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Oa.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalModesActionsDelegation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastActionAt",
                table: "oa_approvals",
                type: "datetime(6)",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "LastRemindedAt",
                table: "oa_approvals",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResubmitFrom",
                table: "oa_approvals",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "ReturnedFromStep",
                table: "oa_approvals",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DeadlineHours",
                table: "oa_approval_steps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "oa_approval_steps",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "oa_approval_steps",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "RequiredApprovals",
                table: "oa_approval_steps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "oa_approval_steps",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "TimedOutAt",
                table: "oa_approval_steps",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeoutAction",
                table: "oa_approval_steps",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<Guid>(
                name: "OnBehalfOf",
                table: "oa_approval_history",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "Position",
                table: "oa_approval_history",
                type: "varchar(16)",
                maxLength: 16,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "TargetStep",
                table: "oa_approval_history",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TargetUserId",
                table: "oa_approval_history",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "ResubmitFrom",
                table: "oa_approval_flows",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "DeadlineHours",
                table: "oa_approval_flow_steps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "oa_approval_flow_steps",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "RequiredApprovals",
                table: "oa_approval_flow_steps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeoutAction",
                table: "oa_approval_flow_steps",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "ActivatedAt",
                table: "oa_approval_assignees",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AddedBy",
                table: "oa_approval_assignees",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAt",
                table: "oa_approval_assignees",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OnBehalfOf",
                table: "oa_approval_assignees",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<int>(
                name: "Order",
                table: "oa_approval_assignees",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentId",
                table: "oa_approval_assignees",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "Position",
                table: "oa_approval_assignees",
                type: "varchar(16)",
                maxLength: 16,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "oa_approval_assignees",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "oa_approval_assignees",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "oa_approval_assignees",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "oa_approval_cc",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Moment = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StepNumber = table.Column<int>(type: "int", nullable: true),
                    CopiedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    ApprovalId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_approval_cc", x => x.Id);
                    table.ForeignKey(
                        name: "FK_oa_approval_cc_oa_approvals_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "oa_approvals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "oa_approval_flow_cc",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Moment = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StepNumber = table.Column<int>(type: "int", nullable: true),
                    Rule = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RoleName = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FlowId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_approval_flow_cc", x => x.Id);
                    table.ForeignKey(
                        name: "FK_oa_approval_flow_cc_oa_approval_flows_FlowId",
                        column: x => x.FlowId,
                        principalTable: "oa_approval_flows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "oa_delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    SubstituteUserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    StartsAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    DocumentTypes = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Reason = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    LeaveRequestId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    CancelledAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ModifiedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    ModifiedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oa_delegations", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_oa_approvals_Status_CurrentStep",
                table: "oa_approvals",
                columns: new[] { "Status", "CurrentStep" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_approval_cc_ApprovalId",
                table: "oa_approval_cc",
                column: "ApprovalId");

            migrationBuilder.CreateIndex(
                name: "IX_oa_approval_cc_UserId_CopiedAt",
                table: "oa_approval_cc",
                columns: new[] { "UserId", "CopiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_approval_flow_cc_FlowId",
                table: "oa_approval_flow_cc",
                column: "FlowId");

            migrationBuilder.CreateIndex(
                name: "IX_oa_delegations_TenantId",
                table: "oa_delegations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_oa_delegations_TenantId_LeaveRequestId",
                table: "oa_delegations",
                columns: new[] { "TenantId", "LeaveRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_oa_delegations_TenantId_UserId_EndsAt",
                table: "oa_delegations",
                columns: new[] { "TenantId", "UserId", "EndsAt" });

            // Approvals and flows from before: every step is 或签 (any one approver decides) without a deadline, as it was;
            // approvers of a pending approval's current step may act, the others' parts are closed (decided ones as decided).
            migrationBuilder.Sql("UPDATE oa_approval_flows SET ResubmitFrom = 'ReturningStep' WHERE ResubmitFrom = ''");
            migrationBuilder.Sql("UPDATE oa_approval_flow_steps SET Mode = 'Any', TimeoutAction = 'None' WHERE Mode = ''");
            migrationBuilder.Sql("UPDATE oa_approvals SET ResubmitFrom = 'ReturningStep', LastActionAt = COALESCE(FinishedAt, SubmittedAt) WHERE ResubmitFrom = ''");
            migrationBuilder.Sql("UPDATE oa_approval_steps SET Mode = 'Any', TimeoutAction = 'None' WHERE Mode = ''");
            migrationBuilder.Sql("""
                UPDATE oa_approval_assignees x JOIN oa_approvals a ON a.Id = x.ApprovalId
                SET x.State = CASE WHEN a.Status = 'Pending' AND a.CurrentStep = x.StepNumber THEN 'Pending' ELSE 'Cancelled' END, x.ActivatedAt = a.SubmittedAt
                WHERE x.State = ''
                """);
            migrationBuilder.Sql("""
                UPDATE oa_approval_assignees x JOIN oa_approval_history h
                  ON h.ApprovalId = x.ApprovalId AND h.StepNumber = x.StepNumber AND h.UserId = x.UserId AND h.Action IN ('Approved', 'Rejected')
                SET x.State = h.Action, x.DecidedAt = h.At
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oa_approval_cc");

            migrationBuilder.DropTable(
                name: "oa_approval_flow_cc");

            migrationBuilder.DropTable(
                name: "oa_delegations");

            migrationBuilder.DropIndex(
                name: "IX_oa_approvals_Status_CurrentStep",
                table: "oa_approvals");

            migrationBuilder.DropColumn(
                name: "LastActionAt",
                table: "oa_approvals");

            migrationBuilder.DropColumn(
                name: "LastRemindedAt",
                table: "oa_approvals");

            migrationBuilder.DropColumn(
                name: "ResubmitFrom",
                table: "oa_approvals");

            migrationBuilder.DropColumn(
                name: "ReturnedFromStep",
                table: "oa_approvals");

            migrationBuilder.DropColumn(
                name: "DeadlineHours",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "RequiredApprovals",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "TimedOutAt",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "TimeoutAction",
                table: "oa_approval_steps");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "oa_approval_history");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "oa_approval_history");

            migrationBuilder.DropColumn(
                name: "TargetStep",
                table: "oa_approval_history");

            migrationBuilder.DropColumn(
                name: "TargetUserId",
                table: "oa_approval_history");

            migrationBuilder.DropColumn(
                name: "ResubmitFrom",
                table: "oa_approval_flows");

            migrationBuilder.DropColumn(
                name: "DeadlineHours",
                table: "oa_approval_flow_steps");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "oa_approval_flow_steps");

            migrationBuilder.DropColumn(
                name: "RequiredApprovals",
                table: "oa_approval_flow_steps");

            migrationBuilder.DropColumn(
                name: "TimeoutAction",
                table: "oa_approval_flow_steps");

            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "AddedBy",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "Order",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "oa_approval_assignees");

            migrationBuilder.DropColumn(
                name: "State",
                table: "oa_approval_assignees");
        }
    }
}
