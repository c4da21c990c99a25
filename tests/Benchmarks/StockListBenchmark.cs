using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// Latency of the stock overview (GET /api/inventory/stock) and the movement ledger (GET /api/inventory/movements) with the queries the
/// Angular pages send, in a tenant whose ledger holds a large number of movements (default 1,000,000), bulk-loaded with multi-row INSERTs
/// as the application would have written them: version-7 ids in time order over three years, 500 tracked products in 5 warehouses,
/// receipts, deliveries, adjustments and stocktake differences, and the balances the ledger ends with (with their movement counts).
/// </summary>
internal sealed class StockListBenchmark(BenchHost host, Options options)
{
    private const int Products = 500, Warehouses = 5;

    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, $"stk{Guid.NewGuid():N}"[..10]);
        await (await hostAdmin.PutAsJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition = "Standard" })).ReadJsonAsync();
        var warehouses = new Guid[Warehouses];
        for (var w = 0; w < Warehouses; w++)
            warehouses[w] = Guid.Parse((await admin.PostJsonAsync("/api/inventory/warehouses", new { code = $"WH-{w + 1:D2}", name = $"仓库{w + 1}", isDefault = w == 0 })).Str("id"));
        var products = Enumerable.Range(0, Products).Select(_ => Guid.CreateVersion7()).ToArray();

        Console.WriteLine($"\nStock lists: loading {options.Movements:N0} movements of {Products} products in {Warehouses} warehouses into one tenant… (load {ProcureBenchmark.Load()})");
        var clock = Stopwatch.StartNew();
        await LoadAsync(tenantId, products, warehouses);
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:0} s");

        var (product, warehouse) = (products[Products / 2], warehouses[1]);
        await InvoiceListBenchmark.MeasureAsync(admin, "GET /api/inventory/stock", [
            ("first page", "/api/inventory/stock?skip=0&take=20"),
            ("warehouseId=", $"/api/inventory/stock?warehouseId={warehouse}&skip=0&take=20"),
            ("belowReorderPoint=true", "/api/inventory/stock?belowReorderPoint=true&skip=0&take=20"),
        ], options);
        await InvoiceListBenchmark.MeasureAsync(admin, "GET /api/inventory/movements", [
            ("first page", "/api/inventory/movements?skip=0&take=20"),
            ("productId= & warehouseId= (stock page link)", $"/api/inventory/movements?productId={product}&warehouseId={warehouse}&skip=0&take=20"),
            ("warehouseId=", $"/api/inventory/movements?warehouseId={warehouse}&skip=0&take=20"),
            ("kind=Delivery", "/api/inventory/movements?kind=Delivery&skip=0&take=20"),
        ], options);
        Console.WriteLine($"  (load {ProcureBenchmark.Load()})");
    }

    private async Task LoadAsync(Guid tenantId, Guid[] products, Guid[] warehouses)
    {
        var t = tenantId.ToString();
        await using (var setup = await host.OpenAsync())
        {
            var items = new StringBuilder("INSERT INTO inventory_stock_items (Id, TenantId, ProductId, Sku, Name, Unit, IsTracked, ReorderPoint, Version, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy) VALUES ");
            items.AppendJoin(",", products.Select((p, i) => $"('{Guid.CreateVersion7()}','{t}','{p}','SKU-{i:D4}','商品{i:D4}','件',1,{(i % 10 == 0 ? 5000 : 0)},0,UTC_TIMESTAMP(6),NULL,NULL,NULL)"));
            await BulkLoad.ExecAsync(setup, items.ToString());
        }
        var count = options.Movements;
        var start = DateTime.UtcNow.AddDays(-3 * 365);
        var step = (DateTime.UtcNow - start) / Math.Max(1, count);
        await BulkLoad.InChunksAsync(host, count, (first, end) =>
        {
            var sql = new StringBuilder("INSERT INTO inventory_movements (Id, TenantId, DocumentId, ProductId, WarehouseId, Kind, OccurredOn, Quantity, UnitCost, Value, OnHandAfter, AverageCostAfter, SourceType, SourceId, SourceNumber, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy) VALUES ");
            for (var i = first; i < end; i++)
            {
                var at = start + step * i;
                var (kind, source, quantity) = (i % 50) switch
                {
                    < 20 => ("Receipt", "goods-receipt", 30 + i % 7),
                    < 45 => ("Delivery", "sales-delivery", -(20 + i % 5)),
                    < 49 => ("Adjustment", "adjustment", i % 2 == 0 ? 3 : -2),
                    _ => ("Stocktake", "stocktake", -1),
                };
                var cell = i % (products.Length * warehouses.Length);
                var onHand = 1000 + i / (products.Length * warehouses.Length) % 500;
                var cost = 100m + cell % 37;
                var document = Guid.CreateVersion7(at);
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(i == first ? "" : ",")}('{Guid.CreateVersion7(at)}','{t}','{document}','{products[cell % products.Length]}','{warehouses[cell / products.Length]}','{kind}','{at:yyyy-MM-dd}',{quantity},{cost},{quantity * cost},{onHand},{cost},'{source}','{document}','{kind[..2].ToUpperInvariant()}{i + 1:D7}','{at:yyyy-MM-dd HH:mm:ss.ffffff}',NULL,NULL,NULL)");
            }
            return [sql.ToString()];
        });
        // The balances the ledger ends with: one per product and warehouse.
        await using var balances = await host.OpenAsync();
        await BulkLoad.ExecAsync(balances,
            $"INSERT INTO inventory_stock_balances (Id, TenantId, ProductId, WarehouseId, OnHand, Value, AverageCost, ReceiptCount, DeliveryCount, AdjustmentCount, StocktakeCount, Version, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy) " +
            $"SELECT UUID(), '{t}', ProductId, WarehouseId, SUBSTRING_INDEX(GROUP_CONCAT(OnHandAfter ORDER BY Id DESC), ',', 1), " +
            $"SUBSTRING_INDEX(GROUP_CONCAT(OnHandAfter ORDER BY Id DESC), ',', 1) * MAX(AverageCostAfter), MAX(AverageCostAfter), " +
            $"SUM(Kind = 'Receipt'), SUM(Kind = 'Delivery'), SUM(Kind = 'Adjustment'), SUM(Kind = 'Stocktake'), 0, UTC_TIMESTAMP(6), NULL, NULL, NULL " +
            $"FROM inventory_movements WHERE TenantId = '{t}' GROUP BY ProductId, WarehouseId");
        await BulkLoad.ExecAsync(balances, "ANALYZE TABLE inventory_movements, inventory_stock_balances, inventory_stock_items");
    }
}
