using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace BizSuite.Kernel;

/// <summary>
/// A short-lived cache, per tenant, of what nearly every request reads and rarely changes (settings,
/// a user's grants). The writer invalidates the tenant's entries (or a whole region, for a host-wide
/// change) when it writes and again when its unit of work ends, so this instance never serves a value
/// older than the last commit; other host instances see a change within <see cref="Lifetime"/>.
/// </summary>
public sealed class TenantCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _generations = new();

    public async Task<T> GetOrCreateAsync<T>(string region, Guid? tenantId, string key, Func<Task<T>> create)
    {
        var cacheKey = $"{region}|{tenantId}|{key}";
        if (cache.TryGetValue(cacheKey, out T? cached)) return cached!;
        // Taken before reading: an invalidation while the value is read keeps the stale value out of the cache.
        var regionToken = Generation(region).Token;
        var tenantToken = Generation($"{region}|{tenantId}").Token;
        var value = await create();
        if (!regionToken.IsCancellationRequested && !tenantToken.IsCancellationRequested)
            cache.Set(cacheKey, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }
                .AddExpirationToken(new CancellationChangeToken(regionToken))
                .AddExpirationToken(new CancellationChangeToken(tenantToken)));
        return value;
    }

    /// <summary>Drops the tenant's entries of the region now and when <paramref name="unitOfWork"/> commits or rolls back.</summary>
    public void Invalidate(string region, Guid? tenantId, UnitOfWork unitOfWork) => InvalidateNowAndAtEnd($"{region}|{tenantId}", unitOfWork);

    /// <summary>Drops every tenant's entries of the region (a host-wide value changed), now and at the end of the unit of work.</summary>
    public void InvalidateRegion(string region, UnitOfWork unitOfWork) => InvalidateNowAndAtEnd(region, unitOfWork);

    private void InvalidateNowAndAtEnd(string generation, UnitOfWork unitOfWork)
    {
        Cancel(generation);
        unitOfWork.OnEnded(() => Cancel(generation));
    }

    private CancellationTokenSource Generation(string name) => _generations.GetOrAdd(name, _ => new CancellationTokenSource());

    private void Cancel(string name)
    {
        if (_generations.TryRemove(name, out var source)) source.Cancel();
    }
}
