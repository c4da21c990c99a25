using BizSuite.Kernel;
using BizSuite.Saas.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BizSuite.Saas.Tenants;

internal sealed class TenantAppService(SaasDbContext db, IMemoryCache cache) : ITenantAppService
{
    public async Task<PagedResult<TenantDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(t => t.Name.Contains(page.Filter) || t.DisplayName.Contains(page.Filter));
        query = query.SortBy(page, ("name", t => t.Name), ("displayName", t => t.DisplayName), ("createdAt", t => t.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<TenantDto>(items.Select(t => t.ToDto()).ToList(), await query.LongCountAsync(cancellationToken));
    }

    public async Task<TenantDto> GetAsync(Guid id, CancellationToken cancellationToken) => (await LoadAsync(id, cancellationToken)).ToDto();

    public async Task<TenantDto?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = Tenant.Normalize(name);
        return (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Name == normalized, cancellationToken))?.ToDto();
    }

    public async Task<TenantDto> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var name = Tenant.Normalize(request.Name);
        if (await db.Tenants.AnyAsync(t => t.Name == name, cancellationToken))
            throw new BusinessException(SaasErrors.DuplicateTenantName, Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict, name) { Field = "name" };
        var tenant = Tenant.Create(name, request.DisplayName, request.AdminEmail, request.AdminPassword);
        db.Tenants.Add(tenant);
        return tenant.ToDto();
    }

    public async Task<TenantDto> UpdateAsync(Guid id, UpdateTenantRequest request, CancellationToken cancellationToken)
    {
        var tenant = await LoadAsync(id, cancellationToken);
        tenant.Rename(request.DisplayName);
        return tenant.ToDto();
    }

    public async Task<TenantDto> SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken)
    {
        var tenant = await LoadAsync(id, cancellationToken);
        tenant.SetActive(isActive);
        TenantStore.Forget(cache, tenant);
        return tenant.ToDto();
    }

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
