using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Crm.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractCollectionStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CollectionStatus",
                table: "crm_contracts",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Unpaid")
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CollectionStatus",
                table: "crm_contracts");
        }
    }
}
