using BizSuite.Identity.Data;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Identity.Account;

public sealed record LoginRequest(string UserNameOrEmail, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record MeDto(Guid Id, string UserName, string Email, string Name, Guid? TenantId, string? TenantName,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

internal sealed class AccountService(
    IdentityDbContext db, PasswordPolicy passwords, SettingStore settings, TokenIssuer tokens, UnitOfWorkRunner runner,
    ICurrentTenant currentTenant, ICurrentUser currentUser, ITenantStore tenants, IPermissionChecker permissions, TimeProvider clock)
{
    public async Task<TokenResponse> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var key = User.Normalize(request.UserNameOrEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == key || u.NormalizedEmail == key, cancellationToken)
            ?? throw Unauthorized(IdentityErrors.InvalidCredentials);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.IsLockedOut(now)) throw Unauthorized(IdentityErrors.LockedOut);

        if (!passwords.Verify(user, request.Password))
        {
            var maxAttempts = await settings.GetIntAsync(IdentitySettings.LockoutMaxFailedAttempts, cancellationToken);
            var lockout = TimeSpan.FromMinutes(await settings.GetIntAsync(IdentitySettings.LockoutMinutes, cancellationToken));
            var lockedNow = false;
            // The failed attempt must be counted although this request's transaction rolls back.
            await runner.RunAsync(async (sp, ct) =>
            {
                var counted = await sp.GetRequiredService<IdentityDbContext>().Users.FirstAsync(u => u.Id == user.Id, ct);
                counted.RecordFailedLogin(maxAttempts, lockout, now);
                lockedNow = counted.IsLockedOut(now);
            }, cancellationToken);
            throw Unauthorized(lockedNow ? IdentityErrors.LockedOut : IdentityErrors.InvalidCredentials);
        }
        if (!user.IsActive) throw Unauthorized(IdentityErrors.UserDisabled);

        user.RecordSuccessfulLogin();
        return tokens.Issue(user, familyId: Guid.CreateVersion7());
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
            token.Revoke(now);
            return tokens.Issue(user, token.FamilyId);
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
        return new MeDto(user.Id, user.UserName, user.Email, user.Name, currentTenant.Id, currentTenant.Name,
            roles.Order().ToList(), granted.Order().ToList());
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
