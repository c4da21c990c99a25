using System.Diagnostics;
using System.Globalization;
using System.Text;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// Latency of GET /api/crm/customers filtered by a custom select field (客户等级 = A) in a tenant holding a large number of customers
/// (default 1,000,000), bulk-loaded as the application writes them: the values as JSON on the customer, and one row per select value
/// in crm_customer_field_values, the index the filter reads. For comparison it times the same filter straight on the JSON column
/// (JSON_VALUE), the design without the index table, through SQL on the same data.
/// </summary>
internal sealed class CustomFieldListBenchmark(BenchHost host, Options options)
{
    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, $"cf{Guid.NewGuid():N}"[..10]);
        await admin.PostJsonAsync("/api/custom-fields/crm.customer", new
        {
            key = "level", type = "SingleSelect", labelZh = "客户等级", labelEn = "Customer level", required = true, showInList = true,
            options = new[] { new { value = "A", labelZh = "A 级", labelEn = "A" }, new { value = "B", labelZh = "B 级", labelEn = "B" }, new { value = "C", labelZh = "C 级", labelEn = "C" } },
        });

        Console.WriteLine($"\nCustom fields: loading {options.Customers:N0} customers (客户等级 A 10 %, B 30 %, C 60 %) into one tenant… (load {ProcureBenchmark.Load()})");
        var clock = Stopwatch.StartNew();
        await LoadAsync(tenantId);
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:0} s");

        await InvoiceListBenchmark.MeasureAsync(admin, "GET /api/crm/customers", [
            ("first page, no filter", "/api/crm/customers?skip=0&take=20"),
            ("customField=level&customValue=A (10 %)", "/api/crm/customers?customField=level&customValue=A&skip=0&take=20"),
            ("customField=level&customValue=C (60 %)", "/api/crm/customers?customField=level&customValue=C&skip=0&take=20"),
            ("level=A, page 51 (skip=1000)", "/api/crm/customers?customField=level&customValue=A&skip=1000&take=20"),
        ], options);

        var t = tenantId.ToString();
        await MeasureSqlAsync("The same filter without the index table: JSON_VALUE on the JSON column (SQL, page + count)", [
            ("index table, level=A", $"SELECT c.Id FROM crm_customers c WHERE c.TenantId = '{t}' AND EXISTS (SELECT 1 FROM crm_customer_field_values v WHERE v.CustomerId = c.Id AND v.TenantId = c.TenantId AND v.FieldKey = 'level' AND v.Value = 'A') ORDER BY c.Name LIMIT 20",
                $"SELECT COUNT(*) FROM crm_customers c WHERE c.TenantId = '{t}' AND EXISTS (SELECT 1 FROM crm_customer_field_values v WHERE v.CustomerId = c.Id AND v.TenantId = c.TenantId AND v.FieldKey = 'level' AND v.Value = 'A')"),
            ("JSON column, level=A", $"SELECT c.Id FROM crm_customers c WHERE c.TenantId = '{t}' AND JSON_VALUE(c.CustomFields, '$.level') = 'A' ORDER BY c.Name LIMIT 20",
                $"SELECT COUNT(*) FROM crm_customers c WHERE c.TenantId = '{t}' AND JSON_VALUE(c.CustomFields, '$.level') = 'A'"),
        ]);
        Console.WriteLine($"  (load {ProcureBenchmark.Load()})");
    }

    private async Task MeasureSqlAsync(string title, (string Name, string Page, string Count)[] queries)
    {
        Console.WriteLine();
        Console.WriteLine($"| {title} | p50 ms | p99 ms | runs |");
        Console.WriteLine("|---|---:|---:|---:|");
        await using var connection = await host.OpenAsync();
        foreach (var (name, page, count) in queries)
        {
            const int runs = 20;
            var times = new double[runs];
            for (var i = -2; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await Scalar(connection, page);
                await Scalar(connection, count);
                if (i >= 0) times[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            Console.WriteLine($"| {name} | {times[runs / 2]:0.0} | {times[runs - 1]:0.0} | {runs} |");
        }
    }

    private static async Task Scalar(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private async Task LoadAsync(Guid tenantId)
    {
        var count = options.Customers;
        var start = DateTime.UtcNow.AddDays(-3 * 365);
        var step = (DateTime.UtcNow - start) / Math.Max(1, count);
        var t = tenantId.ToString();
        await BulkLoad.InChunksAsync(host, count, (first, end) =>
        {
            var customers = new StringBuilder("INSERT INTO crm_customers (Id, TenantId, Name, CreditCode, TaxId, BillingAddress, BankAccount, CustomFields, Version, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy) VALUES ");
            var values = new StringBuilder("INSERT INTO crm_customer_field_values (Id, TenantId, FieldKey, Value, CustomerId) VALUES ");
            for (var i = first; i < end; i++)
            {
                var created = start + step * i;
                var id = Guid.CreateVersion7(created);
                var level = (i % 10) switch { 0 => "A", < 4 => "B", _ => "C" };
                var sep = i == first ? "" : ",";
                var at = created.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
                customers.Append(CultureInfo.InvariantCulture,
                    $"{sep}('{id}','{t}','客户{i:D7}有限公司',NULL,NULL,'杭州市西湖区文三路{i % 500}号',NULL,'{{\"level\":\"{level}\"}}',1,'{at}',NULL,NULL,NULL)");
                values.Append(CultureInfo.InvariantCulture, $"{sep}('{Guid.CreateVersion7(created)}','{t}','level','{level}','{id}')");
            }
            return [customers.ToString(), values.ToString()];
        });
        await using var analyze = await host.OpenAsync();
        await BulkLoad.ExecAsync(analyze, "ANALYZE TABLE crm_customers, crm_customer_field_values");
    }
}
