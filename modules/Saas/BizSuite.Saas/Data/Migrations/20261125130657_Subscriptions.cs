using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Saas.Data.Migrations
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tenants that exist before editions keep every module: Professional, active.
            migrationBuilder.AddColumn<DateTime>(
                name: "CurrentPeriodEnd",
                table: "saas_tenants",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Edition",
                table: "saas_tenants",
                type: "varchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Professional")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "GraceEndsAt",
                table: "saas_tenants",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastStripeEventAt",
                table: "saas_tenants",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StripeCustomerId",
                table: "saas_tenants",
                type: "varchar(100)",
                maxLength: 100,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "StripeSubscriptionId",
                table: "saas_tenants",
                type: "varchar(100)",
                maxLength: 100,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "SubscriptionStatus",
                table: "saas_tenants",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Active")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "saas_editions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Name = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Modules = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    MaxUsers = table.Column<int>(type: "int", nullable: false),
                    MaxStorageMb = table.Column<int>(type: "int", nullable: false),
                    MonthlyPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "varchar(3)", maxLength: 3, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Rank = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saas_editions", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "saas_stripe_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    EventId = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Type = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ReceivedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    Outcome = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saas_stripe_events", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_saas_tenants_StripeCustomerId",
                table: "saas_tenants",
                column: "StripeCustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_saas_editions_Name",
                table: "saas_editions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_saas_stripe_events_EventId",
                table: "saas_stripe_events",
                column: "EventId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saas_editions");

            migrationBuilder.DropTable(
                name: "saas_stripe_events");

            migrationBuilder.DropIndex(
                name: "IX_saas_tenants_StripeCustomerId",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "CurrentPeriodEnd",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "Edition",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "GraceEndsAt",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "LastStripeEventAt",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "StripeCustomerId",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "StripeSubscriptionId",
                table: "saas_tenants");

            migrationBuilder.DropColumn(
                name: "SubscriptionStatus",
                table: "saas_tenants");
        }
    }
}
