using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BizSuite.Saas.Tenants;

/// <summary>
/// Resolves the tenant of every request. Cached briefly: a tenant disabled on another host instance
/// is refused there within <see cref="CacheFor"/>.
/// </summary>
internal sealed class TenantStore(SaasDbContext db, IMemoryCache cache) : ITenantStore
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var key = CacheKey(Guid.TryParse(nameOrId, out var id) ? id.ToString() : Tenant.Normalize(nameOrId));
        if (cache.TryGetValue(key, out TenantInfo? cached)) return cached;

        var name = Tenant.Normalize(nameOrId);
        var found = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id || t.Name == name, cancellationToken);
        if (found is null) return null;
        var editions = await db.Editions.AsNoTracking().ToListAsync(cancellationToken);
        var own = editions.FirstOrDefault(e => e.Name == found.Subscription.Edition);
        var tenant = new TenantInfo(found.Id, found.Name, found.IsActive)
        {
            // An edition removed by an operator locks nothing rather than everything.
            LockedModules = own is null ? new HashSet<string>() : Edition.Locked(own, editions),
            ReadOnlyFrom = found.Subscription.ReadOnlyFrom,
            DisplayName = found.DisplayName,
        };
        cache.Set(key, tenant, CacheFor);
        return tenant;
    }

    public static void Forget(IMemoryCache cache, Tenant tenant)
    {
        cache.Remove(CacheKey(tenant.Id.ToString()));
        cache.Remove(CacheKey(tenant.Name));
    }

    private static string CacheKey(string nameOrId) => "tenant:" + nameOrId;
}
