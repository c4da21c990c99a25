using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceOverdueAnnounced : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OverdueAnnounced",
                table: "finance_receivable_installments",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverdueAnnounced",
                table: "finance_receivable_installments");
        }
    }
}
