using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The real host on a fresh MariaDB database of its own (dropped afterwards), with the test plugin
/// loaded from a plugins folder, the job worker stopped (tests drive it) and a clock tests can move.
/// </summary>
public sealed class BizSuiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string HostAdminPassword = "Host123!";
    public const string BillingWebhookSecret = "whsec_platform_billing";
    public static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("BIZSUITE_TEST_MYSQL") ?? "Server=127.0.0.1;Port=3317;User=bizsuite;Password=bizsuite";

    public string ConnectionString { get; private set; } = new MySqlConnectionStringBuilder(ServerConnectionString)
    {
        Database = $"bizsuite_it_{Guid.NewGuid():N}"[..28],
    }.ConnectionString;

    private bool _ownsDatabase = true;

    /// <summary>Runs this host on another factory's database (a second host; that factory drops it) instead of a fresh one.</summary>
    public BizSuiteFactory SharesDatabaseOf
    {
        init
        {
            ConnectionString = value.ConnectionString;
            _ownsDatabase = false;
        }
    }

    public TestClock Clock { get; } = new();

    /// <summary>Configuration a fixture sets before the host starts; applied after the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public FakeStripe Stripe { get; } = FakeStripe.StartAsync().GetAwaiter().GetResult();

    /// <summary>Tenants that want mail point their SMTP settings here.</summary>
    public SmtpSink Smtp { get; } = SmtpSink.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Jwt:SigningKey", "integration-tests-signing-key-0123456789");
        builder.UseSetting("Plugins:Path", Path.Combine(AppContext.BaseDirectory, "test-plugins"));
        builder.UseSetting("Jobs:WorkerEnabled", "false");
        builder.UseSetting("Seed:HostAdminPassword", HostAdminPassword);
        builder.UseSetting("Finance:Stripe:ApiBase", Stripe.BaseUrl);
        builder.UseSetting("Saas:Stripe:ApiBase", Stripe.BaseUrl);
        builder.UseSetting("Saas:Stripe:SecretKey", "sk_test_platform");
        builder.UseSetting("Saas:Stripe:WebhookSecret", BillingWebhookSecret);
        builder.UseSetting("Saas:Stripe:Prices:Standard", "price_standard");
        builder.UseSetting("Saas:Stripe:Prices:Professional", "price_professional");
        // The robot notifier plugin posts to the official robot hosts only, and here to the tests' local receiver.
        builder.UseSetting("RobotNotifier:AllowedHosts", "qyapi.weixin.qq.com,oapi.dingtalk.com,127.0.0.1");
        // The webhook receivers of the tests run on this machine.
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        // Every test signs up from the same (test server) address.
        builder.UseSetting("Saas:SignUpsPerHourPerAddress", "1000");
        builder.UseSetting("Identity:LoginsPerMinutePerAddress", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations and seeding run now, not inside the first test
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Stripe.DisposeAsync();
        await Smtp.DisposeAsync();
        if (!_ownsDatabase) return;
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        var database = new MySqlConnectionStringBuilder(ConnectionString).Database;
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A client without a user, optionally sending the <c>__tenant</c> header.</summary>
    public HttpClient Anonymous(string? tenant = null, string language = "en")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        if (tenant is not null) client.DefaultRequestHeaders.Add("__tenant", tenant);
        return client;
    }

    public async Task<HttpClient> LoginAsync(string? tenant, string userName, string password, string language = "en")
    {
        var client = Anonymous(tenant, language);
        var response = await client.PostAsJsonAsync("/api/account/login", new { userNameOrEmail = userName, password });
        response.EnsureSuccessStatusCode();
        var tokens = (await response.Content.ReadFromJsonAsync<Tokens>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    public Task<HttpClient> HostAdminAsync() => LoginAsync(null, "admin", HostAdminPassword);

    /// <summary>Creates a tenant through the host admin API and returns its name; its admin's password is <c>Admin123!</c>.</summary>
    public async Task<string> CreateTenantAsync(string prefix = "t")
    {
        var name = $"{prefix}{Guid.NewGuid():N}"[..12];
        var host = await HostAdminAsync();
        var response = await host.PostAsJsonAsync("/api/saas/tenants",
            new { name, displayName = "Tenant " + name, adminEmail = $"admin@{name}.test", adminPassword = "Admin123!" });
        response.EnsureSuccessStatusCode();
        return name;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs due background jobs, as the worker would, until none is due; returns how many ran.</summary>
    public async Task<int> RunDueJobsAsync()
    {
        var worker = ActivatorUtilities.CreateInstance<BizSuite.Kernel.JobWorker>(Services);
        var total = 0;
        for (int claimed; (claimed = await worker.RunDueJobsAsync()) > 0;) total += claimed;
        return total;
    }

    public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);
}

/// <summary>Real time plus an offset the job tests move forward (and reset).</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<BizSuiteFactory>
{
    public const string Name = "api";
}
