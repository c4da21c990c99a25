using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Shouldly;
using Xunit.Abstractions;

namespace BizSuite.IntegrationTests;

/// <summary>Two hosts on one database and one Redis, as behind a load balancer.</summary>
public sealed class TwoHosts : IAsyncLifetime
{
    public static readonly TimeSpan Propagation = TimeSpan.FromSeconds(1);
    public const int SignUpsPerHour = 3;

    public BizSuiteFactory One { get; } = new() { Settings = { ["Saas:SignUpsPerHourPerAddress"] = SignUpsPerHour.ToString() } };
    public BizSuiteFactory Two { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Redis__Configuration")))
            throw new InvalidOperationException("Two hosts share their state through Redis: set Redis__Configuration (scripts/test.sh starts one).");
        await One.InitializeAsync(); // migrates and seeds before the second host starts on the same database
        Two = new BizSuiteFactory { SharesDatabaseOf = One, Settings = { ["Saas:SignUpsPerHourPerAddress"] = SignUpsPerHour.ToString() } };
        await Two.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Two).DisposeAsync();
        await ((IAsyncLifetime)One).DisposeAsync();
    }
}

public sealed class TwoHostTests(TwoHosts hosts, ITestOutputHelper output) : IClassFixture<TwoHosts>
{
    [Fact]
    public async Task A_permission_revoked_through_host_1_is_refused_on_host_2_within_a_second()
    {
        var tenant = await hosts.One.CreateTenantAsync();
        var admin = await hosts.One.LoginAsync(tenant, "admin", "Admin123!");
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "clerk" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Crm.Customers" } }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "wu", email = "wu@example.cn", name = "吴工", password = "Passw0rd!", isActive = true, roleNames = new[] { "clerk" } },
            HttpStatusCode.Created);
        var clerkOnTwo = await hosts.Two.LoginAsync(tenant, "wu", "Passw0rd!");
        await clerkOnTwo.GetJsonAsync("/api/crm/customers"); // host 2 now holds the grant in its cache

        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = Array.Empty<string>() }, HttpStatusCode.NoContent);
        var elapsed = await UntilAsync(clerkOnTwo, "/api/crm/customers", HttpStatusCode.Forbidden);
        output.WriteLine($"Permission revoked on host 1, refused on host 2 after {elapsed.TotalMilliseconds:F0} ms");
        elapsed.ShouldBeLessThan(TwoHosts.Propagation);
    }

    [Fact]
    public async Task A_tenant_disabled_on_host_2_is_refused_on_host_1_within_a_second()
    {
        var tenant = await hosts.One.CreateTenantAsync();
        var userOnOne = await hosts.One.LoginAsync(tenant, "admin", "Admin123!");
        await userOnOne.GetJsonAsync("/api/account/me"); // host 1 now holds the tenant in its cache
        var hostAdminOnTwo = await hosts.Two.HostAdminAsync();
        var id = (await hostAdminOnTwo.GetJsonAsync($"/api/saas/tenants?filter={tenant}")).GetProperty("items")[0].Str("id");

        await hostAdminOnTwo.PostJsonAsync($"/api/saas/tenants/{id}/disable", new { });
        var elapsed = await UntilAsync(userOnOne, "/api/account/me", HttpStatusCode.Forbidden);
        output.WriteLine($"Tenant disabled on host 2, refused on host 1 after {elapsed.TotalMilliseconds:F0} ms");
        elapsed.ShouldBeLessThan(TwoHosts.Propagation);
        (await userOnOne.GetJsonAsync("/api/account/me", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Kernel:TenantDisabled");
    }

    [Fact]
    public async Task A_notification_raised_on_host_1_reaches_a_tab_connected_to_host_2()
    {
        var tenant = await hosts.One.CreateTenantAsync();
        var admin = await hosts.One.LoginAsync(tenant, "admin", "Admin123!");
        var li = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "li", email = "li@example.cn", name = "李雷", password = "Passw0rd!", isActive = true, roleNames = Array.Empty<string>() },
            HttpStatusCode.Created);
        var liOnTwo = await hosts.Two.LoginAsync(tenant, "li", "Passw0rd!");
        var received = new TaskCompletionSource<(JsonElement Notification, long At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var tab = Connect(hosts.Two, liOnTwo);
        tab.On<JsonElement>("notification", n => received.TrySetResult((n, Stopwatch.GetTimestamp())));
        await tab.StartAsync();

        await admin.PostJsonAsync("/api/oa/tasks", new { title = "准备入职资料", assigneeUserId = li.Str("id") }, HttpStatusCode.Created);
        var committed = Stopwatch.GetTimestamp();

        var (notification, at) = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var elapsed = Stopwatch.GetElapsedTime(committed, at);
        output.WriteLine($"Notification committed on host 1, received through host 2 after {Math.Max(0, elapsed.TotalMilliseconds):F0} ms");
        (notification.Str("kind"), notification.Str("title"), notification.Str("link")).ShouldBe(("TaskAssigned", "准备入职资料", "/oa/tasks"));
        var listed = (await liOnTwo.GetJsonAsync("/api/oa/notifications")).GetProperty("items")[0];
        listed.Str("id").ShouldBe(notification.Str("id"));
    }

    [Fact]
    public async Task The_sign_up_limit_counts_attempts_on_both_hosts_together()
    {
        // Refused bodies count too (the limit applies before anything else), so no tenant needs creating.
        var attempt = new { name = "-", displayName = "", adminEmail = "", adminPassword = "" };
        await hosts.One.Anonymous().PostJsonAsync("/api/saas/sign-up", attempt, HttpStatusCode.BadRequest);
        await hosts.One.Anonymous().PostJsonAsync("/api/saas/sign-up", attempt, HttpStatusCode.BadRequest);
        await hosts.Two.Anonymous().PostJsonAsync("/api/saas/sign-up", attempt, HttpStatusCode.BadRequest);
        (await hosts.Two.Anonymous().PostAsJsonAsync("/api/saas/sign-up", attempt)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            $"{TwoHosts.SignUpsPerHour} attempts an hour per address, two made on host 1 and one on host 2");
    }

    /// <summary>A tab on <paramref name="host"/> signed in as the client's user (long polling: the test server has no WebSockets).</summary>
    internal static HubConnection Connect(BizSuiteFactory host, HttpClient signedIn) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/hubs/user"), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult(signedIn.DefaultRequestHeaders.Authorization?.Parameter);
            })
            .Build();

    /// <summary>Asks every 20 ms until the answer has <paramref name="status"/>; the time it took (fails after 5 s).</summary>
    private static async Task<TimeSpan> UntilAsync(HttpClient client, string url, HttpStatusCode status)
    {
        var started = Stopwatch.GetTimestamp();
        while ((await client.GetAsync(url)).StatusCode != status)
        {
            Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(5), $"{url} never answered {status}");
            await Task.Delay(20);
        }
        return Stopwatch.GetElapsedTime(started);
    }
}
