using BizSuite.Identity.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BizSuite.Identity.Roles;

internal sealed class RoleAppService(IdentityDbContext db, PermissionDefinitions definitions, ICurrentTenant currentTenant, IStringLocalizer localizer)
    : IRoleAppService
{
    public async Task<PagedResult<RoleDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Roles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(r => r.Name.Contains(page.Filter));
        query = query.SortBy(page, ("name", r => r.Name));
        var roles = await query.Skip(page.Skip).Take(page.Take)
            .Select(r => new RoleDto(r.Id, r.Name, r.IsStatic, db.UserRoles.Count(ur => ur.RoleId == r.Id)))
            .ToListAsync(cancellationToken);
        return new PagedResult<RoleDto>(roles, await query.LongCountAsync(cancellationToken));
    }

    public async Task<RoleDto> GetAsync(Guid id, CancellationToken cancellationToken) => await ToDtoAsync(await LoadAsync(id, cancellationToken), cancellationToken);

    public async Task<RoleDto> CreateAsync(SaveRoleRequest request, CancellationToken cancellationToken)
    {
        await EnsureUniqueAsync(null, request.Name, cancellationToken);
        var role = Role.Create(request.Name);
        db.Roles.Add(role);
        return new RoleDto(role.Id, role.Name, role.IsStatic, 0);
    }

    public async Task<RoleDto> UpdateAsync(Guid id, SaveRoleRequest request, CancellationToken cancellationToken)
    {
        var role = await LoadAsync(id, cancellationToken);
        await EnsureUniqueAsync(role.Id, request.Name, cancellationToken);
        role.Rename(request.Name);
        return await ToDtoAsync(role, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var role = await LoadAsync(id, cancellationToken);
        role.EnsureNotStatic();
        db.Roles.Remove(role);
    }

    public async Task<RolePermissionsDto> GetPermissionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var role = await LoadAsync(id, cancellationToken);
        var granted = role.Permissions.Select(p => p.Name).ToHashSet();
        var groups = AssignablePermissions()
            .GroupBy(d => d.Group)
            .Select(g => new PermissionGroupDto(g.Key, localizer["Permission:" + g.Key],
                g.Select(d => new PermissionGrantDto(d.Name, localizer["Permission:" + d.Name], d.Parent, granted.Contains(d.Name))).ToList()))
            .ToList();
        return new RolePermissionsDto(groups);
    }

    public async Task UpdatePermissionsAsync(Guid id, UpdateRolePermissionsRequest request, CancellationToken cancellationToken)
    {
        var role = await LoadAsync(id, cancellationToken);
        var assignable = AssignablePermissions().Select(d => d.Name).ToHashSet();
        var unknown = request.GrantedPermissions.Where(p => !assignable.Contains(p)).ToList();
        if (unknown.Count > 0)
            throw new BusinessException(IdentityErrors.UnknownPermission, StatusCodes.Status400BadRequest, string.Join(", ", unknown)) { Field = "grantedPermissions" };
        role.SetPermissions(request.GrantedPermissions);
    }

    /// <summary>Permissions of the current side only: a tenant role can never hold a host permission.</summary>
    private IEnumerable<PermissionDefinition> AssignablePermissions() =>
        definitions.For(currentTenant.Id is null ? TenancySide.Host : TenancySide.Tenant);

    private async Task<Role> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Roles.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Role", id);

    private async Task EnsureUniqueAsync(Guid? self, string name, CancellationToken cancellationToken)
    {
        var normalized = Role.Normalize(name);
        if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized && r.Id != self, cancellationToken))
            throw new BusinessException(IdentityErrors.DuplicateRoleName, StatusCodes.Status409Conflict, name.Trim()) { Field = "name" };
    }

    private async Task<RoleDto> ToDtoAsync(Role role, CancellationToken cancellationToken) =>
        new(role.Id, role.Name, role.IsStatic, await db.UserRoles.CountAsync(ur => ur.RoleId == role.Id, cancellationToken));
}

internal sealed class SaveRoleRequestValidator : AbstractValidator<SaveRoleRequest>
{
    public SaveRoleRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(64);
}

internal sealed class UpdateRolePermissionsRequestValidator : AbstractValidator<UpdateRolePermissionsRequest>
{
    public UpdateRolePermissionsRequestValidator() => RuleFor(r => r.GrantedPermissions).NotNull();
}
