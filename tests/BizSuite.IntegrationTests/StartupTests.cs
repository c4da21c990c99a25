using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>What a host does at start: the migration check that builds no context, and the phases it reports.</summary>
[Collection(ApiCollection.Name)]
public sealed class StartupTests(BizSuiteFactory app)
{
    [Fact]
    public async Task The_migrations_start_up_compares_with_the_histories_are_the_ones_EF_applies_and_all_are_applied()
    {
        var registrations = app.Services.GetServices<DbContextRegistration>().ToList();
        registrations.Count.ShouldBeGreaterThan(10); // every module's context and the plugins'

        foreach (var registration in registrations)
        {
            // A context of the module's own options, not one of its pool: pooled ones were bound to requests' connections.
            await using var context = (DbContext)ActivatorUtilities.CreateInstance(app.Services, registration.ContextType,
                app.Services.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(registration.ContextType)));
            registration.Migrations.ShouldBe(context.Database.GetMigrations().ToList(), registration.ContextType.Name);
            registration.Migrations.ShouldNotBeEmpty(registration.ContextType.Name);
            var history = await app.ScalarAsync($"SELECT COUNT(*) FROM `{registration.HistoryTable}`");
            history.ShouldBe((long)registration.Migrations.Count, registration.ContextType.Name);
        }
    }

    [Fact]
    public void The_host_traces_its_start_up_phases_up_to_listening()
    {
        var phases = app.Services.GetRequiredService<StartupTrace>().Marks.Select(m => m.Phase).ToList();

        phases.ShouldContain("module catalogue and plugins");
        phases.ShouldContain("migration histories");
        phases.ShouldContain("seeding");
        phases.ShouldContain("listening");
        phases.IndexOf("migration histories").ShouldBeLessThan(phases.IndexOf("seeding"));
    }

    [Fact]
    public async Task A_restart_of_the_same_build_skips_seeding_and_a_changed_build_seeds_again()
    {
        const string hostAdminGrants = """
            SELECT COUNT(*) FROM identity_role_permissions p JOIN identity_roles r ON r.Id = p.RoleId
            WHERE r.TenantId IS NULL AND r.IsStatic AND r.NormalizedName = 'ADMIN'
            """;
        var granted = await app.ScalarAsync(hostAdminGrants);
        granted.ShouldBeGreaterThan(1);
        await app.ScalarAsync("""
            DELETE p FROM identity_role_permissions p JOIN (
              SELECT q.RoleId, MIN(q.Name) AS Name FROM identity_role_permissions q JOIN identity_roles r ON r.Id = q.RoleId
              WHERE r.TenantId IS NULL AND r.IsStatic AND r.NormalizedName = 'ADMIN' GROUP BY q.RoleId) f
            ON f.RoleId = p.RoleId AND f.Name = p.Name
            """);

        // Same build, same definitions: the one-row check says seeding already ran, so the removed grant stays removed.
        await app.Services.InitializeBizSuiteAsync();
        (await app.ScalarAsync(hostAdminGrants)).ShouldBe(granted - 1);

        // Another build (or another set of modules, plugins or permissions) seeds again.
        await app.ScalarAsync("UPDATE kernel_seed_state SET Fingerprint = 'an older build'");
        await app.Services.InitializeBizSuiteAsync();
        (await app.ScalarAsync(hostAdminGrants)).ShouldBe(granted);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_seed_state WHERE Fingerprint <> 'an older build'")).ShouldBe(1);
    }
}
