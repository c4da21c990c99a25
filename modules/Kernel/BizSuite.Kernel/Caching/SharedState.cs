using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace BizSuite.Kernel;

/// <summary>
/// What several host instances share: Redis when <c>Redis:Configuration</c> is set, else nothing (one host, in-memory).
/// Keys and channels carry the database's name, so hosts of different databases on one Redis (tests, staging) never mix.
/// </summary>
public sealed class SharedState(IConnectionMultiplexer? redis, string database)
{
    public IConnectionMultiplexer? Redis { get; } = redis;

    /// <summary>The prefix of every key and channel of this deployment (<c>bizsuite:{database}:</c>).</summary>
    public string Prefix { get; } = $"bizsuite:{database}:";

    public RedisChannel Channel(string name) => RedisChannel.Literal(Prefix + name);

    public RedisKey Key(string name) => Prefix + name;

    /// <summary>Marks kept in this host: the fallback without Redis (or while it is down); bounded, each expires with its window.</summary>
    private readonly MemoryCache _localMarks = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>
    /// Sets the mark <paramref name="name"/> for <paramref name="window"/> on every host (Redis <c>SET PX</c>, with
    /// <paramref name="onlyIfNew"/> <c>NX</c>); true when it was set. Without Redis, or while it cannot answer, the mark is
    /// kept in this host only: at worst one host does not see another's mark for a while.
    /// </summary>
    public async Task<bool> MarkAsync(string name, TimeSpan window, bool onlyIfNew = false)
    {
        if (Redis is { } redis)
        {
            try
            {
                return await redis.GetDatabase().StringSetAsync(Key("mark:" + name), 1, window, onlyIfNew ? When.NotExists : When.Always);
            }
            catch (RedisException) { }
        }
        if (onlyIfNew && _localMarks.TryGetValue(name, out _)) return false;
        _localMarks.Set(name, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = window, Size = 1 });
        return true;
    }

    public async Task<bool> IsMarkedAsync(string name)
    {
        if (Redis is { } redis)
        {
            try
            {
                return await redis.GetDatabase().KeyExistsAsync(Key("mark:" + name));
            }
            catch (RedisException) { }
        }
        return _localMarks.TryGetValue(name, out _);
    }

    /// <summary>True for the first caller of <paramref name="name"/> within <paramref name="window"/> across every host:
    /// "log an API key's use once an hour", not once per host.</summary>
    public Task<bool> IsFirstInWindowAsync(string name, TimeSpan window) => MarkAsync(name, window, onlyIfNew: true);

    /// <summary>Connects without failing when Redis is down at start (it keeps retrying); null without configuration.</summary>
    public static IConnectionMultiplexer? Connect(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration)) return null;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
