using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BizSuite.Kernel;

/// <summary>
/// Read-your-writes over a lagging replica: after a user's write commits, that user's reads go to the primary for
/// <see cref="KernelOptions.ReadYourWritesWindow"/>, so the page that reloads after a save shows it. Other users may
/// see the replica's lag. Marks live in Redis when configured (a user's next read may land on another host), else here.
/// </summary>
public sealed class ReadYourWrites(SharedState shared, IOptions<KernelOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, DateTime> _local = new();

    private bool HasReplica => options.Value.ReadOnlyConnectionString is not null;

    public async Task MarkWriteAsync(Guid userId)
    {
        if (!HasReplica) return;
        var window = options.Value.ReadYourWritesWindow;
        if (shared.Redis is { } redis)
        {
            // A lost mark only means this user may read the replica's lag once; the write itself has committed.
            try { await redis.GetDatabase().StringSetAsync(Key(userId), 1, window); } catch (RedisException) { }
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        _local[userId] = now + window;
        if (_local.Count > 10_000)
            foreach (var (user, until) in _local) if (until <= now) _local.TryRemove(user, out _);
    }

    /// <summary>Whether the user's reads should stay on the primary (always without a replica, and while Redis cannot say).</summary>
    public async Task<bool> WroteRecentlyAsync(Guid userId)
    {
        if (!HasReplica) return true;
        if (shared.Redis is { } redis)
        {
            try { return await redis.GetDatabase().KeyExistsAsync(Key(userId)); } catch (RedisException) { return true; }
        }
        return _local.TryGetValue(userId, out var until) && until > clock.GetUtcNow().UtcDateTime;
    }

    private RedisKey Key(Guid userId) => shared.Key("read-your-writes:" + userId);
}
