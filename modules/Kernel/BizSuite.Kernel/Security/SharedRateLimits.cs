using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BizSuite.Kernel;

public static class SharedRateLimits
{
    /// <summary>
    /// A rate-limit policy of <paramref name="permitLimit"/> requests per client address and <paramref name="window"/>, counted
    /// across every host on Redis when the suite has one (<see cref="SharedState"/>), else in this host's memory.
    /// </summary>
    public static void AddPerAddressPolicy(this IServiceCollection services, string policy, int permitLimit, TimeSpan window) =>
        services.AddRateLimiter(o => o.AddPolicy(policy, http =>
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
            var shared = http.RequestServices.GetRequiredService<SharedState>();
            return shared.Redis is { } redis
                ? RateLimitPartition.Get(address, key => new RedisFixedWindowLimiter(redis, shared.Key($"rate:{policy}:{key}"), permitLimit, window))
                : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window });
        }));
}

/// <summary>
/// A fixed window counted in Redis: one key per window, incremented atomically and expiring with the window. When Redis
/// cannot answer the request is let through (these limits slow abuse down; refusing every sign-up during an outage
/// would hurt more).
/// </summary>
internal sealed class RedisFixedWindowLimiter(IConnectionMultiplexer redis, RedisKey key, int permitLimit, TimeSpan window) : RateLimiter
{
    private const string Increment = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        if count == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return count
        """;

    private long _lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => AcquireAsyncCore(permitCount, default).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var windowKey = key.Append($":{now / windowMs}");
        try
        {
            var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Increment, [windowKey], [permitCount, windowMs]);
            if (count <= permitLimit) return Lease.Acquired;
            return new Lease(false, TimeSpan.FromMilliseconds(windowMs - now % windowMs));
        }
        catch (RedisException)
        {
            return Lease.Acquired;
        }
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
