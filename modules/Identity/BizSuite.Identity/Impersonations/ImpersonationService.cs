using BizSuite.Identity.Account;
using BizSuite.Identity.Data;
using BizSuite.Identity.Roles;
using BizSuite.Identity.SecurityLog;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Impersonations;

/// <summary>The host admin's request: whom (default the tenant's admin), why, and for how many minutes (at most 60).</summary>
public sealed record StartImpersonationRequest(Guid TenantId, Guid? UserId, string Reason, int Minutes = 30);

public sealed record ImpersonationDto(Guid Id, Guid TenantId, string TenantName, Guid UserId, string UserName, string ImpersonatorName, string Reason, DateTime EndsAt);

public sealed record StartedImpersonationDto(ImpersonationDto Impersonation, TokenResponse Tokens);

/// <summary>A user the host admin may act as; <c>IsAdmin</c> marks the default choice.</summary>
public sealed record ImpersonationCandidateDto(Guid Id, string UserName, string Name, bool IsAdmin);

internal sealed class ImpersonationService(
    IdentityDbContext db, TokenIssuer tokens, SecurityLogService log, SettingStore settings, ITenantStore tenants,
    ICurrentTenant currentTenant, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<ImpersonationCandidateDto>> GetCandidatesAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await FindTenantAsync(tenantId, cancellationToken);
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var adminRoleId = await AdminRoleIdAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.UserName)
            .Select(u => new ImpersonationCandidateDto(u.Id, u.UserName, u.Name, u.Roles.Any(r => r.RoleId == adminRoleId)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Issues a token pair for the tenant user, marked with the host admin; the tenant may forbid it (403).</summary>
    public async Task<StartedImpersonationDto> StartAsync(StartImpersonationRequest request, CancellationToken cancellationToken)
    {
        var (hostUserId, hostUserName) = (currentUser.Id!.Value, currentUser.UserName ?? "");
        var tenant = await FindTenantAsync(request.TenantId, cancellationToken);
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        if (await settings.GetAsync(IdentitySettings.ImpersonationAllowed, cancellationToken) != "true")
            throw new BusinessException(IdentityErrors.ImpersonationNotAllowed, StatusCodes.Status403Forbidden, tenant.Name);

        var adminRoleId = await AdminRoleIdAsync(cancellationToken);
        var user = request.UserId is { } userId
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken) ?? throw new EntityNotFoundException("User", userId)
            : await db.Users.Where(u => u.IsActive && u.Roles.Any(r => r.RoleId == adminRoleId)).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(cancellationToken)
              ?? throw new EntityNotFoundException("User", "admin");

        var now = clock.GetUtcNow().UtcDateTime;
        var impersonation = new Impersonation(hostUserId, hostUserName, user.Id, user.UserName, request.Reason.Trim(), now, TimeSpan.FromMinutes(request.Minutes));
        db.Impersonations.Add(impersonation);
        log.Record(SecurityEventKind.ImpersonationStarted, user.Id, user.UserName,
            $"by host admin {hostUserName} until {impersonation.EndsAt:yyyy-MM-dd HH:mm} UTC: {impersonation.Reason}");
        var issued = tokens.Issue(user, familyId: Guid.CreateVersion7(), impersonation);
        return new StartedImpersonationDto(ToDto(impersonation, tenant), issued);
    }

    /// <summary>Ends the caller's impersonation: its session is revoked, and the tenant's security log says so.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        var impersonation = await CurrentAsync(cancellationToken) ?? throw new BusinessException(IdentityErrors.NotImpersonating);
        var now = clock.GetUtcNow().UtcDateTime;
        impersonation.End(now);
        await db.RefreshTokens.Where(t => t.ImpersonationId == impersonation.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        log.Record(SecurityEventKind.ImpersonationEnded, impersonation.UserId, impersonation.UserName, $"by host admin {impersonation.HostUserName}");
    }

    /// <summary>The impersonation the caller's token belongs to, if any (for the banner).</summary>
    public async Task<Impersonation?> CurrentAsync(CancellationToken cancellationToken) =>
        currentUser.ImpersonationId is { } id ? await db.Impersonations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;

    private async Task<TenantInfo> FindTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await tenants.FindAsync(tenantId.ToString(), cancellationToken) is { } tenant && tenant.Id == tenantId
            ? tenant.IsActive ? tenant : throw new BusinessException(KernelErrors.TenantDisabled, StatusCodes.Status403Forbidden, tenant.Name)
            : throw new EntityNotFoundException("Tenant", tenantId);

    private Task<Guid> AdminRoleIdAsync(CancellationToken cancellationToken) =>
        db.Roles.Where(r => r.NormalizedName == Role.Normalize(DefaultRoles.Admin)).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    private static ImpersonationDto ToDto(Impersonation i, TenantInfo tenant) =>
        new(i.Id, tenant.Id, tenant.Name, i.UserId, i.UserName, i.HostUserName, i.Reason, i.EndsAt);
}

internal sealed class StartImpersonationRequestValidator : AbstractValidator<StartImpersonationRequest>
{
    public StartImpersonationRequestValidator()
    {
        RuleFor(r => r.TenantId).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().MinimumLength(Impersonation.ReasonMinLength).MaximumLength(Impersonation.ReasonMaxLength);
        RuleFor(r => r.Minutes).InclusiveBetween(1, Impersonation.MaxMinutes);
    }
}
