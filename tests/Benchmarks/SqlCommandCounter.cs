using System.Collections.Concurrent;
using System.Diagnostics;

namespace BizSuite.Benchmarks;

/// <summary>
/// Counts the database round trips of this process through MySqlConnector's activity source (one
/// activity per command batch sent, whoever sends it: EF Core, the unit of work or the raw path).
/// </summary>
internal static class SqlCommandCounter
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();
    private static ActivityListener? _listener;

    public static void Start()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MySqlConnector",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => Counts.AddOrUpdate(activity.OperationName, 1, (_, n) => n + 1),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public static IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(Counts);

    public static string PerItem(IReadOnlyDictionary<string, int> before, int items) => string.Join(", ",
        Snapshot().Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(x => x.Count > 0)
            .OrderBy(x => x.Key)
            .Select(x => $"{x.Key} {x.Count / (double)items:0.#}"));
}
