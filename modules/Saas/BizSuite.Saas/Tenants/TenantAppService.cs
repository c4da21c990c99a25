using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Subscriptions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Saas.Tenants;

internal sealed class TenantAppService(SaasDbContext db, TenantCache cache, UnitOfWork unitOfWork, TimeProvider clock) : ITenantAppService
{
    public async Task<PagedResult<TenantDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(t => t.Name.Contains(page.Filter) || t.DisplayName.Contains(page.Filter));
        query = query.SortBy(page, ("name", t => t.Name), ("displayName", t => t.DisplayName), ("createdAt", t => t.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<TenantDto>(items.Select(t => t.ToDto(Now)).ToList(), await query.LongCountAsync(cancellationToken));
    }

    public async Task<TenantDto> GetAsync(Guid id, CancellationToken cancellationToken) => (await LoadAsync(id, cancellationToken)).ToDto(Now);

    public async Task<TenantDto?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = Tenant.Normalize(name);
        return (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Name == normalized, cancellationToken))?.ToDto(Now);
    }

    /// <summary>Tenants the host admin creates start on the full plan (sold outside self sign-up); the admin can move them.</summary>
    public Task<TenantDto> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, Edition.Professional, cancellationToken);

    /// <summary>Self sign-up (注册): a new company starts free and upgrades through Stripe Checkout.</summary>
    public Task<TenantDto> SignUpAsync(CreateTenantRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, Edition.Free, cancellationToken);

    private async Task<TenantDto> CreateAsync(CreateTenantRequest request, string edition, CancellationToken cancellationToken)
    {
        var name = Tenant.Normalize(request.Name);
        if (await db.Tenants.AnyAsync(t => t.Name == name, cancellationToken))
            throw new BusinessException(SaasErrors.DuplicateTenantName, Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict, name) { Field = "name" };
        var tenant = Tenant.Create(name, request.DisplayName, request.AdminEmail, request.AdminPassword, edition);
        db.Tenants.Add(tenant);
        TenantStore.Forget(cache, unitOfWork); // a lookup of the new name may have cached "no such tenant"
        return tenant.ToDto(Now);
    }

    public async Task<TenantDto> SetEditionAsync(Guid id, SetEditionRequest request, CancellationToken cancellationToken)
    {
        var edition = await Edition.FindAsync(db, request.Edition, cancellationToken);
        var tenant = await LoadAsync(id, cancellationToken);
        tenant.Subscription.ChangeEdition(edition.Name);
        TenantStore.Forget(cache, unitOfWork);
        return tenant.ToDto(Now);
    }

    public async Task<TenantDto> UpdateAsync(Guid id, UpdateTenantRequest request, CancellationToken cancellationToken)
    {
        var tenant = await LoadAsync(id, cancellationToken);
        tenant.Rename(request.DisplayName);
        TenantStore.Forget(cache, unitOfWork);
        return tenant.ToDto(Now);
    }

    public async Task<TenantDto> SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken)
    {
        var tenant = await LoadAsync(id, cancellationToken);
        tenant.SetActive(isActive);
        TenantStore.Forget(cache, unitOfWork);
        return tenant.ToDto(Now);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Tenant> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Tenant", id);
}

internal sealed class CreateTenantRequestValidator : AbstractValidator<CreateTenantRequest>
{
    public CreateTenantRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().Length(2, 64).Matches("^[A-Za-z0-9][A-Za-z0-9-]*$");
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(128);
        RuleFor(r => r.AdminEmail).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.AdminPassword).NotEmpty().MaximumLength(128);
    }
}

internal sealed class UpdateTenantRequestValidator : AbstractValidator<UpdateTenantRequest>
{
    public UpdateTenantRequestValidator() => RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(128);
}

internal sealed class SetEditionRequestValidator : AbstractValidator<SetEditionRequest>
{
    public SetEditionRequestValidator() => RuleFor(r => r.Edition).NotEmpty().MaximumLength(32);
}
