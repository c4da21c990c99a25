using MySqlConnector;

namespace BizSuite.Benchmarks;

// Not top-level statements: those would declare a second Program beside the host's WebApplicationFactory<Program>.
internal static class BenchmarkMain
{
    public static async Task<int> Main(string[] args)
    {
        Options options;
        try { options = Options.Parse(args); }
        catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }

        var database = $"bench_{Guid.NewGuid():N}"[..18];
        var connectionString = options.DatabaseConnection(database);
        Console.WriteLine($"BizSuite benchmark on database {database}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        try
        {
            await using var host = new BenchHost(connectionString, options.HostAdminPassword);
            _ = host.Server; // start: migrations and seeding run now, outside every measurement
            SqlCommandCounter.Start();
            if (options.Runs("signing")) await new SigningBenchmark(host, options).RunAsync();
            if (options.Runs("list")) await new InvoiceListBenchmark(host, options).RunAsync();
            if (options.Runs("search")) await new SearchBenchmark(host, options).RunAsync();
            if (options.Runs("insights")) await new InsightsBenchmark(host, options).RunAsync();
            if (options.Runs("procure")) await new ProcureBenchmark(host, options).RunAsync();
            if (options.Runs("stock")) await new StockListBenchmark(host, options).RunAsync();
            if (options.Runs("customfields")) await new CustomFieldListBenchmark(host, options).RunAsync();
            if (options.Runs("startup")) await new StartupBenchmark(host, options).RunAsync();
        }
        finally
        {
            if (!options.Keep)
            {
                await using var connection = new MySqlConnection(options.Connection);
                await connection.OpenAsync();
                await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
                await drop.ExecuteNonQueryAsync();
            }
            else Console.WriteLine($"Kept database {database}.");
        }
        return 0;
    }
}
