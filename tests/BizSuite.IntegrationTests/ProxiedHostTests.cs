using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Shouldly;
using Xunit.Abstractions;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Two real host processes on one database and one Redis behind the real proxy (host/BizSuite.Proxy), as in production:
/// what in-process hosts share (one process, one set of statics) cannot hide a per-host state here.
/// </summary>
public sealed class ProxiedHosts : IAsyncLifetime
{
    /// <summary>Creates and migrates the database, creates tenants; serves no test traffic (its job worker is off).</summary>
    public BizSuiteFactory Setup { get; } = new();
    public Uri One { get; } = new($"http://127.0.0.1:{FreePort()}");
    public Uri Two { get; } = new($"http://127.0.0.1:{FreePort()}");
    public Uri Proxy { get; } = new($"http://127.0.0.1:{FreePort()}");
    private readonly List<HostProcess> _processes = [];

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Redis__Configuration")))
            throw new InvalidOperationException("Hosts share their state through Redis: set Redis__Configuration (scripts/test.sh starts one).");
        await Setup.InitializeAsync();
        var started = Stopwatch.StartNew();
        foreach (var address in new[] { One, Two })
            _processes.Add(HostProcess.Start(Setup.ConnectionString, new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["Identity__LoginsPerMinutePerAddress"] = "100000",
                ["Scheduling__Enabled"] = "false",
                ["Jobs__PollInterval"] = "00:00:00.200",
            }));
        _processes.Add(HostProcess.StartProxy(Proxy, [One, Two]));
        foreach (var (address, process) in new[] { One, Two, Proxy }.Zip(_processes))
            await UntilReadyAsync(address, process);
        Console.WriteLine($"Two host processes and the proxy ready {started.Elapsed.TotalSeconds:F1} s after their start");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        await ((IAsyncLifetime)Setup).DisposeAsync();
    }

    public static HttpClient Client(Uri address, string? tenant = null)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        if (tenant is not null) client.DefaultRequestHeaders.Add("__tenant", tenant);
        return client;
    }

    /// <summary>Signs in on <paramref name="address"/>; the client carries the access token, the refresh token is returned.</summary>
    public static async Task<(HttpClient Client, string RefreshToken)> LoginAsync(Uri address, string tenant, string userName, string password)
    {
        var client = Client(address, tenant);
        var tokens = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = userName, password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Str("accessToken"));
        return (client, tokens.Str("refreshToken"));
    }

    private static async Task UntilReadyAsync(Uri address, HostProcess process)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            process.HasExited.ShouldBeFalse($"{address} exited:\n{process.Tail()}");
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), $"{address} never became ready:\n{process.Tail()}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { } // not listening yet, or busy starting
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class ProxiedHostTests(ProxiedHosts hosts, ITestOutputHelper output) : IClassFixture<ProxiedHosts>
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_permission_revoked_through_host_1_is_refused_on_host_2_within_a_second()
    {
        var tenant = await hosts.Setup.CreateTenantAsync();
        var (admin, _) = await ProxiedHosts.LoginAsync(hosts.One, tenant, "admin", "Admin123!");
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "clerk" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Crm.Customers" } }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "wu", email = "wu@example.cn", name = "吴工", password = "Passw0rd!", isActive = true, roleNames = new[] { "clerk" } },
            HttpStatusCode.Created);
        var (clerkOnTwo, _) = await ProxiedHosts.LoginAsync(hosts.Two, tenant, "wu", "Passw0rd!");
        await clerkOnTwo.GetJsonAsync("/api/crm/customers"); // host 2 now holds the grant in its cache

        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = Array.Empty<string>() }, HttpStatusCode.NoContent);
        var elapsed = await UntilAsync(clerkOnTwo, "/api/crm/customers", HttpStatusCode.Forbidden);
        output.WriteLine($"Permission revoked on host process 1, refused on host process 2 after {elapsed.TotalMilliseconds:F0} ms");
        elapsed.ShouldBeLessThan(Propagation);
    }

    [Fact]
    public async Task A_tenant_disabled_on_host_2_is_refused_on_host_1_within_a_second()
    {
        var tenant = await hosts.Setup.CreateTenantAsync();
        var (userOnOne, _) = await ProxiedHosts.LoginAsync(hosts.One, tenant, "admin", "Admin123!");
        await userOnOne.GetJsonAsync("/api/account/me"); // host 1 now holds the tenant in its cache
        var (hostAdminOnTwo, _) = await ProxiedHosts.LoginAsync(hosts.Two, "", "admin", BizSuiteFactory.HostAdminPassword);
        var id = (await hostAdminOnTwo.GetJsonAsync($"/api/saas/tenants?filter={tenant}")).GetProperty("items")[0].Str("id");

        await hostAdminOnTwo.PostJsonAsync($"/api/saas/tenants/{id}/disable", new { });
        var elapsed = await UntilAsync(userOnOne, "/api/account/me", HttpStatusCode.Forbidden);
        output.WriteLine($"Tenant disabled on host process 2, refused on host process 1 after {elapsed.TotalMilliseconds:F0} ms");
        elapsed.ShouldBeLessThan(Propagation);
        (await userOnOne.GetJsonAsync("/api/account/me", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Kernel:TenantDisabled");
    }

    [Fact]
    public async Task An_edition_edited_on_host_1_locks_its_module_on_host_2_within_a_second()
    {
        var tenant = await hosts.Setup.CreateTenantAsync(); // on Professional, which includes Purchasing
        var (adminOnTwo, _) = await ProxiedHosts.LoginAsync(hosts.Two, tenant, "admin", "Admin123!");
        await adminOnTwo.GetJsonAsync("/api/purchasing/orders"); // host 2 now holds the tenant's modules in its cache
        var (hostAdminOnOne, _) = await ProxiedHosts.LoginAsync(hosts.One, "", "admin", BizSuiteFactory.HostAdminPassword);
        var professional = (await hostAdminOnOne.GetJsonAsync("/api/saas/editions")).EnumerateArray().Single(e => e.Str("name") == "Professional");
        var modules = professional.GetProperty("modules").EnumerateArray().Select(m => m.GetString()!).ToList();
        object Edit(IEnumerable<string> m) => new
        {
            modules = m, maxUsers = professional.GetProperty("maxUsers").GetInt32(),
            maxStorageMb = professional.GetProperty("maxStorageMb").GetInt32(), monthlyPrice = professional.GetProperty("monthlyPrice").GetDecimal(),
        };

        try
        {
            await hostAdminOnOne.PutJsonAsync("/api/saas/editions/Professional", Edit(modules.Where(m => m != "Purchasing")));
            var elapsed = await UntilAsync(adminOnTwo, "/api/purchasing/orders", HttpStatusCode.Forbidden);
            output.WriteLine($"Edition edited on host process 1, its module locked on host process 2 after {elapsed.TotalMilliseconds:F0} ms");
            elapsed.ShouldBeLessThan(Propagation);
            (await adminOnTwo.GetJsonAsync("/api/purchasing/orders", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Saas:ModuleNotInEdition");
        }
        finally
        {
            await hostAdminOnOne.PutJsonAsync("/api/saas/editions/Professional", Edit(modules)); // the other tests' tenants are on it too
        }
        await UntilAsync(adminOnTwo, "/api/purchasing/orders", HttpStatusCode.OK);
        (await hostAdminOnOne.PutJsonAsync("/api/saas/editions/Professional", Edit(["Crm", "Accounting"]), HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateObject().Single().Name.ShouldStartWith("modules");
        await hostAdminOnOne.PutJsonAsync("/api/saas/editions/Nope", Edit(modules), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refresh_token_issued_by_host_1_refreshes_on_host_2_and_its_access_token_works_on_host_1()
    {
        var tenant = await hosts.Setup.CreateTenantAsync();
        var (_, refreshToken) = await ProxiedHosts.LoginAsync(hosts.One, tenant, "admin", "Admin123!");

        var rotated = await ProxiedHosts.Client(hosts.Two, tenant).PostJsonAsync("/api/account/refresh", new { refreshToken });
        rotated.Str("refreshToken").ShouldNotBe(refreshToken);
        var onOne = ProxiedHosts.Client(hosts.One, tenant);
        onOne.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rotated.Str("accessToken"));
        (await onOne.GetJsonAsync("/api/account/me")).Str("userName").ShouldBe("admin");
        // The replaced token is a replay on either host.
        (await ProxiedHosts.Client(hosts.One, tenant).PostJsonAsync("/api/account/refresh", new { refreshToken }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe("Identity:InvalidRefreshToken");
    }

    [Fact]
    public async Task An_api_keys_first_use_in_the_hour_is_logged_once_whichever_hosts_serve_it()
    {
        var tenant = await hosts.Setup.CreateTenantAsync();
        var (admin, _) = await ProxiedHosts.LoginAsync(hosts.One, tenant, "admin", "Admin123!");
        var key = (await admin.PostJsonAsync("/api/identity/api-keys", new { name = "ERP", permissions = new[] { "Crm.Customers" } }, HttpStatusCode.Created)).Str("key");
        foreach (var address in new[] { hosts.One, hosts.Two, hosts.Two, hosts.One })
        {
            var system = ProxiedHosts.Client(address);
            system.DefaultRequestHeaders.Add("X-Api-Key", key);
            (await system.GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await admin.GetJsonAsync("/api/identity/security-log?kind=ApiKeyUsed")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Jobs_enqueued_on_both_hosts_run_exactly_once_each()
    {
        var tenant = await hosts.Setup.CreateTenantAsync();
        var correlation = Guid.NewGuid().ToString("N");
        const int perHost = 15;
        var clients = new[] { (await ProxiedHosts.LoginAsync(hosts.One, tenant, "admin", "Admin123!")).Client,
            (await ProxiedHosts.LoginAsync(hosts.Two, tenant, "admin", "Admin123!")).Client };
        await Task.WhenAll(clients.Select(async (client, host) =>
        {
            for (var i = 0; i < perHost; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plugins/probe/notes")
                {
                    Content = JsonContent.Create(new { text = $"both hosts {host}.{i}", enqueueJob = true }),
                };
                request.Headers.Add("X-Correlation-Id", correlation);
                await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
            }
        }));

        var waited = Stopwatch.StartNew();
        while (await hosts.Setup.ScalarAsync("SELECT COUNT(*) FROM kernel_background_jobs WHERE CorrelationId = @c AND Status = 2", ("@c", correlation)) < 2 * perHost)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the two hosts' workers never finished the jobs");
            await Task.Delay(100);
        }
        output.WriteLine($"{2 * perHost} jobs enqueued on both hosts ran within {waited.Elapsed.TotalMilliseconds:F0} ms");
        (await hosts.Setup.ScalarAsync(
            "SELECT COUNT(*) FROM probe_job_runs r JOIN probe_notes n ON n.Id = r.NoteId WHERE n.Text LIKE 'both hosts %'")).ShouldBe(2 * perHost);
        (await hosts.Setup.ScalarAsync(
            "SELECT COUNT(*) FROM (SELECT NoteId FROM probe_job_runs GROUP BY NoteId HAVING COUNT(*) > 1) d")).ShouldBe(0);
        (await hosts.Setup.ScalarAsync("SELECT MAX(TryCount) FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation))).ShouldBe(1);
    }

    [Fact]
    public async Task Through_the_proxy_a_tab_on_a_websocket_without_negotiation_hears_a_notification_raised_on_host_1()
    {
        var tenant = await hosts.Setup.CreateTenantAsync();
        var (admin, _) = await ProxiedHosts.LoginAsync(hosts.One, tenant, "admin", "Admin123!");
        var li = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "li", email = "li@example.cn", name = "李雷", password = "Passw0rd!", isActive = true, roleNames = Array.Empty<string>() },
            HttpStatusCode.Created);
        var (liThroughProxy, _) = await ProxiedHosts.LoginAsync(hosts.Proxy, tenant, "li", "Passw0rd!");
        var received = new TaskCompletionSource<(JsonElement Notification, long At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        // As the browser connects: WebSockets only, no negotiate request, so no sticky session is needed.
        await using var tab = new HubConnectionBuilder()
            .WithUrl(new Uri(hosts.Proxy, "/hubs/user"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult(liThroughProxy.DefaultRequestHeaders.Authorization?.Parameter);
            })
            .Build();
        tab.On<JsonElement>("notification", n => received.TrySetResult((n, Stopwatch.GetTimestamp())));
        await tab.StartAsync();

        await admin.PostJsonAsync("/api/oa/tasks", new { title = "准备入职资料", assigneeUserId = li.Str("id") }, HttpStatusCode.Created);
        var committed = Stopwatch.GetTimestamp();

        var (notification, at) = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        output.WriteLine($"Notification committed on host process 1, heard through the proxy after {Math.Max(0, Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds):F0} ms");
        (notification.Str("kind"), notification.Str("title")).ShouldBe(("TaskAssigned", "准备入职资料"));
    }

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
