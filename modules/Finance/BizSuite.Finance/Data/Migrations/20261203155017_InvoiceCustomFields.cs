using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "finance_invoices",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing invoices have no custom values yet: an empty JSON object, as a new invoice starts with.
            migrationBuilder.Sql("UPDATE finance_invoices SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "finance_invoice_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    InvoiceId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_invoice_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_invoice_field_values_finance_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "finance_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_finance_invoice_field_values_InvoiceId",
                table: "finance_invoice_field_values",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_finance_invoice_field_values_TenantId_FieldKey_Value_Invoice~",
                table: "finance_invoice_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "InvoiceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finance_invoice_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "finance_invoices");
        }
    }
}
