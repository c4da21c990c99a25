using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Crm.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "crm_customers",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing customers have no custom values yet: an empty JSON object, as a new customer starts with.
            migrationBuilder.Sql("UPDATE crm_customers SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "crm_customer_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    CustomerId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_customer_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_customer_field_values_crm_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "crm_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_field_values_CustomerId",
                table: "crm_customer_field_values",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_customer_field_values_TenantId_FieldKey_Value_CustomerId",
                table: "crm_customer_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_customer_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "crm_customers");
        }
    }
}
