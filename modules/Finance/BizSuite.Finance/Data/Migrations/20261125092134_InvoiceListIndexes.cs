using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_finance_invoices_TenantId_DueOn",
                table: "finance_invoices",
                columns: new[] { "TenantId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_finance_invoices_TenantId_IssuedOn",
                table: "finance_invoices",
                columns: new[] { "TenantId", "IssuedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_finance_invoices_TenantId_DueOn",
                table: "finance_invoices");

            migrationBuilder.DropIndex(
                name: "IX_finance_invoices_TenantId_IssuedOn",
                table: "finance_invoices");
        }
    }
}
