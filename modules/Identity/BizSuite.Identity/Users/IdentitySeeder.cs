using BizSuite.Identity.Data;
using BizSuite.Identity.Roles;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BizSuite.Identity.Users;

/// <summary>Default roles and the admin user of a side (host or one tenant); admin roles keep every permission.</summary>
internal sealed class IdentitySeeder(IdentityDbContext db, PasswordPolicy passwords, PermissionDefinitions definitions, ICurrentTenant currentTenant)
{
    public async Task SeedAsync(string adminEmail, string adminPassword, string passwordField, CancellationToken cancellationToken)
    {
        var admin = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == Role.Normalize(DefaultRoles.Admin), cancellationToken);
        if (admin is null)
        {
            admin = Role.Create(DefaultRoles.Admin, isStatic: true);
            db.Roles.Add(admin);
            var member = Role.Create(DefaultRoles.Member, isStatic: true);
            member.Grant(definitions.For(TenancySide.Tenant).Where(d => d.ForMembers).Select(d => d.Name));
            db.Roles.Add(member);
        }
        admin.Grant(definitions.For(currentTenant.Id is null ? TenancySide.Host : TenancySide.Tenant).Select(d => d.Name));

        if (await db.Users.AnyAsync(u => u.NormalizedUserName == User.Normalize("admin"), cancellationToken)) return;
        var user = User.Create("admin", adminEmail, "Administrator", isActive: true);
        await passwords.SetPasswordAsync(user, adminPassword, passwordField, cancellationToken);
        user.SetRoles([admin.Id]);
        db.Users.Add(user);
    }

    /// <summary>New permissions (a module or plugin added since) go to every tenant's admin role.</summary>
    public async Task GrantNewPermissionsToTenantAdminsAsync(CancellationToken cancellationToken)
    {
        var tenantPermissions = definitions.For(TenancySide.Tenant).Select(d => d.Name).ToList();
        using var _ = currentTenant.DisableFilter();
        var admins = await db.Roles.Where(r => r.IsStatic && r.TenantId != null && r.NormalizedName == Role.Normalize(DefaultRoles.Admin))
            .ToListAsync(cancellationToken);
        foreach (var admin in admins) admin.Grant(tenantPermissions);
    }
}

internal sealed class HostIdentitySeedContributor(IdentitySeeder seeder, IConfiguration configuration) : IDataSeedContributor
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await seeder.SeedAsync("admin@bizsuite.local", configuration["Seed:HostAdminPassword"] ?? "Host123!", "hostAdminPassword", cancellationToken);
        await seeder.GrantNewPermissionsToTenantAdminsAsync(cancellationToken);
    }
}

/// <summary>A new tenant gets its roles and admin user in the creating transaction: a weak admin password undoes the tenant.</summary>
internal sealed class SeedIdentityWhenTenantCreated(IdentitySeeder seeder, ICurrentTenant currentTenant) : IDomainEventHandler<TenantCreated>
{
    public async Task HandleAsync(TenantCreated domainEvent, CancellationToken cancellationToken)
    {
        using var _ = currentTenant.Change(domainEvent.TenantId, domainEvent.Name);
        await seeder.SeedAsync(domainEvent.AdminEmail, domainEvent.AdminPassword, "adminPassword", cancellationToken);
    }
}
