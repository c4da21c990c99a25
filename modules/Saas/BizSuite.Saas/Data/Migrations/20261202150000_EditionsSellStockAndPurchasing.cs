using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizSuite.Saas.Data.Migrations
{
    /// <summary>
    /// Installations seeded before Inventory and Purchasing existed keep their Standard and Professional rows (the seeder only adds
    /// missing editions, so operators' changes survive): this adds the two modules to those rows once, as <c>Edition.Defaults()</c>
    /// now sells them, and leaves every other module an operator added or removed as it is.
    /// </summary>
    [DbContext(typeof(SaasDbContext))]
    [Migration("20261202150000_EditionsSellStockAndPurchasing")]
    public partial class EditionsSellStockAndPurchasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var module in new[] { "Inventory", "Purchasing" })
                migrationBuilder.Sql($"""
                    UPDATE saas_editions SET Modules = CONCAT_WS(',', NULLIF(Modules, ''), '{module}')
                    WHERE Name IN ('Standard', 'Professional') AND FIND_IN_SET('{module}', REPLACE(Modules, ' ', '')) = 0;
                    """);
        }

        /// <summary>Nothing to undo: after this migration nobody can tell the modules it added from those an operator added.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
