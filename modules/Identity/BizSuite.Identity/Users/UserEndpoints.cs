using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Identity.Users;

internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/identity/users").WithTags("Users").RequirePermission(IdentityPermissions.Users);
        users.MapGet("/", ListUsers).WithExcelExport();
        users.MapGet("/{id:guid}", GetUser);
        users.MapPost("/", CreateUser).RequirePermission(IdentityPermissions.UsersCreate);
        users.MapPut("/{id:guid}", UpdateUser).RequirePermission(IdentityPermissions.UsersUpdate);
        users.MapDelete("/{id:guid}", DeleteUser).RequirePermission(IdentityPermissions.UsersDelete);
        users.MapPost("/{id:guid}/revoke-sessions", RevokeUserSessions).RequirePermission(IdentityPermissions.UsersUpdate);
    }

    /// <summary>Signs a user out everywhere: every refresh-token family ends; issued access tokens run out within minutes.</summary>
    public static async Task<NoContent> RevokeUserSessions(IUserAppService users, Guid id, CancellationToken ct)
    {
        await users.RevokeSessionsAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PagedResult<UserDto>>> ListUsers(IUserAppService users, [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await users.GetListAsync(page, ct));

    public static async Task<Ok<UserDto>> GetUser(IUserAppService users, Guid id, CancellationToken ct) => TypedResults.Ok(await users.GetAsync(id, ct));

    public static async Task<Created<UserDto>> CreateUser(IUserAppService users, CreateUserRequest request, CancellationToken ct)
    {
        var user = await users.CreateAsync(request, ct);
        return TypedResults.Created($"/api/identity/users/{user.Id}", user);
    }

    public static async Task<Ok<UserDto>> UpdateUser(IUserAppService users, Guid id, UpdateUserRequest request, CancellationToken ct) =>
        TypedResults.Ok(await users.UpdateAsync(id, request, ct));

    public static async Task<NoContent> DeleteUser(IUserAppService users, Guid id, CancellationToken ct)
    {
        await users.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
