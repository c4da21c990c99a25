using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Purchasing.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupplierCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "purchasing_suppliers",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing suppliers have no custom values yet: an empty JSON object, as a new supplier starts with.
            migrationBuilder.Sql("UPDATE purchasing_suppliers SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "purchasing_supplier_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    SupplierId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchasing_supplier_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_purchasing_supplier_field_values_purchasing_suppliers_Suppli~",
                        column: x => x.SupplierId,
                        principalTable: "purchasing_suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_purchasing_supplier_field_values_SupplierId",
                table: "purchasing_supplier_field_values",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_purchasing_supplier_field_values_TenantId_FieldKey_Value_Sup~",
                table: "purchasing_supplier_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "SupplierId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "purchasing_supplier_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "purchasing_suppliers");
        }
    }
}
