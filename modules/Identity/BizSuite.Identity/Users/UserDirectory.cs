using BizSuite.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Users;

/// <summary>Only active users: a disabled account neither approves nor receives mail.</summary>
internal sealed class UserDirectory(IdentityDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<Guid>> FindUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var normalized = Roles.Role.Normalize(roleName);
        var roleId = await db.Roles.Where(r => r.NormalizedName == normalized).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (roleId is null) return [];
        return await db.Users.Where(u => u.IsActive && u.Roles.Any(r => r.RoleId == roleId)).OrderBy(u => u.UserName).Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> FindUsersWithPermissionAsync(string permission, CancellationToken cancellationToken) =>
        await (
            from user in db.Users
            where user.IsActive
            from userRole in user.Roles
            join grant in db.RolePermissions on userRole.RoleId equals grant.RoleId
            where grant.Name == permission
            select user.Id).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<UserContact>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.IsActive && userIds.Contains(u.Id))
            .Select(u => new UserContact(u.Id, u.UserName, u.Name, u.Email)).ToListAsync(cancellationToken);
}
