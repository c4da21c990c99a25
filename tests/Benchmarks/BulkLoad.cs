using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>What the latency benchmarks share: loading a million rows, running a statement, reading a percentile.</summary>
internal static class BulkLoad
{
    private const int Chunk = 2_000;

    /// <summary>
    /// Inserts rows 0 … <paramref name="count"/>−1 in chunks of 2,000 on two connections (the machine's cores) with unique checks
    /// off: <paramref name="chunk"/>(first, end) gives the multi-row statements of the rows first … end−1.
    /// </summary>
    public static async Task InChunksAsync(BenchHost host, int count, Func<int, int, IEnumerable<string>> chunk)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var connection = await host.OpenAsync();
            await ExecAsync(connection, "SET SESSION unique_checks = 0");
            for (var c = Interlocked.Increment(ref next); c * Chunk < count; c = Interlocked.Increment(ref next))
                foreach (var sql in chunk(c * Chunk, Math.Min(count, (c + 1) * Chunk))) await ExecAsync(connection, sql);
        })));
    }

    public static async Task ExecAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The INSERT of the records' search terms into a module's term table, the terms the application's save writes.</summary>
    public static string Terms(string table, string recordType, string tenantId, IEnumerable<(Guid Id, string?[] Texts)> records) =>
        $"INSERT INTO {table} (RecordId, Term, TenantId, RecordType) VALUES " + string.Join(",", records.SelectMany(r =>
            BizSuite.Kernel.SearchText.IndexTerms(r.Texts).Select(term => $"('{r.Id}','{term}','{tenantId}','{recordType}')")));

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
