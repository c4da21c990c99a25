using System.Diagnostics;
using System.Security.Claims;
using BizSuite.Crm.Contracts;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Benchmarks;

/// <summary>
/// Contracts signed per second through the application service (ContractAppService.SignAsync in a unit of
/// work, as the sign endpoint runs it) against a hand-written MySqlConnector transaction writing the same
/// rows (the limit), at 1 and N workers, in one tenant (every signing takes the same counter rows) and spread
/// over several tenants. The HTTP endpoint (POST /api/crm/contracts/{id}/sign: authentication, permission,
/// JSON on top) is measured beside them.
/// </summary>
internal sealed class SigningBenchmark(BenchHost host, Options options)
{
    internal sealed record Tenant(string Name, Guid Id, Guid AdminId, HttpClient Admin, string[] Customers);

    private sealed record Item(Tenant Tenant, Guid ContractId);

    private sealed record Row(string Setup, int Workers, double App, double Raw, double Http, string AppTrips, string RawTrips);

    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var tenants = new List<Tenant>();
        for (var t = 0; t < Math.Max(1, options.Tenants); t++)
        {
            var name = $"s{t:D2}{Guid.NewGuid():N}"[..10];
            var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, name);
            var adminId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("id"));
            var customers = new string[8];
            for (var c = 0; c < customers.Length; c++)
                customers[c] = (await admin.PostJsonAsync("/api/crm/customers", new { name = $"杭州客户{c:D2}科技有限公司" })).Str("id");
            tenants.Add(new Tenant(name, tenantId, adminId, admin, customers));
        }
        var raw = new RawSigning(host.ConnectionString);

        Console.WriteLine($"\nSigning: {options.Contracts} contracts per path and setup in {options.Rounds} rounds, each 2 lines and a 30 % on-signing / 70 % on-delivery plan");
        // Warm-up of every path, not measured: EF model and query caches, connection pools, and enough calls for the
        // JIT's tiering to replace first-call code by optimized code (a served host runs that way after its first minute).
        const int warmUp = 200;
        await MeasureAsync(await PrepareAsync([tenants[0]], warmUp), 4, ServiceSignAsync);
        await MeasureAsync(await PrepareAsync([tenants[0]], warmUp), 4, HttpSignAsync);
        await MeasureAsync(await PrepareAsync([tenants[0]], warmUp), 4, item => raw.SignAsync(item.Tenant, item.ContractId));

        var rows = new List<Row>();
        foreach (var workers in new[] { 1, options.Workers }.Distinct())
            rows.Add(await CompareAsync("1 tenant", [tenants[0]], workers, raw));
        if (tenants.Count > 1) rows.Add(await CompareAsync($"{tenants.Count} tenants", tenants, options.Workers, raw));

        Console.WriteLine();
        Console.WriteLine("| setup | workers | app service contracts/s | raw contracts/s | ratio app/raw | HTTP endpoint contracts/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows) Console.WriteLine($"| {r.Setup} | {r.Workers} | {r.App:0.0} | {r.Raw:0.0} | {r.App / r.Raw:0.00} | {r.Http:0.0} |");
        foreach (var r in rows.Where(r => r.Workers == 1))
            Console.WriteLine($"Round trips per signing ({r.Setup}, 1 worker): app {r.AppTrips}; raw {r.RawTrips}");
    }

    /// <summary>
    /// The three paths take turns in <see cref="Options.Rounds"/> short rounds (the first path moving each round), and
    /// each rate is all it signed over all its time: background load drifts within minutes on a shared machine, and
    /// one long run per path would lay that drift between them.
    /// </summary>
    private async Task<Row> CompareAsync(string setup, IReadOnlyList<Tenant> tenants, int workers, RawSigning raw)
    {
        var paths = new Func<Item, Task>[] { ServiceSignAsync, item => raw.SignAsync(item.Tenant, item.ContractId), HttpSignAsync };
        var signed = new int[paths.Length];
        var seconds = new double[paths.Length];
        var trips = new string[paths.Length];
        var ratios = new List<double>();
        var perRound = Math.Max(1, options.Contracts / options.Rounds);
        for (var round = 0; round < options.Rounds; round++)
        {
            var rates = new double[paths.Length];
            foreach (var p in Enumerable.Range(0, paths.Length).Select(i => (i + round) % paths.Length))
            {
                var items = await PrepareAsync(tenants, perRound);
                var before = SqlCommandCounter.Snapshot();
                var elapsed = await MeasureAsync(items, workers, paths[p]);
                trips[p] ??= SqlCommandCounter.PerItem(before, items.Count);
                signed[p] += items.Count;
                seconds[p] += elapsed;
                rates[p] = items.Count / elapsed;
            }
            ratios.Add(rates[0] / rates[1]);
        }
        var (app, rawRate, http) = (signed[0] / seconds[0], signed[1] / seconds[1], signed[2] / seconds[2]);
        Console.WriteLine($"  {setup}, {workers} workers: app service {app:0.0}/s, raw {rawRate:0.0}/s, HTTP endpoint {http:0.0}/s; " +
                          $"ratio per round {string.Join(" ", ratios.Select(r => r.ToString("0.00")))}");
        return new Row(setup, workers, app, rawRate, http, trips[0], trips[1]);
    }

    /// <summary>What the sign endpoint runs once the request is authenticated and authorized: the service in a unit of work, as the admin, in the tenant.</summary>
    private async Task ServiceSignAsync(Item item)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, item.Tenant.AdminId.ToString())], "Bearer"));
        host.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        using var tenant = host.Services.GetRequiredService<ICurrentTenant>().Change(item.Tenant.Id, item.Tenant.Name);
        await host.Services.GetRequiredService<UnitOfWorkRunner>().RunAsync((services, ct) =>
            services.GetRequiredService<ContractAppService>().SignAsync(item.ContractId, ct));
    }

    private static async Task HttpSignAsync(Item item) =>
        await item.Tenant.Admin.PostJsonAsync($"/api/crm/contracts/{item.ContractId}/sign", new { });

    /// <summary>Runs the items on <paramref name="workers"/> concurrent workers; returns the seconds it took.</summary>
    private static async Task<double> MeasureAsync(IReadOnlyList<Item> items, int workers, Func<Item, Task> sign)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next)) await sign(items[i]);
        })));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Approved contracts through the API (create, submit, approve), interleaved over the tenants.</summary>
    private static async Task<IReadOnlyList<Item>> PrepareAsync(IReadOnlyList<Tenant> tenants, int count)
    {
        var items = new Item[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var tenant = tenants[i % tenants.Count];
                var contract = await tenant.Admin.PostJsonAsync("/api/crm/contracts", new
                {
                    title = $"服务器与安装 {i}",
                    customerId = tenant.Customers[i % tenant.Customers.Length],
                    lines = new[]
                    {
                        new { description = "服务器", quantity = 4m, unitPrice = 25000m + i % 100, discountRate = 0m, vatRate = 0.13m },
                        new { description = "安装调试", quantity = 1m, unitPrice = 8000m, discountRate = 0.05m, vatRate = 0.06m },
                    },
                    installments = new[] { new { trigger = "OnSigning", percentage = 30m }, new { trigger = "OnDelivery", percentage = 70m } },
                });
                var id = contract.Str("id");
                var approvalId = (await tenant.Admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { })).Str("approvalId");
                await tenant.Admin.PostJsonAsync($"/api/oa/approvals/{approvalId}/approve", new { });
                items[i] = new Item(tenant, Guid.Parse(id));
            }
        })));
        return items;
    }
}
