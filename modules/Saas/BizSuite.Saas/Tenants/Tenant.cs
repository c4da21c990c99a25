using BizSuite.Kernel;
using BizSuite.Saas.Subscriptions;

namespace BizSuite.Saas.Tenants;

/// <summary>A customer company of the platform (租户). Host data: it has no TenantId of its own.</summary>
[Audited]
internal sealed class Tenant : AggregateRoot
{
    public string Name { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public bool IsActive { get; private set; }
    public Subscription Subscription { get; private set; } = null!;

    private Tenant() { }

    public static Tenant Create(string name, string displayName, string adminEmail, string adminPassword, string edition)
    {
        var tenant = new Tenant { Name = Normalize(name), DisplayName = displayName.Trim(), IsActive = true, Subscription = Subscription.On(edition) };
        tenant.Raise(new TenantCreated(tenant.Id, tenant.Name, adminEmail.Trim(), adminPassword));
        return tenant;
    }

    /// <summary>Tenant names are used in the <c>__tenant</c> header and sub-domains: lower case.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public void Rename(string displayName) => DisplayName = displayName.Trim();

    public void SetActive(bool isActive)
    {
        if (IsActive == isActive) return;
        IsActive = isActive;
        Raise(new TenantActivationChanged(Id, isActive));
    }

    public TenantDto ToDto(DateTime now) => new(Id, Name, DisplayName, IsActive, CreatedAt, Subscription.Edition, Subscription.StatusAt(now));
}
