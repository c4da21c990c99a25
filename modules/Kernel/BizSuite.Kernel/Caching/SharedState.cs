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

    /// <summary>Connects without failing when Redis is down at start (it keeps retrying); null without configuration.</summary>
    public static IConnectionMultiplexer? Connect(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration)) return null;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
