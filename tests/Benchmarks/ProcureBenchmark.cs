using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Claims;
using BizSuite.Crm.Contracts;
using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Orders.SalesOrders;
using BizSuite.Purchasing;
using BizSuite.Purchasing.Bills;
using BizSuite.Purchasing.Receipts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// The stock-moving processes of issue 12 against hand-written MySqlConnector transactions writing the same rows (the limit), at 1 and
/// N workers in one tenant and spread over several, like <see cref="SigningBenchmark"/>:
/// <list type="bullet">
/// <item>receipt and bill: a confirmed purchase order (a stock-tracked product and a service line) is received in full (goods receipt,
/// stock in at the order price, accrual voucher), then its supplier bill is posted (three-way match, payable, voucher): two transactions;</item>
/// <item>sign and deliver: an approved contract selling a stock-tracked product is signed (sales order, receivable, invoice, voucher),
/// then the product is delivered from the default warehouse (stock out at average cost, cost-of-sales voucher): two transactions.</item>
/// </list>
/// The application paths call the application services in a unit of work, as their endpoints do once the request is authorized; the
/// HTTP endpoints are measured beside them. Each path's rows are counted per table, so a limit that writes less shows.
/// </summary>
internal sealed class ProcureBenchmark(BenchHost host, Options options)
{
    internal sealed record Shop(string Name, Guid Id, Guid AdminId, HttpClient Admin, Guid WarehouseId, Guid ProductId, Guid SupplierId, string[] Customers)
    {
        public SigningBenchmark.Tenant AsSigningTenant() => new(Name, Id, AdminId, Admin, Customers);
    }

    /// <summary>A confirmed purchase order: 10 of the tracked product at 130.00 (13 %) and 5 hours of installation at 40.00 (6 %).</summary>
    internal sealed record PurchaseItem(Shop Shop, Guid OrderId, Guid ProductLineId, Guid ServiceLineId);

    /// <summary>An approved contract: 2 of the tracked product at 25,000.00 and installation, 100 % invoiced on signing.</summary>
    internal sealed record SaleItem(Shop Shop, Guid ContractId);

    private sealed record Path<T>(string Name, Func<T, Task> Run);

    private sealed record Row(string Process, string Setup, int Workers, double[] Rates);

    internal const decimal ReceivedProduct = 10m, ReceivedService = 5m, ProductPrice = 130m, ServicePrice = 40m, SoldQuantity = 2m;

    private readonly RawProcurement _raw = new(host.ConnectionString);

    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var shops = new List<Shop>();
        for (var t = 0; t < Math.Max(1, options.Tenants); t++) shops.Add(await ShopAsync(hostAdmin, $"p{t:D2}{Guid.NewGuid():N}"[..10]));
        var rows = new List<Row>();

        Path<PurchaseItem>[] purchase =
        [
            new("app service", ServiceReceiveAndBillAsync),
            new("raw", item => _raw.ReceiveAndBillAsync(item)),
            new("HTTP endpoint", HttpReceiveAndBillAsync),
        ];
        Console.WriteLine($"\nReceipt and bill: {options.Contracts} purchase orders per path and setup in {options.Rounds} rounds " +
                          "(receipt of a tracked product and a service line, then the matching supplier bill)");
        rows.AddRange(await RunProcessAsync("receipt + bill", shops, purchase, PreparePurchasesAsync));

        Path<SaleItem>[] sale =
        [
            new("app service", ServiceSignAndDeliverAsync),
            new("raw", item => _raw.SignAndDeliverAsync(item)),
            new("HTTP endpoint", HttpSignAndDeliverAsync),
        ];
        Console.WriteLine($"\nSign and deliver: {options.Contracts} contracts per path and setup in {options.Rounds} rounds " +
                          "(signing, then the delivery of the tracked product from the default warehouse)");
        rows.AddRange(await RunProcessAsync("sign + deliver", shops, sale, PrepareSalesAsync));

        Console.WriteLine();
        Console.WriteLine("| process | setup | workers | app service /s | raw /s | ratio app/raw | HTTP endpoint /s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Process} | {r.Setup} | {r.Workers} | {r.Rates[0]:0.0} | {r.Rates[1]:0.0} | {r.Rates[0] / r.Rates[1]:0.00} | {r.Rates[2]:0.0} |");
    }

    private async Task<List<Row>> RunProcessAsync<T>(string process, List<Shop> shops, Path<T>[] paths,
        Func<IReadOnlyList<Shop>, int, Task<IReadOnlyList<T>>> prepare)
    {
        // What each path writes per item (a limit that wrote less would show here), then a warm-up, not measured (EF caches, pools, the JIT's tiering).
        var failed = false;
        foreach (var path in paths)
        {
            var items = await prepare([shops[0]], 20);
            var before = await CountRowsAsync();
            var trips = SqlCommandCounter.Snapshot();
            try { await MeasureAsync(items, 1, path.Run); }
            catch (Exception e) { Console.WriteLine($"  {path.Name} failed: {e}"); failed = true; continue; }
            Console.WriteLine($"  {path.Name}: round trips per item {SqlCommandCounter.PerItem(trips, items.Count)}");
            Console.WriteLine($"    rows per item: {RowsPerItem(before, await CountRowsAsync(), items.Count)}");
        }
        if (failed) return [];
        foreach (var path in paths) await MeasureAsync(await prepare([shops[0]], 100), 4, path.Run);
        var rows = new List<Row>();
        foreach (var workers in new[] { 1, options.Workers }.Distinct())
            rows.Add(await CompareAsync(process, "1 tenant", [shops[0]], workers, paths, prepare));
        if (shops.Count > 1) rows.Add(await CompareAsync(process, $"{shops.Count} tenants", shops, options.Workers, paths, prepare));
        return rows;
    }

    /// <summary>The paths take turns in rounds (the first moving each round); a rate is all a path did over all its time.</summary>
    private async Task<Row> CompareAsync<T>(string process, string setup, IReadOnlyList<Shop> shops, int workers, Path<T>[] paths,
        Func<IReadOnlyList<Shop>, int, Task<IReadOnlyList<T>>> prepare)
    {
        var done = new int[paths.Length];
        var seconds = new double[paths.Length];
        var ratios = new List<double>();
        var perRound = Math.Max(1, options.Contracts / options.Rounds);
        for (var round = 0; round < options.Rounds; round++)
        {
            var rates = new double[paths.Length];
            foreach (var p in Enumerable.Range(0, paths.Length).Select(i => (i + round) % paths.Length))
            {
                var items = await prepare(shops, perRound);
                var elapsed = await MeasureAsync(items, workers, paths[p].Run);
                done[p] += items.Count;
                seconds[p] += elapsed;
                rates[p] = items.Count / elapsed;
            }
            ratios.Add(rates[0] / rates[1]);
        }
        var all = done.Select((n, i) => n / seconds[i]).ToArray();
        Console.WriteLine($"  {setup}, {workers} workers: {string.Join(", ", paths.Select((p, i) => $"{p.Name} {all[i]:0.0}/s"))}; " +
                          $"ratio per round {string.Join(" ", ratios.Select(r => r.ToString("0.00")))} (load {Load()})");
        return new Row(process, setup, workers, all);
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<double> MeasureAsync<T>(IReadOnlyList<T> items, int workers, Func<T, Task> run)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next)) await run(items[i]);
        })));
        return clock.Elapsed.TotalSeconds;
    }

    // ---- the application paths -------------------------------------------------------------------------------------------------------

    /// <summary>What an endpoint runs once the request is authenticated and authorized: the service in a unit of work, as the admin, in the tenant.</summary>
    private async Task AsAdminAsync(Shop shop, Func<IServiceProvider, CancellationToken, Task> work)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, shop.AdminId.ToString())], "Bearer"));
        host.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        using var tenant = host.Services.GetRequiredService<ICurrentTenant>().Change(shop.Id, shop.Name);
        await host.Services.GetRequiredService<UnitOfWorkRunner>().RunAsync(work);
    }

    private static ReceiveGoodsRequest Receipt(PurchaseItem item) => new(item.Shop.WarehouseId, null, null,
        [new ReceiveLine(item.ProductLineId, ReceivedProduct), new ReceiveLine(item.ServiceLineId, ReceivedService)]);

    private static EnterBillRequest Bill(PurchaseItem item) => new(item.OrderId, $"FP-{item.OrderId:N}"[..24], DateOnly.FromDateTime(DateTime.UtcNow),
        [new BillLineRequest(item.ProductLineId, ReceivedProduct, ProductPrice), new BillLineRequest(item.ServiceLineId, ReceivedService, ServicePrice)]);

    private async Task ServiceReceiveAndBillAsync(PurchaseItem item)
    {
        await AsAdminAsync(item.Shop, (s, ct) => s.GetRequiredService<GoodsReceiptAppService>().ReceiveAsync(item.OrderId, Receipt(item), ct));
        await AsAdminAsync(item.Shop, (s, ct) => s.GetRequiredService<SupplierBillAppService>().EnterAsync(Bill(item), ct));
    }

    private static async Task HttpReceiveAndBillAsync(PurchaseItem item)
    {
        await item.Shop.Admin.PostJsonAsync($"/api/purchasing/orders/{item.OrderId}/receipts", Receipt(item));
        await item.Shop.Admin.PostJsonAsync("/api/purchasing/bills", Bill(item));
    }

    private static DeliverRequest Delivery(Guid lineId) => new(null, null, [new DeliveryLineDto(lineId, SoldQuantity)]);

    private async Task ServiceSignAndDeliverAsync(SaleItem item)
    {
        await AsAdminAsync(item.Shop, (s, ct) => s.GetRequiredService<ContractAppService>().SignAsync(item.ContractId, ct));
        var (orderId, lineId) = await OrderLineAsync(item);
        await AsAdminAsync(item.Shop, (s, ct) => s.GetRequiredService<SalesOrderAppService>().DeliverAsync(orderId, Delivery(lineId), ct));
    }

    private async Task HttpSignAndDeliverAsync(SaleItem item)
    {
        await item.Shop.Admin.PostJsonAsync($"/api/crm/contracts/{item.ContractId}/sign", new { });
        var (orderId, lineId) = await OrderLineAsync(item);
        await item.Shop.Admin.PostJsonAsync($"/api/orders/sales-orders/{orderId}/deliver", Delivery(lineId));
    }

    /// <summary>The new sales order's product line (the raw path knows it from its own signing; a user reads it off the order page).</summary>
    private async Task<(Guid OrderId, Guid LineId)> OrderLineAsync(SaleItem item)
    {
        await using var connection = await host.OpenAsync();
        await using var command = new MySqlCommand("SELECT o.Id, l.Id FROM orders_sales_orders o JOIN orders_sales_order_lines l ON l.SalesOrderId = o.Id " +
                                                   "WHERE o.TenantId = @t AND o.ContractId = @c AND l.ProductId = @p", connection);
        command.Parameters.AddWithValue("@t", item.Shop.Id.ToString());
        command.Parameters.AddWithValue("@c", item.ContractId.ToString());
        command.Parameters.AddWithValue("@p", item.Shop.ProductId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"No sales order of contract {item.ContractId}.");
        return (reader.GetGuid(0), reader.GetGuid(1));
    }

    // ---- setup, through the API ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// A Standard tenant with a default warehouse, a stock-tracked product holding plenty (every delivery finds stock), a supplier and customers.
    /// </summary>
    private async Task<Shop> ShopAsync(HttpClient hostAdmin, string name)
    {
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, name);
        await (await hostAdmin.PutAsJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition = "Standard" })).ReadJsonAsync();
        var adminId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("id"));
        var warehouse = Guid.Parse((await admin.PostJsonAsync("/api/inventory/warehouses", new { code = "WH-MAIN", name = "主仓库", isDefault = true })).Str("id"));
        var product = (await admin.PostJsonAsync("/api/orders/products", new
        {
            sku = "SRV-R750", name = "机架式服务器", kind = "Product", unit = "台", unitPrice = 25000m, defaultVatRate = 0.13m,
        })).Str("id");
        await (await admin.PutAsJsonAsync($"/api/inventory/products/{product}", new { isTracked = true, reorderPoint = 0m })).ReadJsonAsync();
        await admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = warehouse, reason = "期初库存", lines = new[] { new { productId = product, quantity = 1_000_000m, unitCost = (decimal?)100m } },
        });
        var supplier = (await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "杭州精工五金有限公司", paymentTermDays = 30 })).Str("id");
        var customers = new string[8];
        for (var c = 0; c < customers.Length; c++)
            customers[c] = (await admin.PostJsonAsync("/api/crm/customers", new { name = $"杭州客户{c:D2}科技有限公司" })).Str("id");
        return new Shop(name, tenantId, adminId, admin, warehouse, Guid.Parse(product), Guid.Parse(supplier), customers);
    }

    /// <summary>Confirmed purchase orders through the API (create, confirm), interleaved over the tenants.</summary>
    private static Task<IReadOnlyList<PurchaseItem>> PreparePurchasesAsync(IReadOnlyList<Shop> shops, int count) => PrepareAsync(count, async i =>
    {
        var shop = shops[i % shops.Count];
        var order = await shop.Admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId = shop.SupplierId,
            lines = new object[]
            {
                new { productId = (Guid?)shop.ProductId, description = "机架式服务器", quantity = ReceivedProduct, unitPrice = ProductPrice, vatRate = 0.13m },
                new { productId = (Guid?)null, description = "安装服务", quantity = ReceivedService, unitPrice = ServicePrice, vatRate = 0.06m },
            },
        });
        var id = order.Str("id");
        await shop.Admin.PostJsonAsync($"/api/purchasing/orders/{id}/confirm", new { });
        var lines = order.GetProperty("lines").EnumerateArray().OrderBy(l => l.GetProperty("lineNumber").GetInt32()).Select(l => Guid.Parse(l.Str("id"))).ToArray();
        return new PurchaseItem(shop, Guid.Parse(id), lines[0], lines[1]);
    });

    /// <summary>Approved contracts through the API (create, submit, approve), interleaved over the tenants.</summary>
    private static Task<IReadOnlyList<SaleItem>> PrepareSalesAsync(IReadOnlyList<Shop> shops, int count) => PrepareAsync(count, async i =>
    {
        var shop = shops[i % shops.Count];
        var contract = await shop.Admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = $"服务器销售 {i}",
            customerId = shop.Customers[i % shop.Customers.Length],
            lines = new object[]
            {
                new { productId = (Guid?)shop.ProductId, description = "机架式服务器", quantity = SoldQuantity, unitPrice = 25000m + i % 100, discountRate = 0m, vatRate = 0.13m },
                new { productId = (Guid?)null, description = "安装调试", quantity = 1m, unitPrice = 8000m, discountRate = 0.05m, vatRate = 0.06m },
            },
            installments = new[] { new { trigger = "OnSigning", percentage = 100m } },
        });
        var id = contract.Str("id");
        var approvalId = (await shop.Admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { })).Str("approvalId");
        await shop.Admin.PostJsonAsync($"/api/oa/approvals/{approvalId}/approve", new { });
        return new SaleItem(shop, Guid.Parse(id));
    });

    private static async Task<IReadOnlyList<T>> PrepareAsync<T>(int count, Func<int, Task<T>> make)
    {
        var items = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next)) items[i] = await make(i);
        })));
        return items;
    }

    // ---- rows written ----------------------------------------------------------------------------------------------------------------

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = await host.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'QRTZ%' AND TABLE_NAME NOT LIKE '\\_\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM `{t}`"));
        var counts = new Dictionary<string, long>();
        await using var command = new MySqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync()) counts[rows.GetString(0)] = rows.GetInt64(1);
        return counts;
    }

    private static string RowsPerItem(Dictionary<string, long> before, Dictionary<string, long> after, int items) => string.Join(", ",
        after.Select(kv => (kv.Key, Rows: kv.Value - before.GetValueOrDefault(kv.Key))).Where(x => x.Rows != 0).OrderBy(x => x.Key)
            .Select(x => $"{x.Key} {x.Rows / (double)items:0.##}"));
}
