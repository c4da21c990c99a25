using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MySqlConnector;
using Shouldly;

namespace BizSuite.Saas.Tests;

/// <summary>An installation seeded before Inventory and Purchasing existed, migrated to this version, against MariaDB.</summary>
public sealed class EditionMigrationTests
{
    private static readonly string Server =
        Environment.GetEnvironmentVariable("BIZSUITE_TEST_MYSQL") ?? "Server=127.0.0.1;Port=3317;User=bizsuite;Password=bizsuite";

    [Fact]
    public async Task Existing_standard_and_professional_rows_gain_inventory_and_purchasing_and_keep_the_operators_changes()
    {
        var database = $"bizsuite_saas_{Guid.NewGuid():N}"[..28];
        await using (var server = new MySqlConnection(Server))
        {
            await server.OpenAsync();
            await new MySqlCommand($"CREATE DATABASE `{database}`", server).ExecuteNonQueryAsync();
        }
        try
        {
            var options = new DbContextOptionsBuilder<SaasDbContext>()
                .UseMySql(new MySqlConnectionStringBuilder(Server) { Database = database }.ConnectionString, KernelDatabase.ServerVersion,
                    b => b.MigrationsHistoryTable(KernelDatabase.HistoryTable<SaasDbContext>()))
                .Options;
            await using (var before = new SaasDbContext(options))
            {
                await before.GetService<IMigrator>().MigrateAsync("20261125130657_Subscriptions");
                // As the seeder wrote them then; the operator has since taken HR out of Professional and added Webhooks to Standard.
                before.Editions.AddRange(
                    new Edition(Edition.Free, 0, [SaasModules.Crm, SaasModules.Oa], 3, 100, 0m),
                    new Edition(Edition.Standard, 1, [SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance, SaasModules.Webhooks], 20, 2048, 299m),
                    new Edition(Edition.Professional, 2, [SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance, SaasModules.ApiKeys,
                        SaasModules.Webhooks], 200, 20480, 999m));
                await before.SaveChangesAsync();
            }

            await using var after = new SaasDbContext(options);
            await after.Database.MigrateAsync();
            var modules = await after.Editions.AsNoTracking().ToDictionaryAsync(e => e.Name, e => e.Modules);
            modules[Edition.Free].ShouldBe([SaasModules.Crm, SaasModules.Oa]);
            modules[Edition.Standard].ShouldBe([SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance, SaasModules.Webhooks,
                SaasModules.Inventory, SaasModules.Purchasing]);
            modules[Edition.Professional].ShouldBe([SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance, SaasModules.ApiKeys,
                SaasModules.Webhooks, SaasModules.Inventory, SaasModules.Purchasing]);
            // Every default edition now sells what the migrated rows do (a fresh installation seeds the defaults after migrating).
            Edition.Defaults().Where(e => e.Name != Edition.Free).ShouldAllBe(e => e.Modules.Contains(SaasModules.Inventory) && e.Modules.Contains(SaasModules.Purchasing));
        }
        finally
        {
            await using var server = new MySqlConnection(Server);
            await server.OpenAsync();
            await new MySqlCommand($"DROP DATABASE `{database}`", server).ExecuteNonQueryAsync();
        }
    }
}
