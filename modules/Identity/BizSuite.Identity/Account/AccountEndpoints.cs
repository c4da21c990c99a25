using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Identity.Account;

internal static class AccountEndpoints
{
    /// <summary>Signing in and out works whatever the tenant's plan, a lapsed one included.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapPost("/login", Login).AllowAnonymous().AllowWhenReadOnly().RequireRateLimiting(IdentityModule.LoginRateLimit);
        account.MapPost("/refresh", Refresh).AllowAnonymous().AllowWhenReadOnly();
        account.MapPost("/logout", Logout).AllowAnonymous().AllowWhenReadOnly();
        account.MapGet("/me", GetMe).RequireAuthorization();
    }

    public static async Task<Ok<TokenResponse>> Login(AccountService account, LoginRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.LoginAsync(request, ct));

    public static async Task<Ok<TokenResponse>> Refresh(AccountService account, RefreshRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.RefreshAsync(request, ct));

    public static async Task<NoContent> Logout(AccountService account, RefreshRequest request, CancellationToken ct)
    {
        await account.LogoutAsync(request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeDto>> GetMe(AccountService account, CancellationToken ct) => TypedResults.Ok(await account.GetMeAsync(ct));
}
