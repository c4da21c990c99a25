using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using Shouldly;
using Xunit.Abstractions;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The database stops under load and comes back: calls meanwhile answer 503 with Retry-After (never 500, never a hang),
/// readiness names MariaDB, and the same host serves again once it is back. On a MariaDB of its own (port 3351, or
/// BIZSUITE_OUTAGE_MYSQL_PORT), so stopping it never disturbs the tests that share the test server.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int Callers = 4;

    [MariaDbFact]
    public async Task Calls_during_a_database_outage_answer_503_with_retry_after_and_the_host_recovers_by_itself()
    {
        var database = await OutageDatabase.StartAsync();
        try
        {
            await using var host = new OutageHost(database.ConnectionString("bizsuite_outage_" + Guid.NewGuid().ToString("N")[..8]));
            var clients = new List<HttpClient>();
            for (var i = 0; i < Callers; i++) clients.Add(await host.HostAdminAsync());
            var calls = new ConcurrentQueue<Call>();
            using var stopLoad = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var load = clients.Select((client, i) => CallRepeatedlyAsync(client, i, clock, calls, stopLoad.Token)).ToArray();

            await Task.Delay(1500);
            var stopping = clock.Elapsed;
            await database.StopAsync();
            var down = clock.Elapsed;

            await Task.Delay(TimeSpan.FromSeconds(6)); // the outage, under load
            var health = await host.Anonymous().GetAsync("/health/ready");
            var healthBody = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            var restarting = clock.Elapsed;
            await database.StartAgainAsync();
            var up = clock.Elapsed;

            // Served again once every caller has had an answer of the database's return, and for a while after.
            while (Enumerable.Range(0, Callers).Any(c => !calls.Any(x => x.Caller == c && x.Started > up && x.Status == 200)))
            {
                (clock.Elapsed - up).ShouldBeLessThan(TimeSpan.FromSeconds(60), "the host serves again without a restart; last calls:\n" +
                    string.Join('\n', calls.GroupBy(c => c.Caller).Select(g => g.Last())));
                await Task.Delay(100);
            }
            var recovered = clock.Elapsed;
            await Task.Delay(2000);
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);
            var healthAfter = await host.Anonymous().GetAsync("/health/ready");

            var all = calls.OrderBy(c => c.Started).ToList();
            var outage = all.Where(c => c.Status == 503).ToList();
            var firstSuccess = all.First(c => c.Started > up && c.Status == 200);
            output.WriteLine($"{all.Count} calls by {Callers} callers; database stopped in {(down - stopping).TotalSeconds:F1} s, " +
                $"restarted in {(up - restarting).TotalSeconds:F1} s");
            output.WriteLine($"503 answers: {outage.Count}; first one {Ms(outage.FirstOrDefault()?.Answered - stopping)} after the stop began; " +
                $"answer time p50 {Ms(Percentile(outage, 0.5))}, max {Ms(outage.Select(c => c.Took).DefaultIfEmpty().Max())}");
            output.WriteLine($"First success {Ms(firstSuccess.Answered - up)} after the database answered again; every caller served again after {Ms(recovered - up)}");
            output.WriteLine($"503 answers after the first success: {all.Count(c => c.Status == 503 && c.Started > firstSuccess.Started)}");
            output.WriteLine($"Job worker during the outage: {host.Logs.Count(l => l.Category == typeof(JobWorker).FullName && l.Level == LogLevel.Error)} error(s) logged, " +
                $"{host.Logs.Count(l => l.Message.Contains("failed again"))} further failed poll(s) at debug level");
            // The shapes the outage took, as the exception handler saw them (its warning names the innermost exception).
            foreach (var shape in host.Logs.Where(l => l.Message.StartsWith("Database unreachable on", StringComparison.Ordinal))
                         .GroupBy(l => l.Message[(l.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
                output.WriteLine($"  {shape.Count()} x {shape.Key}");

            all.Where(c => c.Status is not (200 or 503)).ShouldBeEmpty("only answers or 503: never 500");
            outage.ShouldNotBeEmpty();
            outage.ShouldAllBe(c => c.RetryAfter == "5" && c.Code == KernelErrors.DatabaseUnavailable);
            all.Where(c => c.Started > down && c.Answered < restarting).ShouldAllBe(c => c.Status == 503);
            outage.Max(c => c.Took).ShouldBeLessThan(TimeSpan.FromSeconds(8), "no hang beyond the connect timeout (5 s)");
            all.Where(c => c.Started > firstSuccess.Answered + TimeSpan.FromSeconds(1)).ShouldAllBe(c => c.Status == 200,
                "once back, the pool holds no broken connection");

            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            healthBody.GetProperty("checks").GetProperty("mariadb").GetProperty("status").GetString().ShouldBe("Unhealthy");
            healthAfter.StatusCode.ShouldBe(HttpStatusCode.OK);

            // The worker neither spins nor floods the log while it cannot poll: one error per outage, polls backing off.
            host.Logs.Count(l => l.Category == typeof(JobWorker).FullName && l.Level == LogLevel.Error).ShouldBe(1);
            var outageSeconds = (up - stopping).TotalSeconds;
            host.Logs.Count(l => l.Message.Contains("failed again")).ShouldBeLessThanOrEqualTo((int)(outageSeconds / 4) + 2,
                $"polls every second would fail {outageSeconds:F0} times; backing off (2 s, then 4 s) far fewer");
        }
        finally
        {
            await database.StopAsync();
        }
    }

    private sealed record Call(int Caller, TimeSpan Started, TimeSpan Answered, int Status, string? RetryAfter, string? Code)
    {
        public TimeSpan Took => Answered - Started;
    }

    /// <summary>Reads (the tenant list) and writes (a login records a refresh token) until stopped, as a busy user would.</summary>
    private static async Task CallRepeatedlyAsync(HttpClient client, int caller, Stopwatch clock, ConcurrentQueue<Call> calls, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var started = clock.Elapsed;
            HttpResponseMessage response;
            try
            {
                response = n % 4 == 3
                    ? await client.PostAsJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = BizSuiteFactory.HostAdminPassword })
                    : await client.GetAsync("/api/saas/tenants");
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // No answer at all (a hang past the client's 30 s, a broken host): recorded as status 0 and failed below.
                calls.Enqueue(new Call(caller, started, clock.Elapsed, 0, null, ex.GetBaseException().Message));
                await Task.Delay(50, CancellationToken.None);
                continue;
            }
            using var _ = response;
            string? code = null;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync();
                code = body.StartsWith('{') && JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : body;
            }
            calls.Enqueue(new Call(caller, started, clock.Elapsed, (int)response.StatusCode, response.Headers.RetryAfter?.ToString(), code));
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static TimeSpan Percentile(List<Call> calls, double p) =>
        calls.Count == 0 ? TimeSpan.Zero : calls.Select(c => c.Took).Order().ElementAt((int)Math.Min(calls.Count - 1, p * calls.Count));

    private static string Ms(TimeSpan? span) => span is null ? "-" : $"{span.Value.TotalMilliseconds:F0} ms";

    /// <summary>The host in process, with its job worker polling every second and the log lines it writes kept.</summary>
    private sealed class OutageHost(string connectionString) : WebApplicationFactory<Program>
    {
        public ConcurrentQueue<LogLine> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Jwt:SigningKey", "integration-tests-signing-key-0123456789");
            builder.UseSetting("Seed:HostAdminPassword", BizSuiteFactory.HostAdminPassword);
            builder.UseSetting("Jobs:PollInterval", "00:00:01");
            builder.UseSetting("Jobs:MaxPollBackoff", "00:00:04");
            // The callers log in over and over from one address: the per-address login limit would answer 429.
            builder.UseSetting("Identity:LoginsPerMinutePerAddress", "100000");
            builder.ConfigureLogging(logging => logging
                .AddProvider(new CapturingLoggerProvider(Logs))
                .AddFilter<CapturingLoggerProvider>(typeof(JobWorker).FullName, LogLevel.Debug));
        }

        public HttpClient Anonymous()
        {
            var client = CreateClient();
            client.Timeout = TimeSpan.FromSeconds(30);
            return client;
        }

        public async Task<HttpClient> HostAdminAsync()
        {
            var client = Anonymous();
            var login = await client.PostAsJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = BizSuiteFactory.HostAdminPassword });
            var tokens = (await login.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<BizSuiteFactory.Tokens>())!;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            return client;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(connectionString) { Database = "" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{new MySqlConnectionStringBuilder(connectionString).Database}`", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public sealed record LogLine(string Category, LogLevel Level, string Message);

    private sealed class CapturingLoggerProvider(ConcurrentQueue<LogLine> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>A MariaDB server of the outage test's own, started and stopped with the test command's scripts/lib.sh.</summary>
internal sealed class OutageDatabase
{
    private static readonly string Repo = FindRepo();
    private static readonly string Directory = Path.Combine(Repo, ".data", "outage-mariadb");
    private static readonly int Port = int.TryParse(Environment.GetEnvironmentVariable("BIZSUITE_OUTAGE_MYSQL_PORT"), out var port) ? port : 3351;

    public static async Task<OutageDatabase> StartAsync()
    {
        await LibAsync($"start_mariadb '{Directory}' {Port}");
        return new OutageDatabase();
    }

    public string ConnectionString(string database) =>
        $"Server=127.0.0.1;Port={Port};User=bizsuite;Password=bizsuite;Database={database}";

    public Task StartAgainAsync() => LibAsync($"start_mariadb '{Directory}' {Port}");

    /// <summary>A clean shutdown (<c>mariadb-admin shutdown</c>), returning once the server process has exited.</summary>
    public Task StopAsync() => LibAsync($"stop_mariadb '{Directory}'");

    private static async Task LibAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source '{Repo}/scripts/lib.sh' && {command}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} failed: {await stdout}{await stderr}");
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "lib.sh"))) return dir.FullName;
        throw new InvalidOperationException("scripts/lib.sh not found above the test's folder.");
    }
}

/// <summary>Skipped, saying why, only where MariaDB's server binaries are missing (the test command installs them).</summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin");
        if (!path.Any(dir => File.Exists(Path.Combine(dir, "mariadbd"))))
            Skip = "mariadbd is not installed: the database outage test starts and stops a MariaDB server of its own (scripts/test.sh installs it).";
    }
}
