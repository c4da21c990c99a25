using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BizSuite.Benchmarks;

/// <summary>
/// Latency of the global search (GET /api/search) in a tenant holding <see cref="Options.Invoices"/> invoices (the list
/// benchmark's load) and <see cref="Options.SearchCustomers"/> customers with varied Chinese names and credit codes,
/// bulk-loaded with the term rows the application writes in its saves.
/// </summary>
internal sealed class SearchBenchmark(BenchHost host, Options options)
{
    private static readonly string[] Cities = ["杭州", "上海", "苏州", "宁波", "南京", "深圳", "广州", "成都", "武汉", "西安", "天津", "重庆", "厦门", "青岛", "合肥", "长沙", "郑州", "济南", "福州", "昆明"];
    private static readonly string[] Words = ["东方", "星河", "银月", "华夏", "远大", "新世纪", "恒通", "金桥", "蓝天", "海川", "鼎盛", "博雅", "宏图", "瑞丰", "天元",
        "中联", "永安", "锦程", "汇丰", "泰和", "万象", "腾达", "嘉禾", "诚信", "百川"];
    private static readonly string[] Trades = ["科技", "贸易", "机械", "电子", "物流", "建材", "食品", "医药", "纺织", "软件"];

    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, $"srch{Guid.NewGuid():N}"[..10]);
        Console.WriteLine($"\nGlobal search: loading {options.Invoices:N0} invoices and {options.SearchCustomers:N0} customers into one tenant…");
        var clock = Stopwatch.StartNew();
        await InvoiceListBenchmark.LoadAsync(host, options, tenantId, Enumerable.Range(0, 2_000).Select(_ => Guid.CreateVersion7()).ToArray());
        await LoadCustomersAsync(tenantId);
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:0} s");

        var rare = Name(options.SearchCustomers / 3);
        var queries = new (string Name, string Q)[]
        {
            ($"one customer's full name ({rare})", rare),
            ("two words, each common (苏州 机械)", "苏州 机械"),
            ("a common word (科技: 10 % of customers, every invoice)", "科技"),
            ("one Chinese character (河)", "河"),
            ("an invoice number (FP0500000)", "FP0500000"),
            ("a number's digits (500000)", "500000"),
            ("a credit code's start (91330100A0)", "91330100A0"),
            ("nothing matches (无此公司)", "无此公司"),
        };
        await InvoiceListBenchmark.MeasureAsync(admin, "GET /api/search?q=", queries.Select(q => (q.Name, "/api/search?q=" + Uri.EscapeDataString(q.Q))).ToArray(),
            options, result => result.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("items").GetArrayLength()), "hits");
    }

    private static string Name(int i) =>
        $"{Cities[i % Cities.Length]}{Words[i / Cities.Length % Words.Length]}{Words[i / Cities.Length / Words.Length % Words.Length]}{Trades[i % Trades.Length]}有限公司";

    private async Task LoadCustomersAsync(Guid tenantId)
    {
        var start = DateTime.UtcNow.AddDays(-3 * 365);
        var step = (DateTime.UtcNow - start) / Math.Max(1, options.SearchCustomers);
        var t = tenantId.ToString();
        await BulkLoad.InChunksAsync(host, options.SearchCustomers, (first, end) =>
        {
            var customers = new StringBuilder("INSERT INTO crm_customers (Id, TenantId, Name, CreditCode, TaxId, BillingAddress, BankAccount, CustomFields, Version, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy) VALUES ");
            var terms = new List<(Guid, string?[])>();
            for (var i = first; i < end; i++)
            {
                var created = start + step * i;
                var id = Guid.CreateVersion7(created);
                var name = Name(i);
                var code = $"91330100A{i:D8}X";
                var at = created.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
                customers.Append(CultureInfo.InvariantCulture,
                    $"{(i == first ? "" : ",")}('{id}','{t}','{name}','{code}',NULL,'杭州市西湖区文三路{i % 500}号',NULL,'{{}}',1,'{at}',NULL,NULL,NULL)");
                terms.Add((id, [name, code]));
            }
            return [customers.ToString(), BulkLoad.Terms("crm_search_terms", "crm.customer", t, terms)];
        });
        await using var analyze = await host.OpenAsync();
        await BulkLoad.ExecAsync(analyze, "ANALYZE TABLE crm_customers, crm_search_terms");
    }
}
