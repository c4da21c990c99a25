using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Identity.Roles;

internal static class RoleEndpoints
{
    public static void MapRoleEndpoints(this IEndpointRouteBuilder api)
    {
        var roles = api.MapGroup("/identity/roles").WithTags("Roles").RequirePermission(IdentityPermissions.Roles);
        roles.MapGet("/", ListRoles).WithExcelExport();
        roles.MapGet("/{id:guid}", GetRole);
        roles.MapPost("/", CreateRole).RequirePermission(IdentityPermissions.RolesCreate);
        roles.MapPut("/{id:guid}", UpdateRole).RequirePermission(IdentityPermissions.RolesUpdate);
        roles.MapDelete("/{id:guid}", DeleteRole).RequirePermission(IdentityPermissions.RolesDelete);
        roles.MapGet("/{id:guid}/permissions", GetRolePermissions).RequirePermission(IdentityPermissions.RolesManagePermissions);
        roles.MapPut("/{id:guid}/permissions", UpdateRolePermissions).RequirePermission(IdentityPermissions.RolesManagePermissions);
    }

    public static async Task<Ok<PagedResult<RoleDto>>> ListRoles(IRoleAppService roles, [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await roles.GetListAsync(page, ct));

    public static async Task<Ok<RoleDto>> GetRole(IRoleAppService roles, Guid id, CancellationToken ct) => TypedResults.Ok(await roles.GetAsync(id, ct));

    public static async Task<Created<RoleDto>> CreateRole(IRoleAppService roles, SaveRoleRequest request, CancellationToken ct)
    {
        var role = await roles.CreateAsync(request, ct);
        return TypedResults.Created($"/api/identity/roles/{role.Id}", role);
    }

    public static async Task<Ok<RoleDto>> UpdateRole(IRoleAppService roles, Guid id, SaveRoleRequest request, CancellationToken ct) =>
        TypedResults.Ok(await roles.UpdateAsync(id, request, ct));

    public static async Task<NoContent> DeleteRole(IRoleAppService roles, Guid id, CancellationToken ct)
    {
        await roles.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<RolePermissionsDto>> GetRolePermissions(IRoleAppService roles, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await roles.GetPermissionsAsync(id, ct));

    public static async Task<NoContent> UpdateRolePermissions(IRoleAppService roles, Guid id, UpdateRolePermissionsRequest request, CancellationToken ct)
    {
        await roles.UpdatePermissionsAsync(id, request, ct);
        return TypedResults.NoContent();
    }
}
