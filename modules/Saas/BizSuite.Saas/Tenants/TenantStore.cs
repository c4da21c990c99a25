using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Saas.Tenants;

/// <summary>
/// Resolves the tenant of every request. Cached (<see cref="TenantCache"/>, host-wide region): a change to any tenant drops
/// every entry, on every host, when it commits — tenants change rarely and are looked up by id or by name alike.
/// </summary>
internal sealed class TenantStore(SaasDbContext db, TenantCache cache) : ITenantStore
{
    private const string CacheRegion = "tenants";

    public Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var key = Guid.TryParse(nameOrId, out var id) ? id.ToString() : Tenant.Normalize(nameOrId);
        return cache.GetOrCreateAsync(CacheRegion, null, key, () => LoadAsync(nameOrId, id, cancellationToken));
    }

    private async Task<TenantInfo?> LoadAsync(string nameOrId, Guid id, CancellationToken cancellationToken)
    {
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
        return tenant;
    }

    /// <summary>Call when a tenant or its subscription changes.</summary>
    public static void Forget(TenantCache cache, UnitOfWork unitOfWork) => cache.InvalidateRegion(CacheRegion, unitOfWork);
}
