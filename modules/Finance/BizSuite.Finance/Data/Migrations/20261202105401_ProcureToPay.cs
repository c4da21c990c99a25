using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcureToPay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "finance_payables",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "PaymentRunId",
                table: "finance_payables",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.CreateTable(
                name: "finance_payment_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Number = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Currency = table.Column<string>(type: "varchar(3)", maxLength: 3, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Total = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ModifiedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    ModifiedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_payment_runs", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "finance_payment_run_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    PayableId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    PayableNumber = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PayeeId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    PayeeName = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    SourceType = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    SourceNumber = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PaymentRunId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_payment_run_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_payment_run_items_finance_payment_runs_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "finance_payment_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_finance_payables_TenantId_DueOn",
                table: "finance_payables",
                columns: new[] { "TenantId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_finance_payables_TenantId_PayeeId",
                table: "finance_payables",
                columns: new[] { "TenantId", "PayeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_finance_payment_run_items_PayableId",
                table: "finance_payment_run_items",
                column: "PayableId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_finance_payment_run_items_PaymentRunId",
                table: "finance_payment_run_items",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_finance_payment_runs_TenantId",
                table: "finance_payment_runs",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_finance_payment_runs_TenantId_Number",
                table: "finance_payment_runs",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            // Payables recorded before due dates existed (expense claims) were due when recorded.
            migrationBuilder.Sql("UPDATE finance_payables SET DueOn = RecordedOn");

            // Tenants created before Procure-to-Pay get its accounts too; new tenants get them from the standard chart.
            foreach (var (code, name, nameEn, type) in new[]
            {
                ("1901", "待处理财产损溢", "Pending gains and losses on assets", "Asset"),
                ("220201", "应付账款-暂估", "Accounts payable - goods received not billed", "Liability"),
                ("222102", "应交税费-应交增值税(进项税额)", "VAT payable - input tax", "Liability"),
            })
                migrationBuilder.Sql($"""
                    INSERT INTO finance_accounts (Id, TenantId, Code, Name, NameEn, Type)
                    SELECT UUID(), a.TenantId, '{code}', '{name}', '{nameEn}', '{type}' FROM finance_accounts a
                    WHERE a.Code = '1002' AND NOT EXISTS (SELECT 1 FROM finance_accounts b WHERE b.TenantId = a.TenantId AND b.Code = '{code}')
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finance_payment_run_items");

            migrationBuilder.DropTable(
                name: "finance_payment_runs");

            migrationBuilder.DropIndex(
                name: "IX_finance_payables_TenantId_DueOn",
                table: "finance_payables");

            migrationBuilder.DropIndex(
                name: "IX_finance_payables_TenantId_PayeeId",
                table: "finance_payables");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "finance_payables");

            migrationBuilder.DropColumn(
                name: "PaymentRunId",
                table: "finance_payables");

            migrationBuilder.Sql("DELETE FROM finance_accounts WHERE Code IN ('1901', '220201', '222102')");
        }
    }
}
