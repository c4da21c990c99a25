using BizSuite.Kernel;

namespace BizSuite.Saas;

public static class SaasPermissions
{
    public const string Tenants = "Saas.Tenants";
    public const string TenantsCreate = "Saas.Tenants.Create";
    public const string TenantsUpdate = "Saas.Tenants.Update";
    public const string TenantsManage = "Saas.Tenants.Manage";
}

public static class SaasErrors
{
    public const string DuplicateTenantName = "Saas:DuplicateTenantName";
}

/// <summary>Raised in the creating transaction; Identity seeds the tenant's roles and admin user from it.</summary>
public sealed record TenantCreated(Guid TenantId, string Name, string AdminEmail, [property: Sensitive] string AdminPassword) : IDomainEvent;

public sealed record TenantActivationChanged(Guid TenantId, bool IsActive) : IDomainEvent;

public sealed record TenantDto(Guid Id, string Name, string DisplayName, bool IsActive, DateTime CreatedAt);

public sealed record CreateTenantRequest(string Name, string DisplayName, string AdminEmail, string AdminPassword);

public sealed record UpdateTenantRequest(string DisplayName);

/// <summary>Host-side tenant administration; the API and the host's demo seeding both go through it.</summary>
public interface ITenantAppService
{
    Task<PagedResult<TenantDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken);
    Task<TenantDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<TenantDto?> FindByNameAsync(string name, CancellationToken cancellationToken);
    Task<TenantDto> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken);
    Task<TenantDto> UpdateAsync(Guid id, UpdateTenantRequest request, CancellationToken cancellationToken);
    Task<TenantDto> SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken);
}
