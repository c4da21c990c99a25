using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Kernel.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordTimelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "kernel_event_journal",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.CreateTable(
                name: "kernel_event_records",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    RecordId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    TenantId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    OccurredAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_event_records", x => new { x.EventId, x.RecordId });
                    table.ForeignKey(
                        name: "FK_kernel_event_records_kernel_event_journal_EventId",
                        column: x => x.EventId,
                        principalTable: "kernel_event_journal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_kernel_event_records_TenantId_RecordId_OccurredAt_EventId",
                table: "kernel_event_records",
                columns: new[] { "TenantId", "RecordId", "OccurredAt", "EventId" });

            // Events journalled before: each links to the aggregate that raised it (the ids in their payloads are not parsed).
            migrationBuilder.Sql("INSERT INTO kernel_event_records (EventId, RecordId, TenantId, OccurredAt) SELECT Id, AggregateId, TenantId, OccurredAt FROM kernel_event_journal;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_event_records");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "kernel_event_journal");
        }
    }
}
