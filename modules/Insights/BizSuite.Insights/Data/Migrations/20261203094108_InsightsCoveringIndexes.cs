using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Insights.Data.Migrations
{
    /// <inheritdoc />
    public partial class InsightsCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_insights_milestones_TenantId_DocumentType_Name_At",
                table: "insights_milestones");

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "insights_process_instances",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedAt",
                table: "insights_process_instances",
                type: "datetime(6)",
                nullable: true);

            // Invoices projected before these columns existed take them from their milestones.
            migrationBuilder.Sql("""
                UPDATE insights_process_instances i
                JOIN (SELECT InstanceId,
                             MIN(CASE WHEN Name = 'issued' THEN At END) AS IssuedAt,
                             MIN(CASE WHEN Name IN ('paid', 'credited') THEN At END) AS ClosedAt
                      FROM insights_milestones WHERE DocumentType = 'invoice' GROUP BY InstanceId) m ON m.InstanceId = i.Id
                SET i.IssuedAt = m.IssuedAt, i.ClosedAt = m.ClosedAt
                """);

            migrationBuilder.CreateIndex(
                name: "IX_insights_process_instances_TenantId_DocumentType_ClosedAt_Is~",
                table: "insights_process_instances",
                columns: new[] { "TenantId", "DocumentType", "ClosedAt", "IssuedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_milestones_instance_time",
                table: "insights_milestones",
                columns: new[] { "InstanceId", "Name", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_milestones_TenantId_DocumentType_Name_At_InstanceId",
                table: "insights_milestones",
                columns: new[] { "TenantId", "DocumentType", "Name", "At", "InstanceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_insights_process_instances_TenantId_DocumentType_ClosedAt_Is~",
                table: "insights_process_instances");

            migrationBuilder.DropIndex(
                name: "IX_insights_milestones_instance_time",
                table: "insights_milestones");

            migrationBuilder.DropIndex(
                name: "IX_insights_milestones_TenantId_DocumentType_Name_At_InstanceId",
                table: "insights_milestones");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "insights_process_instances");

            migrationBuilder.DropColumn(
                name: "IssuedAt",
                table: "insights_process_instances");

            migrationBuilder.CreateIndex(
                name: "IX_insights_milestones_TenantId_DocumentType_Name_At",
                table: "insights_milestones",
                columns: new[] { "TenantId", "DocumentType", "Name", "At" });
        }
    }
}
