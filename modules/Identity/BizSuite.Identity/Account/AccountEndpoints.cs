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
        account.MapPost("/login/two-factor", LoginWithTwoFactor).AllowAnonymous().AllowWhenReadOnly().RequireRateLimiting(IdentityModule.LoginRateLimit);
        account.MapPost("/login/two-factor/setup", BeginTwoFactorEnrolmentAtLogin).AllowAnonymous().AllowWhenReadOnly().RequireRateLimiting(IdentityModule.LoginRateLimit);
        account.MapPost("/login/two-factor/enable", EnrolTwoFactorAtLogin).AllowAnonymous().AllowWhenReadOnly().RequireRateLimiting(IdentityModule.LoginRateLimit);
        account.MapGet("/two-factor", GetTwoFactor).RequireAuthorization();
        account.MapPost("/two-factor/setup", BeginTwoFactorSetup).RequireAuthorization().AllowWhenReadOnly();
        account.MapPost("/two-factor/enable", EnableTwoFactor).RequireAuthorization().AllowWhenReadOnly();
        account.MapPost("/two-factor/disable", DisableTwoFactor).RequireAuthorization().AllowWhenReadOnly();
        account.MapGet("/sessions", ListSessions).RequireAuthorization();
        account.MapDelete("/sessions/{id:guid}", RevokeSession).RequireAuthorization().AllowWhenReadOnly();
        account.MapPost("/sessions/revoke-others", RevokeOtherSessions).RequireAuthorization().AllowWhenReadOnly();
    }

    public static async Task<Ok<IReadOnlyList<SessionDto>>> ListSessions(Sessions sessions, CancellationToken ct) =>
        TypedResults.Ok(await sessions.GetMineAsync(ct));

    public static async Task<NoContent> RevokeSession(Sessions sessions, Guid id, CancellationToken ct)
    {
        await sessions.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RevokeOtherSessions(Sessions sessions, CancellationToken ct)
    {
        await sessions.RevokeOthersAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<LoginResponse>> Login(AccountService account, LoginRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.LoginAsync(request, ct));

    public static async Task<Ok<TokenResponse>> LoginWithTwoFactor(AccountService account, TwoFactorLoginRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.LoginWithTwoFactorAsync(request, ct));

    public static async Task<Ok<TwoFactorSetupDto>> BeginTwoFactorEnrolmentAtLogin(AccountService account, TwoFactorChallengeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.BeginEnrolmentAtLoginAsync(request, ct));

    public static async Task<Ok<EnrolledLoginResponse>> EnrolTwoFactorAtLogin(AccountService account, TwoFactorEnrolRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.EnrolAtLoginAsync(request, ct));

    public static async Task<Ok<TwoFactorStatusDto>> GetTwoFactor(AccountService account, CancellationToken ct) =>
        TypedResults.Ok(await account.GetTwoFactorAsync(ct));

    public static async Task<Ok<TwoFactorSetupDto>> BeginTwoFactorSetup(AccountService account, CancellationToken ct) =>
        TypedResults.Ok(await account.BeginTwoFactorSetupAsync(ct));

    public static async Task<Ok<RecoveryCodesDto>> EnableTwoFactor(AccountService account, TwoFactorCodeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.EnableTwoFactorAsync(request, ct));

    public static async Task<NoContent> DisableTwoFactor(AccountService account, TwoFactorCodeRequest request, CancellationToken ct)
    {
        await account.DisableTwoFactorAsync(request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TokenResponse>> Refresh(AccountService account, RefreshRequest request, CancellationToken ct) =>
        TypedResults.Ok(await account.RefreshAsync(request, ct));

    public static async Task<NoContent> Logout(AccountService account, RefreshRequest request, CancellationToken ct)
    {
        await account.LogoutAsync(request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeDto>> GetMe(AccountService account, CancellationToken ct) => TypedResults.Ok(await account.GetMeAsync(ct));
}
