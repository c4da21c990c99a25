using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Inventory.Data.Migrations
{
    /// <inheritdoc />
    public partial class StockItemReorderQuantity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ReorderQuantity",
                table: "inventory_stock_items",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReorderQuantity",
                table: "inventory_stock_items");
        }
    }
}
