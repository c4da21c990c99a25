using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using StackExchange.Redis;

namespace BizSuite.Kernel;

/// <summary>
/// A short-lived in-memory cache, per tenant, of what nearly every request reads and rarely changes (tenants, settings,
/// a user's grants). The writer invalidates the tenant's entries (or a whole region, for a host-wide change) when it
/// writes and again when its unit of work ends, so this instance never serves a value older than the last commit.
/// With Redis (<see cref="SharedState"/>), a commit also announces the invalidation on a channel and every host drops
/// its entries within milliseconds; while this host cannot hear that channel it caches nothing, so a missed message
/// never leaves a stale value behind. Values stay in each host's memory (no second level): they are small and cheap
/// to read again, and nothing needs to serialize them.
/// </summary>
public sealed class TenantCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private const string ChannelName = "cache-invalidation";

    private readonly IMemoryCache _cache;
    private readonly SharedState _shared;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _generations = new();
    private volatile bool _hearing;
    private bool _subscribed;

    public TenantCache(IMemoryCache cache, SharedState shared)
    {
        _cache = cache;
        _shared = shared;
        if (shared.Redis is not { } redis)
        {
            _hearing = true; // one host: every invalidation is local
            return;
        }
        // Any lost connection counts as deafness (pub/sub may share the interactive connection): drop everything, cache
        // nothing until the connection is back and subscribed again.
        redis.ConnectionFailed += (_, _) =>
        {
            _hearing = false;
            CancelAll();
        };
        redis.ConnectionRestored += (_, _) =>
        {
            if (!redis.IsConnected) return;
            _hearing = _subscribed || Subscribe(redis);
            CancelAll(); // what changed while deaf is unknown
        };
        _hearing = Subscribe(redis) && redis.IsConnected;
    }

    private bool Subscribe(IConnectionMultiplexer redis)
    {
        try
        {
            redis.GetSubscriber().Subscribe(_shared.Channel(ChannelName), (_, name) => Cancel(name!));
            return _subscribed = true;
        }
        catch (RedisException)
        {
            return false; // Redis down at start: tried again when the connection is restored
        }
    }

    public async Task<T> GetOrCreateAsync<T>(string region, Guid? tenantId, string key, Func<Task<T>> create)
    {
        var cacheKey = $"{region}|{tenantId}|{key}";
        if (_cache.TryGetValue(cacheKey, out T? cached)) return cached!;
        // Taken before reading: an invalidation while the value is read keeps the stale value out of the cache.
        var regionToken = Generation(region).Token;
        var tenantToken = Generation($"{region}|{tenantId}").Token;
        var value = await create();
        if (_hearing && !regionToken.IsCancellationRequested && !tenantToken.IsCancellationRequested)
            _cache.Set(cacheKey, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }
                .AddExpirationToken(new CancellationChangeToken(regionToken))
                .AddExpirationToken(new CancellationChangeToken(tenantToken)));
        return value;
    }

    /// <summary>Drops the tenant's entries of the region now and when <paramref name="unitOfWork"/> commits or rolls back, on every host.</summary>
    public void Invalidate(string region, Guid? tenantId, UnitOfWork unitOfWork) => InvalidateNowAndAtEnd($"{region}|{tenantId}", unitOfWork);

    /// <summary>Drops every tenant's entries of the region (a host-wide value changed), now and at the end of the unit of work, on every host.</summary>
    public void InvalidateRegion(string region, UnitOfWork unitOfWork) => InvalidateNowAndAtEnd(region, unitOfWork);

    private void InvalidateNowAndAtEnd(string generation, UnitOfWork unitOfWork)
    {
        Cancel(generation);
        unitOfWork.OnEnded(() => Cancel(generation));
        // Other hosts only need to hear of a change that committed. Fire and forget: a lost message is covered by the
        // deaf-host rule above and, at worst, by the lifetime.
        if (_shared.Redis is not null) unitOfWork.OnCommitted(() => AnnounceAsync(generation));
    }

    private async Task AnnounceAsync(string generation)
    {
        try
        {
            await _shared.Redis!.GetSubscriber().PublishAsync(_shared.Channel(ChannelName), generation, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Redis is down: every host is deaf too, and caches nothing until it hears again.
        }
    }

    private CancellationTokenSource Generation(string name) => _generations.GetOrAdd(name, _ => new CancellationTokenSource());

    private void Cancel(string name)
    {
        if (_generations.TryRemove(name, out var source)) source.Cancel();
    }

    private void CancelAll()
    {
        foreach (var name in _generations.Keys) Cancel(name);
    }
}
