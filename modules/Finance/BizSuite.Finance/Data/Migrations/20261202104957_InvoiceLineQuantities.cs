using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Finance.Data.Migrations
{
    /// <summary>Invoice lines print specification, unit, quantity and unit price like a VAT invoice; receivable lines keep what they need for that.</summary>
    public partial class InvoiceLineQuantities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Quantity",
                table: "finance_receivable_lines",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 1m);

            migrationBuilder.AddColumn<string>(
                name: "Specification",
                table: "finance_receivable_lines",
                type: "varchar(40)",
                maxLength: 40,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "finance_receivable_lines",
                type: "varchar(16)",
                maxLength: 16,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "Quantity",
                table: "finance_invoice_lines",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 1m);

            migrationBuilder.AddColumn<string>(
                name: "Specification",
                table: "finance_invoice_lines",
                type: "varchar(40)",
                maxLength: 40,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "finance_invoice_lines",
                type: "varchar(16)",
                maxLength: 16,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "UnitPrice",
                table: "finance_invoice_lines",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // Lines from before quantities were kept read as one unit at the line's amount, which is true of what was billed.
            migrationBuilder.Sql("UPDATE finance_invoice_lines SET UnitPrice = NetAmount");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Quantity",
                table: "finance_receivable_lines");

            migrationBuilder.DropColumn(
                name: "Specification",
                table: "finance_receivable_lines");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "finance_receivable_lines");

            migrationBuilder.DropColumn(
                name: "Quantity",
                table: "finance_invoice_lines");

            migrationBuilder.DropColumn(
                name: "Specification",
                table: "finance_invoice_lines");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "finance_invoice_lines");

            migrationBuilder.DropColumn(
                name: "UnitPrice",
                table: "finance_invoice_lines");
        }
    }
}
