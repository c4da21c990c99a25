using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Insights.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceDueDateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_insights_process_instances_TenantId_DocumentType_DueOn",
                table: "insights_process_instances",
                columns: new[] { "TenantId", "DocumentType", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_insights_process_instances_TenantId_DocumentType_DueOn",
                table: "insights_process_instances");
        }
    }
}
