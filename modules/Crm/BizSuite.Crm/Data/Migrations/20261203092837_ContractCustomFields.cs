using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Crm.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "crm_contracts",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing contracts have no custom values yet: an empty JSON object, as a new contract starts with.
            migrationBuilder.Sql("UPDATE crm_contracts SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "crm_contract_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ContractId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_contract_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_contract_field_values_crm_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "crm_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_crm_contract_field_values_ContractId",
                table: "crm_contract_field_values",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_contract_field_values_TenantId_FieldKey_Value_ContractId",
                table: "crm_contract_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "ContractId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_contract_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "crm_contracts");
        }
    }
}
