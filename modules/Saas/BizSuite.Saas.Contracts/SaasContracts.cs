using BizSuite.Kernel;

namespace BizSuite.Saas;

public static class SaasPermissions
{
    public const string Tenants = "Saas.Tenants";
    public const string TenantsCreate = "Saas.Tenants.Create";
    public const string TenantsUpdate = "Saas.Tenants.Update";
    public const string TenantsManage = "Saas.Tenants.Manage";
    /// <summary>A tenant's admin: sees usage, upgrades the plan, opens the billing portal.</summary>
    public const string Subscription = "Saas.Subscription";
}

/// <summary>
/// Module names the editions sell (<c>BizModule.Name</c>, or a part a module marks with <c>BelongsToModule</c>).
/// A module no edition lists (Identity, Saas, plugins) is in every plan.
/// </summary>
public static class SaasModules
{
    public const string Crm = "Crm";
    public const string Oa = "Oa";
    public const string Orders = "Orders";
    public const string Finance = "Finance";
    public const string Hr = "Hr";
    public const string ApiKeys = ApiKeyClaims.Module;
    public const string Webhooks = "Webhooks";
    public const string Inventory = "Inventory";
    public const string Purchasing = "Purchasing";
}

public static class SaasErrors
{
    public const string DuplicateTenantName = "Saas:DuplicateTenantName";
    public const string UserLimitReached = "Saas:UserLimitReached";
    public const string StorageLimitReached = "Saas:StorageLimitReached";
    public const string UnknownEdition = "Saas:UnknownEdition";
    public const string UnknownModule = "Saas:UnknownModule";
    public const string EditionNotForSale = "Saas:EditionNotForSale";
    public const string NoBillingAccount = "Saas:NoBillingAccount";
    public const string ChangePlanInPortal = "Saas:ChangePlanInPortal";
    public const string InvalidWebhook = "Saas:InvalidWebhook";
    public const string BillingNotConfigured = "Saas:BillingNotConfigured";
}

/// <summary>What an edition limits; modules holding a tenant's users or files measure it.</summary>
public enum UsageKind
{
    Users,
    StorageBytes,
}

/// <summary>A module's share of the current tenant's usage of one kind (Identity counts users, HR sums uploaded files).</summary>
public interface IUsageMeter
{
    UsageKind Kind { get; }
    Task<long> MeasureAsync(CancellationToken cancellationToken);
}

/// <summary>Asked before adding users or files: throws 422 (<c>Saas:UserLimitReached</c>, <c>Saas:StorageLimitReached</c>) beyond the plan.</summary>
public interface IEditionLimits
{
    Task EnsureRoomForAsync(UsageKind kind, long adding, CancellationToken cancellationToken);
}

/// <summary>Raised in the creating transaction; Identity seeds the tenant's roles and admin user from it.</summary>
public sealed record TenantCreated(Guid TenantId, string Name, string AdminEmail, [property: Sensitive] string AdminPassword) : IDomainEvent;

public sealed record TenantActivationChanged(Guid TenantId, bool IsActive) : IDomainEvent;

public sealed record TenantDto(Guid Id, string Name, string DisplayName, bool IsActive, DateTime CreatedAt, string Edition, SubscriptionStatus SubscriptionStatus);

/// <summary>Where a tenant's paid plan stands; <see cref="ReadOnly"/> is past due beyond the grace period.</summary>
public enum SubscriptionStatus
{
    Active,
    PastDue,
    ReadOnly,
    Canceled,
}

public sealed record CreateTenantRequest(string Name, string DisplayName, string AdminEmail, string AdminPassword);

public sealed record UpdateTenantRequest(string DisplayName);

public sealed record SetEditionRequest(string Edition);

/// <summary>Host-side tenant administration; the API and the host's demo seeding both go through it.</summary>
public interface ITenantAppService
{
    Task<PagedResult<TenantDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken);
    Task<TenantDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<TenantDto?> FindByNameAsync(string name, CancellationToken cancellationToken);
    Task<TenantDto> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken);
    Task<TenantDto> SignUpAsync(CreateTenantRequest request, CancellationToken cancellationToken);
    Task<TenantDto> SetEditionAsync(Guid id, SetEditionRequest request, CancellationToken cancellationToken);
    Task<TenantDto> UpdateAsync(Guid id, UpdateTenantRequest request, CancellationToken cancellationToken);
    Task<TenantDto> SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken);
}
