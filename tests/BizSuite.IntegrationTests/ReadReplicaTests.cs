using System.Net;
using System.Text.Json;
using MySqlConnector;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The read replica is the same server seen through a user allowed only SELECT: a write routed there would fail, and
/// taking the user's rights away shows which requests read through it. No pooling, so a revoked right counts at once.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime
{
    private readonly BizSuiteFactory _app = new();
    private readonly string _reader = $"ro{Guid.NewGuid():N}"[..14];
    private string Database => new MySqlConnectionStringBuilder(_app.ConnectionString).Database;

    public async Task InitializeAsync()
    {
        await SqlAsync($"CREATE USER '{_reader}'@'127.0.0.1' IDENTIFIED BY 'replica-secret'",
            $"CREATE USER '{_reader}'@'localhost' IDENTIFIED BY 'replica-secret'");
        await GrantAsync("GRANT SELECT ON `{0}`.* TO '{1}'@'{2}'");
        _app.Settings["ConnectionStrings:ReadOnly"] = new MySqlConnectionStringBuilder(_app.ConnectionString)
        { UserID = _reader, Password = "replica-secret", Pooling = false }.ConnectionString;
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await SqlAsync($"DROP USER IF EXISTS '{_reader}'@'127.0.0.1'", $"DROP USER IF EXISTS '{_reader}'@'localhost'");
    }

    [Fact]
    public async Task Lists_read_the_replica_writes_go_to_the_primary_and_a_writer_reads_their_own_write_back_from_the_primary()
    {
        var tenant = await _app.CreateTenantAsync();
        var admin = await _app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "reader", email = $"reader@{tenant}.test", name = "Reader", password = "Reader123!", isActive = true, roleNames = new[] { "admin" } }, HttpStatusCode.Created);
        var reader = await _app.LoginAsync(tenant, "reader", "Reader123!");

        // Writes commit on the primary (the replica's user could not), and both users list them through the replica.
        var first = await admin.PostJsonAsync("/api/crm/customers", new { name = "主库写入客户" }, HttpStatusCode.Created);
        (await reader.GetJsonAsync("/api/crm/customers")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await reader.GetJsonAsync($"/api/crm/customers/{first.Str("id")}")).Str("name").ShouldBe("主库写入客户");

        // Without its rights the replica refuses every read: whoever still reads must be on the primary.
        await GrantAsync("REVOKE SELECT ON `{0}`.* FROM '{1}'@'{2}'");
        try
        {
            await admin.PostJsonAsync("/api/crm/customers", new { name = "刚写入的客户" }, HttpStatusCode.Created);
            (await admin.GetJsonAsync("/api/crm/customers")).GetProperty("totalCount").GetInt64().ShouldBe(2, "the writer reads their write back from the primary");
            (await reader.GetAsync("/api/crm/customers")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "another user's list reads the replica");
            // A replica that refuses is named by the readiness check; the primary's check stays healthy.
            var health = await _app.Anonymous().GetAsync("/health/ready");
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var checks = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            checks.GetProperty("mariadb-readonly").GetProperty("status").GetString().ShouldBe("Unhealthy");
            checks.GetProperty("mariadb").GetProperty("status").GetString().ShouldBe("Healthy");
        }
        finally { await GrantAsync("GRANT SELECT ON `{0}`.* TO '{1}'@'{2}'"); }
        (await reader.GetJsonAsync("/api/crm/customers")).GetProperty("totalCount").GetInt64().ShouldBe(2);
        (await _app.Anonymous().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task GrantAsync(string statement) =>
        SqlAsync(string.Format(statement, Database, _reader, "127.0.0.1"), string.Format(statement, Database, _reader, "localhost"));

    private static async Task SqlAsync(params string[] statements)
    {
        await using var connection = new MySqlConnection(BizSuiteFactory.ServerConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
