using BizSuite.Kernel;
using BizSuite.Saas.Data;
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
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == id || t.Name == name)
            .Select(t => new TenantInfo(t.Id, t.Name, t.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
        if (tenant is not null) cache.Set(key, tenant, CacheFor);
        return tenant;
    }

    public static void Forget(IMemoryCache cache, Tenant tenant)
    {
        cache.Remove(CacheKey(tenant.Id.ToString()));
        cache.Remove(CacheKey(tenant.Name));
    }

    private static string CacheKey(string nameOrId) => "tenant:" + nameOrId;
}
