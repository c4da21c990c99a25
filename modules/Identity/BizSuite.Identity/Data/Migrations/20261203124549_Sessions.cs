using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IpAddress",
                table: "identity_refresh_tokens",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "identity_refresh_tokens",
                type: "varchar(256)",
                maxLength: 256,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_identity_refresh_tokens_UserId_RevokedAt",
                table: "identity_refresh_tokens",
                columns: new[] { "UserId", "RevokedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identity_refresh_tokens_UserId_RevokedAt",
                table: "identity_refresh_tokens");

            migrationBuilder.DropColumn(
                name: "IpAddress",
                table: "identity_refresh_tokens");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "identity_refresh_tokens");
        }
    }
}
