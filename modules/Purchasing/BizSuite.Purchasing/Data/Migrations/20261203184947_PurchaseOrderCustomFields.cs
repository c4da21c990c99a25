using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Purchasing.Data.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseOrderCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "purchasing_orders",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing orders have no custom values yet: an empty JSON object, as a new order starts with.
            migrationBuilder.Sql("UPDATE purchasing_orders SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "purchasing_order_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PurchaseOrderId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchasing_order_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_purchasing_order_field_values_purchasing_orders_PurchaseOrde~",
                        column: x => x.PurchaseOrderId,
                        principalTable: "purchasing_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_purchasing_order_field_values_PurchaseOrderId",
                table: "purchasing_order_field_values",
                column: "PurchaseOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_purchasing_order_field_values_TenantId_FieldKey_Value_Purcha~",
                table: "purchasing_order_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "PurchaseOrderId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "purchasing_order_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "purchasing_orders");
        }
    }
}
