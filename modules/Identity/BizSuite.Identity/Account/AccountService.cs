using BizSuite.Identity.Data;
using BizSuite.Identity.SecurityLog;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Identity.Account;

public sealed record LoginRequest(string UserNameOrEmail, string Password);

public sealed record RefreshRequest(string RefreshToken);

/// <summary>
/// The password step's answer: the tokens, or — for a user with two-factor login, or one the tenant requires to enrol —
/// a short-lived <c>TwoFactorToken</c> for the code step (<c>TwoFactorEnrolmentRequired</c>: enrol first).
/// </summary>
public sealed record LoginResponse(string? AccessToken, string? RefreshToken, int? ExpiresIn, string? TwoFactorToken, bool TwoFactorEnrolmentRequired)
{
    public static LoginResponse Signed(TokenResponse tokens) => new(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn, null, false);
}

public sealed record MeDto(Guid Id, string UserName, string Email, string Name, Guid? TenantId, string? TenantName,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, MeImpersonationDto? Impersonation);

/// <summary>Set while a host admin acts as this user: the banner names them and the end.</summary>
public sealed record MeImpersonationDto(Guid Id, string ImpersonatorName, DateTime EndsAt);

internal sealed class AccountService(
    IdentityDbContext db, PasswordPolicy passwords, SettingStore settings, TokenIssuer tokens, UnitOfWorkRunner runner, TwoFactor twoFactor, SecurityLogService log,
    ICurrentTenant currentTenant, ICurrentUser currentUser, ITenantStore tenants, IPermissionChecker permissions, TimeProvider clock)
{
    private const string AuthenticatorIssuer = "BizSuite";

    public async Task<LoginResponse> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var key = User.Normalize(request.UserNameOrEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == key || u.NormalizedEmail == key, cancellationToken);
        if (user is null)
        {
            await log.RecordCommittedAsync(SecurityEventKind.LoginFailed, null, request.UserNameOrEmail, "unknown user", cancellationToken);
            throw Unauthorized(IdentityErrors.InvalidCredentials);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.IsLockedOut(now)) throw Unauthorized(IdentityErrors.LockedOut);

        if (!passwords.Verify(user, request.Password)) throw await FailedAttemptAsync(user, IdentityErrors.InvalidCredentials, "password", now, cancellationToken);
        if (!user.IsActive) throw Unauthorized(IdentityErrors.UserDisabled);

        // The failure count is not reset yet: wrong codes after a right password count towards the same lockout.
        if (user.TwoFactorEnabled) return new LoginResponse(null, null, null, twoFactor.CreateChallenge(user), false);
        if (await IsTwoFactorRequiredAsync(cancellationToken)) return new LoginResponse(null, null, null, twoFactor.CreateChallenge(user), true);
        user.RecordSuccessfulLogin();
        log.Record(SecurityEventKind.LoginSucceeded, user.Id, user.UserName, "password");
        return LoginResponse.Signed(tokens.Issue(user, familyId: Guid.CreateVersion7()));
    }

    /// <summary>The code step: a code from the authenticator app or an unused recovery code completes the login.</summary>
    public async Task<TokenResponse> LoginWithTwoFactorAsync(TwoFactorLoginRequest request, CancellationToken cancellationToken)
    {
        var user = await ChallengedUserAsync(request.TwoFactorToken, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!user.TwoFactorEnabled) throw Unauthorized(IdentityErrors.InvalidTwoFactorChallenge);
        var byRecoveryCode = !string.IsNullOrWhiteSpace(request.RecoveryCode);
        var accepted = byRecoveryCode ? twoFactor.UseRecoveryCode(user, request.RecoveryCode!) : twoFactor.VerifyCode(user, request.Code!);
        if (!accepted) throw await FailedAttemptAsync(user, IdentityErrors.InvalidTwoFactorCode, "two-factor code", now, cancellationToken);
        user.RecordSuccessfulLogin();
        if (byRecoveryCode) log.Record(SecurityEventKind.RecoveryCodeUsed, user.Id, user.UserName, $"{user.RecoveryCodes.Count} left");
        log.Record(SecurityEventKind.LoginSucceeded, user.Id, user.UserName, byRecoveryCode ? "password + recovery code" : "password + two-factor code");
        return tokens.Issue(user, familyId: Guid.CreateVersion7());
    }

    /// <summary>Enrolment at login, for a user the tenant requires to use two-factor login and who has not yet.</summary>
    public async Task<TwoFactorSetupDto> BeginEnrolmentAtLoginAsync(TwoFactorChallengeRequest request, CancellationToken cancellationToken)
    {
        var user = await ChallengedUserAsync(request.TwoFactorToken, cancellationToken);
        return twoFactor.BeginSetup(user, AuthenticatorIssuer);
    }

    public async Task<EnrolledLoginResponse> EnrolAtLoginAsync(TwoFactorEnrolRequest request, CancellationToken cancellationToken)
    {
        var user = await ChallengedUserAsync(request.TwoFactorToken, cancellationToken);
        var codes = twoFactor.Enable(user, request.Code);
        user.RecordSuccessfulLogin();
        log.Record(SecurityEventKind.TwoFactorEnabled, user.Id, user.UserName, "at login, required by the tenant");
        log.Record(SecurityEventKind.LoginSucceeded, user.Id, user.UserName, "password + two-factor code");
        return new EnrolledLoginResponse(codes, tokens.Issue(user, familyId: Guid.CreateVersion7()));
    }

    public async Task<TwoFactorStatusDto> GetTwoFactorAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        return new TwoFactorStatusDto(user.TwoFactorEnabled, user.RecoveryCodes.Count, await IsTwoFactorRequiredAsync(cancellationToken));
    }

    public async Task<TwoFactorSetupDto> BeginTwoFactorSetupAsync(CancellationToken cancellationToken) =>
        twoFactor.BeginSetup(await CurrentUserAsync(cancellationToken), AuthenticatorIssuer);

    public async Task<RecoveryCodesDto> EnableTwoFactorAsync(TwoFactorCodeRequest request, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        var codes = twoFactor.Enable(user, request.Code);
        log.Record(SecurityEventKind.TwoFactorEnabled, user.Id, user.UserName);
        return new RecoveryCodesDto(codes);
    }

    /// <summary>Turning 2FA off takes a current code or a recovery code, and is refused while the tenant requires it.</summary>
    public async Task DisableTwoFactorAsync(TwoFactorCodeRequest request, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        if (!user.TwoFactorEnabled) throw new BusinessException(IdentityErrors.TwoFactorNotEnabled);
        if (await IsTwoFactorRequiredAsync(cancellationToken)) throw new BusinessException(IdentityErrors.TwoFactorRequiredByTenant);
        if (!twoFactor.VerifyCode(user, request.Code) && !twoFactor.UseRecoveryCode(user, request.Code))
            throw new BusinessException(IdentityErrors.InvalidTwoFactorCode, StatusCodes.Status400BadRequest) { Field = "code" };
        user.DisableTwoFactor();
        log.Record(SecurityEventKind.TwoFactorDisabled, user.Id, user.UserName);
    }

    private async Task<bool> IsTwoFactorRequiredAsync(CancellationToken cancellationToken) =>
        currentTenant.Id is not null && await settings.GetAsync(IdentitySettings.TwoFactorRequired, cancellationToken) == "true";

    private async Task<User> ChallengedUserAsync(string challenge, CancellationToken cancellationToken)
    {
        var userId = twoFactor.ReadChallenge(challenge, currentTenant.Id);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsActive) throw Unauthorized(IdentityErrors.InvalidTwoFactorChallenge);
        if (user.IsLockedOut(clock.GetUtcNow().UtcDateTime)) throw Unauthorized(IdentityErrors.LockedOut);
        return user;
    }

    private async Task<User> CurrentUserAsync(CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == currentUser.Id, cancellationToken) ?? throw Unauthorized(IdentityErrors.InvalidCredentials);

    /// <summary>Counts a wrong password or code (committed although this request's transaction rolls back) and names the outcome.</summary>
    private async Task<BusinessException> FailedAttemptAsync(User user, string code, string what, DateTime now, CancellationToken cancellationToken)
    {
        var maxAttempts = await settings.GetIntAsync(IdentitySettings.LockoutMaxFailedAttempts, cancellationToken);
        var lockout = TimeSpan.FromMinutes(await settings.GetIntAsync(IdentitySettings.LockoutMinutes, cancellationToken));
        var lockedNow = false;
        await runner.RunAsync(async (sp, ct) =>
        {
            var counted = await sp.GetRequiredService<IdentityDbContext>().Users.FirstAsync(u => u.Id == user.Id, ct);
            counted.RecordFailedLogin(maxAttempts, lockout, now);
            lockedNow = counted.IsLockedOut(now);
            sp.GetRequiredService<SecurityLogService>().Record(lockedNow ? SecurityEventKind.LockedOut : SecurityEventKind.LoginFailed, user.Id, user.UserName, "wrong " + what);
        }, cancellationToken);
        return Unauthorized(lockedNow ? IdentityErrors.LockedOut : code);
    }

    public async Task<TokenResponse> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = TokenIssuer.Hash(request.RefreshToken);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw Unauthorized(IdentityErrors.InvalidRefreshToken);
        if (token.RevokedAt is not null)
        {
            // A replaced token came back: it was stolen or replayed. End every session of its family.
            await runner.RunAsync((sp, ct) => sp.GetRequiredService<IdentityDbContext>().RefreshTokens
                .Where(t => t.FamilyId == token.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct), cancellationToken);
            throw Unauthorized(IdentityErrors.InvalidRefreshToken);
        }
        if (!token.IsUsable(now)) throw Unauthorized(IdentityErrors.InvalidRefreshToken);

        if (token.TenantId is { } tenantId &&
            await tenants.FindAsync(tenantId.ToString(), cancellationToken) is not { IsActive: true })
            throw Unauthorized(IdentityErrors.InvalidRefreshToken);
        using (currentTenant.Change(token.TenantId))
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
            if (user is null || !user.IsActive || user.IsLockedOut(now)) throw Unauthorized(IdentityErrors.InvalidRefreshToken);
            // An impersonation's tokens stop when it ends (the family's expiry is its end; ending it revokes the family).
            var impersonation = token.ImpersonationId is { } impersonationId
                ? await db.Impersonations.FirstOrDefaultAsync(i => i.Id == impersonationId, cancellationToken) : null;
            if (token.ImpersonationId is not null && impersonation?.IsLive(now) != true) throw Unauthorized(IdentityErrors.InvalidRefreshToken);
            token.Revoke(now);
            return tokens.Issue(user, token.FamilyId, impersonation);
        }
    }

    public async Task LogoutAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var hash = TokenIssuer.Hash(request.RefreshToken);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        token?.Revoke(clock.GetUtcNow().UtcDateTime);
    }

    public async Task<MeDto> GetMeAsync(CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == currentUser.Id, cancellationToken)
            ?? throw Unauthorized(IdentityErrors.InvalidCredentials);
        var roleIds = user.Roles.Select(r => r.RoleId).ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync(cancellationToken);
        var granted = await permissions.GetGrantedAsync(cancellationToken);
        var impersonation = currentUser.ImpersonationId is { } impersonationId
            ? await db.Impersonations.AsNoTracking().Where(i => i.Id == impersonationId)
                .Select(i => new MeImpersonationDto(i.Id, i.HostUserName, i.EndsAt)).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new MeDto(user.Id, user.UserName, user.Email, user.Name, currentTenant.Id, currentTenant.Name,
            roles.Order().ToList(), granted.Order().ToList(), impersonation);
    }

    private static BusinessException Unauthorized(string code) => new(code, StatusCodes.Status401Unauthorized);
}

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.UserNameOrEmail).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}
