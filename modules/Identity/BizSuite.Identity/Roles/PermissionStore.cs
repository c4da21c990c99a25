using BizSuite.Identity.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Roles;

/// <summary>
/// A user's grants through their roles; an inactive or deleted user (in the current tenant) has none.
/// Cached: every request asks. <see cref="IdentityDbContext"/> drops a tenant's cached grants when its users,
/// roles or grants change.
/// </summary>
internal sealed class PermissionStore(IdentityDbContext db, TenantCache cache, ICurrentTenant currentTenant) : IPermissionStore
{
    public const string CacheRegion = "grants";

    public Task<IReadOnlySet<string>> GetGrantedAsync(Guid userId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync<IReadOnlySet<string>>(CacheRegion, currentTenant.Id, userId.ToString(), async () =>
        {
            var names = await (
                from user in db.Users
                where user.Id == userId && user.IsActive
                from userRole in user.Roles
                join grant in db.RolePermissions on userRole.RoleId equals grant.RoleId
                select grant.Name).Distinct().ToListAsync(cancellationToken);
            return names.ToHashSet();
        });
}
