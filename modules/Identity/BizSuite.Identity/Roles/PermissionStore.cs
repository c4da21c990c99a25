using BizSuite.Identity.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Roles;

/// <summary>A user's grants through their roles; an inactive or deleted user (in the current tenant) has none.</summary>
internal sealed class PermissionStore(IdentityDbContext db) : IPermissionStore
{
    public async Task<IReadOnlySet<string>> GetGrantedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var names = await (
            from user in db.Users
            where user.Id == userId && user.IsActive
            from userRole in user.Roles
            join grant in db.RolePermissions on userRole.RoleId equals grant.RoleId
            select grant.Name).Distinct().ToListAsync(cancellationToken);
        return names.ToHashSet();
    }
}
