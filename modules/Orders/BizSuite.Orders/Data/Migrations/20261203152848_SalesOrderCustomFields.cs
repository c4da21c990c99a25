using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Orders.Data.Migrations
{
    /// <inheritdoc />
    public partial class SalesOrderCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "orders_sales_orders",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing orders have no custom values yet: an empty JSON object, as a new order starts with.
            migrationBuilder.Sql("UPDATE orders_sales_orders SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "orders_sales_order_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    SalesOrderId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_sales_order_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orders_sales_order_field_values_orders_sales_orders_SalesOrd~",
                        column: x => x.SalesOrderId,
                        principalTable: "orders_sales_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_orders_sales_order_field_values_SalesOrderId",
                table: "orders_sales_order_field_values",
                column: "SalesOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_orders_sales_order_field_values_TenantId_FieldKey_Value_Sale~",
                table: "orders_sales_order_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "SalesOrderId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_sales_order_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "orders_sales_orders");
        }
    }
}
