using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Crm.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractLineNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LineNumber",
                table: "crm_contract_lines",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LineNumber",
                table: "crm_contract_lines");
        }
    }
}
