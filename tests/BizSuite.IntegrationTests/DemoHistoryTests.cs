using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MySqlConnector;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The host as <c>scripts/run.sh</c> starts it, demo tenant and history included, on a database of its own and with the
/// host's real clock (the shared factory's test clock would flatten the history into one moment).
/// </summary>
public sealed class DemoHostFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; } = new MySqlConnectionStringBuilder(BizSuiteFactory.ServerConnectionString)
    {
        Database = $"bizsuite_demo_{Guid.NewGuid():N}"[..28],
    }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Jwt:SigningKey", "integration-tests-signing-key-0123456789");
        builder.UseSetting("Plugins:Path", Path.Combine(AppContext.BaseDirectory, "test-plugins"));
        builder.UseSetting("Jobs:WorkerEnabled", "false");
        builder.UseSetting("Seed:DemoTenant", "true");
    }

    public Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await using var connection = new MySqlConnection(BizSuiteFactory.ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{new MySqlConnectionStringBuilder(ConnectionString).Database}`", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("__tenant", "demo");
        var tokens = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = userName, password = "Demo123!" });
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Str("accessToken"));
        return client;
    }
}

/// <summary>What the demo history promises the person who opens the demo: a year of real business and work waiting for everyone.</summary>
public sealed class DemoHistoryTests(DemoHostFactory demo) : IClassFixture<DemoHostFactory>
{
    private static async Task<long> CountAsync(HttpClient client, string url) => (await client.GetJsonAsync(url)).GetProperty("totalCount").GetInt64();

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string url) =>
        (await client.GetJsonAsync(url)).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task Every_demo_user_finds_work_waiting_in_the_inbox()
    {
        var waiting = await ItemsAsync(await demo.LoginAsync("manager"), "/api/oa/approvals?box=assigned&take=100");
        waiting.Select(a => a.Str("documentType")).Distinct().Order().ShouldBe(["contract", "expense-claim", "leave-request", "offer"]);
        (await CountAsync(await demo.LoginAsync("admin"), "/api/oa/approvals?box=assigned")).ShouldBeGreaterThanOrEqualTo(2);
        foreach (var user in new[] { "sales", "finance" })
            (await ItemsAsync(await demo.LoginAsync(user), "/api/oa/tasks?box=mine")).ShouldContain(t => t.Str("status") != "Done", user);
    }

    [Fact]
    public async Task Contracts_are_in_every_state_and_opportunities_in_every_stage_with_leads_to_follow_up()
    {
        var sales = await demo.LoginAsync("sales");
        foreach (var status in new[] { "Draft", "Submitted", "Approved", "Signed", "Completed", "Terminated" })
            (await CountAsync(sales, $"/api/crm/contracts?status={status}&take=1")).ShouldBeGreaterThan(0, status);
        foreach (var stage in new[] { "Prospecting", "Qualification", "Proposal", "Negotiation", "Won", "Lost" })
            (await CountAsync(sales, $"/api/crm/opportunities?stage={stage}&take=1")).ShouldBeGreaterThan(0, stage);
        foreach (var status in new[] { "New", "Contacted", "Disqualified" })
            (await CountAsync(sales, $"/api/crm/leads?status={status}&take=1")).ShouldBeGreaterThan(0, status);
    }

    [Fact]
    public async Task Suppliers_and_products_show_their_custom_fields_with_values()
    {
        var admin = await demo.LoginAsync("admin");
        (await admin.GetJsonAsync("/api/custom-fields/purchasing.supplier")).EnumerateArray().Single().Str("labelZh").ShouldBe("供应商等级");
        (await ItemsAsync(admin, "/api/purchasing/suppliers?customField=grade&customValue=A")).Select(s => s.Str("name")).ShouldBe(["杭州精工五金有限公司"]);
        (await admin.GetJsonAsync("/api/custom-fields/orders.product")).EnumerateArray().Single().Str("labelZh").ShouldBe("产地");
        var products = await ItemsAsync(admin, "/api/orders/products?take=100");
        products.Single(p => p.Str("sku") == "SRV-R750").GetProperty("customFields").Str("origin").ShouldBe("广东深圳");
    }

    [Fact]
    public async Task A_year_of_books_balances_with_some_collections_overdue()
    {
        var finance = await demo.LoginAsync("finance");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var open = await ItemsAsync(finance, "/api/finance/invoices?status=Open&take=1000");
        open.ShouldContain(i => DateOnly.Parse(i.Str("dueOn")) < today);
        (await finance.GetJsonAsync("/api/finance/reports/trial-balance")).GetProperty("balanced").GetBoolean().ShouldBeTrue();
        // Vouchers are dated when their business happened: the oldest about a year back, none in the future.
        var vouchers = (await ItemsAsync(finance, "/api/finance/vouchers?take=1000")).Select(v => DateOnly.Parse(v.Str("postedOn"))).ToList();
        vouchers.Min().ShouldBeLessThan(today.AddDays(-300));
        vouchers.Max().ShouldBeLessThanOrEqualTo(today);
        (await CountAsync(finance, "/api/finance/payments?take=1")).ShouldBeGreaterThan(20);
        (await CountAsync(finance, "/api/finance/payables?status=Paid&take=1")).ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Approvals_took_realistic_times_and_a_candidate_was_hired()
    {
        var manager = await demo.LoginAsync("manager");
        var decided = await ItemsAsync(manager, "/api/oa/approvals?box=done&take=200");
        var hours = decided.Where(a => a.GetProperty("finishedAt").ValueKind == JsonValueKind.String)
            .Select(a => (a.GetProperty("finishedAt").GetDateTime() - a.GetProperty("submittedAt").GetDateTime()).TotalHours).ToList();
        hours.Count.ShouldBeGreaterThan(20);
        hours.ShouldAllBe(h => h > 0);
        hours.ShouldContain(h => h < 8);
        hours.ShouldContain(h => h > 24);
        var admin = await demo.LoginAsync("admin");
        (await CountAsync(admin, "/api/hr/candidates?stage=Hired&take=1")).ShouldBe(1);
    }
}
