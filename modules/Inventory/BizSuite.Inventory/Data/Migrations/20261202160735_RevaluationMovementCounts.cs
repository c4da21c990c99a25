using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Inventory.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevaluationMovementCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RevaluationCount",
                table: "inventory_stock_balances",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Revaluation rows a bill's price variance wrote before the count existed.
            migrationBuilder.Sql("""
                UPDATE inventory_stock_balances b
                JOIN (SELECT TenantId, WarehouseId, ProductId, COUNT(*) AS Revaluations
                      FROM inventory_movements WHERE Kind = 'Revaluation' GROUP BY TenantId, WarehouseId, ProductId) m
                  ON m.TenantId = b.TenantId AND m.WarehouseId = b.WarehouseId AND m.ProductId = b.ProductId
                SET b.RevaluationCount = m.Revaluations;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RevaluationCount",
                table: "inventory_stock_balances");
        }
    }
}
