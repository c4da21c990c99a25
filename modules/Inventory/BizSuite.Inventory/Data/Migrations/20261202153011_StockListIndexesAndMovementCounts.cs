using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Inventory.Data.Migrations
{
    /// <inheritdoc />
    public partial class StockListIndexesAndMovementCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inventory_movements_TenantId",
                table: "inventory_movements");

            migrationBuilder.AddColumn<int>(
                name: "AdjustmentCount",
                table: "inventory_stock_balances",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DeliveryCount",
                table: "inventory_stock_balances",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReceiptCount",
                table: "inventory_stock_balances",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StocktakeCount",
                table: "inventory_stock_balances",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // The ledger rows written before the counts existed.
            migrationBuilder.Sql("""
                UPDATE inventory_stock_balances b
                JOIN (SELECT TenantId, WarehouseId, ProductId,
                             SUM(Kind = 'Receipt') AS Receipts, SUM(Kind = 'Delivery') AS Deliveries,
                             SUM(Kind = 'Adjustment') AS Adjustments, SUM(Kind = 'Stocktake') AS Stocktakes
                      FROM inventory_movements GROUP BY TenantId, WarehouseId, ProductId) m
                  ON m.TenantId = b.TenantId AND m.WarehouseId = b.WarehouseId AND m.ProductId = b.ProductId
                SET b.ReceiptCount = m.Receipts, b.DeliveryCount = m.Deliveries, b.AdjustmentCount = m.Adjustments, b.StocktakeCount = m.Stocktakes;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_inventory_stock_items_TenantId_Sku",
                table: "inventory_stock_items",
                columns: new[] { "TenantId", "Sku" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inventory_stock_items_TenantId_Sku",
                table: "inventory_stock_items");

            migrationBuilder.DropColumn(
                name: "AdjustmentCount",
                table: "inventory_stock_balances");

            migrationBuilder.DropColumn(
                name: "DeliveryCount",
                table: "inventory_stock_balances");

            migrationBuilder.DropColumn(
                name: "ReceiptCount",
                table: "inventory_stock_balances");

            migrationBuilder.DropColumn(
                name: "StocktakeCount",
                table: "inventory_stock_balances");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_movements_TenantId",
                table: "inventory_movements",
                column: "TenantId");
        }
    }
}
