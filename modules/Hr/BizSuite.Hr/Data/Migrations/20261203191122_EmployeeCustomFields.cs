using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Hr.Data.Migrations
{
    /// <inheritdoc />
    public partial class EmployeeCustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFields",
                table: "hr_employees",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Existing employees have no custom values yet: an empty JSON object, as a new employee starts with.
            migrationBuilder.Sql("UPDATE hr_employees SET CustomFields = '{}'");

            migrationBuilder.CreateTable(
                name: "hr_employee_field_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    FieldKey = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Value = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    EmployeeId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hr_employee_field_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hr_employee_field_values_hr_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "hr_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_hr_employee_field_values_EmployeeId",
                table: "hr_employee_field_values",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_hr_employee_field_values_TenantId_FieldKey_Value_EmployeeId",
                table: "hr_employee_field_values",
                columns: new[] { "TenantId", "FieldKey", "Value", "EmployeeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hr_employee_field_values");

            migrationBuilder.DropColumn(
                name: "CustomFields",
                table: "hr_employees");
        }
    }
}
