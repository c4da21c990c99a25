using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// The real host (Program, every module, the real pipeline with authentication, tenancy, unit of work and
/// validation) in this process on a fresh database, served by the in-memory test server: requests skip
/// the socket but nothing of the application. The job worker is off so nothing else competes for the CPU.
/// </summary>
/// <remarks><paramref name="services"/> changes the host's services (a benchmark comparing with and without a handler).</remarks>
internal sealed class BenchHost(string connectionString, string hostAdminPassword, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseContentRoot(HostFolder());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Jwt:SigningKey", "benchmark-signing-key-0123456789abcdef");
        builder.UseSetting("Jwt:AccessTokenLifetime", "04:00:00");
        builder.UseSetting("Plugins:Path", Path.Combine(AppContext.BaseDirectory, "no-plugins"));
        builder.UseSetting("Jobs:WorkerEnabled", "false");
        builder.UseSetting("Seed:HostAdminPassword", hostAdminPassword);
        // Logging one JSON line per warning only: per-request console output would measure the console.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>The host's project folder (its appsettings.json), found upwards from the build output.</summary>
    private static string HostFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "host", "BizSuite.Host"))) return Path.Combine(dir.FullName, "host", "BizSuite.Host");
        return AppContext.BaseDirectory;
    }

    public HttpClient Client(string? tenant = null, string? token = null)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        if (tenant is not null) client.DefaultRequestHeaders.Add("__tenant", tenant);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> LoginAsync(string? tenant, string userName, string password)
    {
        var client = Client(tenant);
        var tokens = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = userName, password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Str("accessToken"));
        return client;
    }

    /// <summary>Creates a tenant through the host admin API; returns a client logged in as its admin and the tenant id.</summary>
    public async Task<(HttpClient Admin, Guid TenantId)> CreateTenantAsync(HttpClient hostAdmin, string name)
    {
        await hostAdmin.PostJsonAsync("/api/saas/tenants",
            new { name, displayName = "Bench " + name, adminEmail = $"admin@{name}.test", adminPassword = "Admin123!" });
        var admin = await LoginAsync(name, "admin", "Admin123!");
        var me = await admin.GetJsonAsync("/api/account/me");
        return (admin, Guid.Parse(me.Str("tenantId")));
    }

    public async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

internal static class Http
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) => await (await client.GetAsync(url)).ReadJsonAsync();

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body) =>
        await (await client.PostAsJsonAsync(url, body)).ReadJsonAsync();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
