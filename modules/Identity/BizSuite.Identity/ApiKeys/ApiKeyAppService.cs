using BizSuite.Identity.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.ApiKeys;

/// <summary>The tenant admin's keys for other systems: created with a subset of the admin's own permissions, revoked at will.</summary>
internal sealed class ApiKeyAppService(IdentityDbContext db, IPermissionChecker permissions, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyDto>> GetListAsync(CancellationToken ct) =>
        (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct)).Select(k => k.ToDto()).ToList();

    public async Task<CreatedApiKeyDto> CreateAsync(CreateApiKeyRequest request, CancellationToken ct)
    {
        // A key may not do more than the person who hands it out.
        var held = await permissions.GetGrantedAsync(ct);
        var notHeld = request.Permissions.FirstOrDefault(p => !held.Contains(p));
        if (notHeld is not null) throw new BusinessException(IdentityErrors.PermissionNotHeld, StatusCodes.Status422UnprocessableEntity, notHeld) { Field = "permissions" };
        var (apiKey, key) = ApiKey.Create(request.Name, request.Permissions);
        db.ApiKeys.Add(apiKey);
        return new CreatedApiKeyDto(apiKey.ToDto(), key);
    }

    public async Task<ApiKeyDto> RevokeAsync(Guid id, CancellationToken ct)
    {
        var apiKey = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new EntityNotFoundException("ApiKey", id);
        apiKey.Revoke(clock.GetUtcNow().UtcDateTime);
        return apiKey.ToDto();
    }
}

internal sealed class CreateApiKeyRequestValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyRequestValidator(PermissionDefinitions definitions)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Permissions).NotEmpty();
        RuleForEach(r => r.Permissions).Must(p => definitions.For(TenancySide.Tenant).Any(d => d.Name == p))
            .WithMessage((_, p) => $"Unknown permission {p}.");
    }
}
