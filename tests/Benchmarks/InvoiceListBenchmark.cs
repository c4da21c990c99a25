using System.Diagnostics;
using System.Globalization;
using System.Text;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// Latency of GET /api/finance/invoices pages in a tenant holding a large number of invoices (one line each),
/// bulk-loaded with multi-row INSERTs as the application would have written them (numbers from the
/// tenant's invoice counter, version-7 ids in issue order, a few thousand customers and contracts).
/// </summary>
internal sealed class InvoiceListBenchmark(BenchHost host, Options options)
{
    private const int Customers = 2_000;

    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, $"big{Guid.NewGuid():N}"[..10]);
        var customers = Enumerable.Range(0, Customers).Select(_ => Guid.CreateVersion7()).ToArray();

        Console.WriteLine($"\nInvoice list: loading {options.Invoices:N0} invoices with a line each into one tenant…");
        var clock = Stopwatch.StartNew();
        await LoadAsync(host, options, tenantId, customers);
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:0} s");

        var customer = customers[Customers / 2];
        var queries = new (string Name, string Url)[]
        {
            ("first page", "/api/finance/invoices?skip=0&take=20"),
            ("page 51 (skip=1000)", "/api/finance/invoices?skip=1000&take=20"),
            ("customerId=", $"/api/finance/invoices?customerId={customer}&skip=0&take=20"),
            ("sort=-issuedOn", "/api/finance/invoices?sort=-issuedOn&skip=0&take=20"),
            ("status=Open", "/api/finance/invoices?status=Open&skip=0&take=20"),
            ("filter= (customer name)", "/api/finance/invoices?filter=%E5%AE%A2%E6%88%B71000&skip=0&take=20"),
            ("status=Open&filter= (customer name)", "/api/finance/invoices?status=Open&filter=%E5%AE%A2%E6%88%B71000&skip=0&take=20"),
            ("filter= (invoice number)", "/api/finance/invoices?filter=FP0500000&skip=0&take=20"),
            ("filter= (a word of every invoice: 科技)", "/api/finance/invoices?filter=%E7%A7%91%E6%8A%80&skip=0&take=20"),
            ("status=Credited&filter=科技", "/api/finance/invoices?status=Credited&filter=%E7%A7%91%E6%8A%80&skip=0&take=20"),
        };
        await MeasureAsync(admin, "GET /api/finance/invoices", queries, options);
    }

    /// <summary>
    /// Requests each query <see cref="Options.Requests"/> times after a warm-up, one client, and prints p50/p99/mean and what
    /// <paramref name="size"/> reads from the answer (by default the list's totalCount).
    /// </summary>
    internal static async Task MeasureAsync(HttpClient admin, string title, (string Name, string Url)[] queries, Options options,
        Func<System.Text.Json.JsonElement, long>? size = null, string sizeName = "totalCount")
    {
        size ??= page => page.GetProperty("totalCount").GetInt64();
        Console.WriteLine();
        Console.WriteLine($"| {title} ({options.Requests} requests after {options.Warmup} warm-up, 1 client, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}) | p50 ms | p99 ms | mean ms | {sizeName} |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, url) in queries)
        {
            var total = size(await admin.GetJsonAsync(url));
            // Slow queries (full scans) get fewer requests: the point is their order of magnitude, not a precise p99.
            var first = Stopwatch.StartNew();
            await admin.GetJsonAsync(url);
            var requests = first.ElapsedMilliseconds > 200 ? Math.Min(options.Requests, 20) : options.Requests;
            var warmup = first.ElapsedMilliseconds > 200 ? 2 : options.Warmup;
            for (var i = 0; i < warmup; i++) await admin.GetJsonAsync(url);
            var times = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                var sw = Stopwatch.StartNew();
                await admin.GetJsonAsync(url);
                times[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            var label = requests == options.Requests ? name : $"{name} ({requests} requests)";
            Console.WriteLine($"| {label} | {BulkLoad.Percentile(times, 0.50):0.0} | {BulkLoad.Percentile(times, 0.99):0.0} | {times.Average():0.0} | {total:N0} |");
        }
    }

    /// <summary>Also writes each invoice's search terms, as the application's save does.</summary>
    internal static async Task LoadAsync(BenchHost host, Options options, Guid tenantId, Guid[] customers)
    {
        var count = options.Invoices;
        var start = DateTime.UtcNow.AddDays(-3 * 365);
        var step = (DateTime.UtcNow - start) / Math.Max(1, count);
        var t = tenantId.ToString();
        await BulkLoad.InChunksAsync(host, count, (first, end) =>
        {
            var invoices = new StringBuilder("INSERT INTO finance_invoices (Id, TenantId, Number, ContractId, ContractNumber, OrderId, CustomerId, CustomerName, Currency, InstallmentNumber, Status, IssuedOn, DueOn, NetTotal, VatTotal, GrossTotal, PaidAmount, CustomFields, Version, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy) VALUES ");
            var lines = new StringBuilder("INSERT INTO finance_invoice_lines (Id, LineNumber, Description, VatRate, NetAmount, VatAmount, InvoiceId) VALUES ");
            var terms = new List<(Guid, string?[])>();
            for (var i = first; i < end; i++)
            {
                var issued = start + step * i;
                var id = Guid.CreateVersion7(issued);
                var contract = i / 2; // two installments per contract
                var customer = contract % customers.Length;
                var gross = 1000m + i % 997 * 113m;
                var net = Math.Round(gross / 1.13m, 2);
                var status = (i % 10) switch { < 6 => "Paid", < 8 => "Open", 8 => "PartiallyPaid", _ => "Credited" };
                var paid = status == "Paid" ? gross : status == "PartiallyPaid" ? Math.Round(gross / 2, 2) : 0m;
                var sep = i == first ? "" : ",";
                var d = issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var at = issued.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
                terms.Add((id, [$"FP{i + 1:D7}", $"HT{contract + 1:D7}", $"客户{customer:D4}科技有限公司"]));
                invoices.Append(CultureInfo.InvariantCulture,
                    $"{sep}('{id}','{t}','FP{i + 1:D7}','{ContractId(contract)}','HT{contract + 1:D7}',NULL,'{customers[customer]}','客户{customer:D4}科技有限公司','CNY',{i % 2 + 1},'{status}','{d}','{issued.AddDays(30):yyyy-MM-dd}',{net},{gross - net},{gross},{paid},'{{}}',1,'{at}',NULL,'{at}',NULL)");
                lines.Append(CultureInfo.InvariantCulture,
                    $"{sep}('{Guid.CreateVersion7(issued)}',1,'服务器与安装',0.1300,{net},{gross - net},'{id}')");
            }
            return [invoices.ToString(), lines.ToString(), BulkLoad.Terms("finance_search_terms", "finance.invoice", t, terms)];
        });
        // The numbers came from the tenant's invoice counter, as the application's do.
        await using var counter = await host.OpenAsync();
        await BulkLoad.ExecAsync(counter, $"INSERT INTO kernel_counters (TenantId, Kind, Next) VALUES ('{t}', 'invoice', {count}) ON DUPLICATE KEY UPDATE Next = Next + {count}");
        await BulkLoad.ExecAsync(counter, "ANALYZE TABLE finance_invoices, finance_invoice_lines, finance_search_terms");
    }

    private static Guid ContractId(int contract) => new(contract, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
