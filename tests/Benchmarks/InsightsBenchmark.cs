using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BizSuite.Crm.Contracts;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// Process insights in a large tenant: its journal bulk-loaded with <see cref="Options.JournalEvents"/> events (multi-row
/// INSERTs) of which the lead-to-cash deals (lead, opportunity, approval, contract, order, invoice: six instances each) make
/// <see cref="Options.Instances"/> process instances, the rest vouchers and other events the projector skips; then the
/// tenant's instances rebuilt from that journal through the API (events/s), then the latency of every dashboard endpoint
/// over them, then contract signings through the application service with and without the in-transaction instance update.
/// </summary>
internal sealed class InsightsBenchmark(BenchHost host, Options options)
{
    private const int InstancesPerDeal = 6;

    private sealed record JournalRow(DateTime At, string Type, string Aggregate, Guid AggregateId, string Payload);
    private static readonly DateTime Now = DateTime.UtcNow;

    public async Task RunAsync()
    {
        var hostAdmin = await host.LoginAsync(null, "admin", options.HostAdminPassword);
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, $"ins{Guid.NewGuid():N}"[..10]);
        var deals = Math.Max(1, options.Instances / InstancesPerDeal);

        Console.WriteLine($"\nInsights: loading {options.JournalEvents:N0} journal events ({deals:N0} lead-to-cash deals over two years) into one tenant…");
        var clock = Stopwatch.StartNew();
        var projected = await LoadJournalAsync(tenantId, deals);
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:0} s ({projected:N0} of them projected)");

        clock.Restart();
        var rebuilt = await admin.PostJsonAsync("/api/insights/rebuild", new { });
        var wall = clock.Elapsed.TotalSeconds;
        var (events, instances, ms) = (rebuilt.GetProperty("events").GetInt32(), rebuilt.GetProperty("instances").GetInt32(), rebuilt.GetProperty("milliseconds").GetInt64());
        Console.WriteLine();
        Console.WriteLine("| rebuild from the journal | events read | instances written | seconds | events/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| POST /api/insights/rebuild, {options.JournalEvents:N0} events in the journal | {events:N0} | {instances:N0} | {ms / 1000.0:0.0} (request {wall:0.0}) | {events / (ms / 1000.0):N0} |");
        await using (var connection = await host.OpenAsync())
            await BulkLoad.ExecAsync(connection, "ANALYZE TABLE insights_process_instances, insights_milestones, insights_approval_steps");

        await DashboardsAsync(admin);
        await SigningRatioAsync(hostAdmin);
    }

    private async Task DashboardsAsync(HttpClient admin)
    {
        var today = DateOnly.FromDateTime(Now);
        var year = $"from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var queries = new (string Name, string Url)[]
        {
            ("home: all KPIs, 90 days", "/api/insights/kpis"),
            ("lead-to-cash KPIs, 90 days", "/api/insights/kpis?process=lead-to-cash"),
            ("lead-to-cash KPIs, 365 days by month", $"/api/insights/kpis?process=lead-to-cash&{year}&period=month"),
            ("OA KPIs, 90 days", "/api/insights/kpis?process=oa"),
            ("funnel, 90 days", "/api/insights/funnel?process=lead-to-cash"),
            ("slowest contract approvals, 365 days", $"/api/insights/kpis/l2c.contract-approval-time/slowest?take=10&{year}"),
            ("slowest: overdue invoices", "/api/insights/kpis/l2c.overdue-share/slowest?take=10"),
            ("approval steps, 90 days", "/api/insights/approval-steps"),
            ("cash-in forecast, 90 days", "/api/insights/cash-forecast?days=90"),
        };
        Console.WriteLine();
        Console.WriteLine($"| GET, {options.Instances:N0} instances ({options.Requests} requests after {options.Warmup} warm-up, 1 client) | p50 ms | p99 ms | mean ms | rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, url) in queries)
        {
            var rows = (await admin.GetJsonAsync(url)).GetArrayLength();
            for (var i = 0; i < options.Warmup; i++) await admin.GetJsonAsync(url);
            var times = new double[options.Requests];
            for (var i = 0; i < times.Length; i++)
            {
                var sw = Stopwatch.StartNew();
                await admin.GetJsonAsync(url);
                times[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            Console.WriteLine($"| {name} | {BulkLoad.Percentile(times, 0.50):0.0} | {BulkLoad.Percentile(times, 0.99):0.0} | {times.Average():0.0} | {rows} |");
        }
    }

    /// <summary>
    /// Signings through the application service with the Insights handlers (the instance update in the signing's
    /// transaction) and on a second host on the same database without them, taking turns in short rounds.
    /// </summary>
    private async Task SigningRatioAsync(HttpClient hostAdmin)
    {
        await using var without = new BenchHost(host.ConnectionString, options.HostAdminPassword, services =>
        {
            var projections = services.Where(d => d.ImplementationType is { IsGenericType: true } t && t.GetGenericTypeDefinition().Name == "ProjectWhen`1").ToList();
            foreach (var d in projections) services.Remove(d);
        });
        _ = without.Server;
        var name = $"sig{Guid.NewGuid():N}"[..10];
        var (admin, tenantId) = await host.CreateTenantAsync(hostAdmin, name);
        var adminId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("id"));
        var customer = (await admin.PostJsonAsync("/api/crm/customers", new { name = "杭州洞察基准科技有限公司" })).Str("id");

        async Task<List<Guid>> PrepareAsync(int count)
        {
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var id = (await admin.PostJsonAsync("/api/crm/contracts", new
                {
                    title = $"服务器与安装 {i}",
                    customerId = customer,
                    lines = new[] { new { description = "服务器", quantity = 4m, unitPrice = 25000m + i % 100, discountRate = 0m, vatRate = 0.13m } },
                    installments = new[] { new { trigger = "OnSigning", percentage = 30m }, new { trigger = "OnDelivery", percentage = 70m } },
                })).Str("id");
                var approvalId = (await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { })).Str("approvalId");
                await admin.PostJsonAsync($"/api/oa/approvals/{approvalId}/approve", new { });
                ids.Add(Guid.Parse(id));
            }
            return ids;
        }

        async Task<double> SignAsync(BenchHost on, IReadOnlyList<Guid> ids)
        {
            var sw = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId.ToString())], "Bearer"));
                on.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
                using var _ = on.Services.GetRequiredService<ICurrentTenant>().Change(tenantId, name);
                await on.Services.GetRequiredService<UnitOfWorkRunner>().RunAsync((services, ct) =>
                    services.GetRequiredService<ContractAppService>().SignAsync(id, ct));
            }
            return sw.Elapsed.TotalSeconds;
        }

        var perRound = Math.Max(10, options.SigningsPerRound);
        Console.WriteLine($"\nSigning with and without the in-transaction instance update: {options.Rounds} rounds of {perRound} contracts per path, 1 worker, after a warm-up");
        await SignAsync(host, await PrepareAsync(perRound));
        await SignAsync(without, await PrepareAsync(perRound));
        var (withSigned, withSeconds, withoutSigned, withoutSeconds) = (0, 0.0, 0, 0.0);
        var ratios = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var (a, b) = (await PrepareAsync(perRound), await PrepareAsync(perRound));
            // The path that goes first alternates: background load drifts on a shared machine.
            double sa, sb;
            if (round % 2 == 0) { sa = await SignAsync(host, a); sb = await SignAsync(without, b); }
            else { sb = await SignAsync(without, b); sa = await SignAsync(host, a); }
            (withSigned, withSeconds, withoutSigned, withoutSeconds) = (withSigned + a.Count, withSeconds + sa, withoutSigned + b.Count, withoutSeconds + sb);
            ratios.Add(a.Count / sa / (b.Count / sb));
        }
        var (with, withoutRate) = (withSigned / withSeconds, withoutSigned / withoutSeconds);
        Console.WriteLine();
        Console.WriteLine("| signing (application service, 1 worker) | contracts/s | with / without |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| without the Insights handlers | {withoutRate:0.0} | |");
        Console.WriteLine($"| with the instance update in the transaction | {with:0.0} | {with / withoutRate:0.00} (per round {string.Join(" ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}) |");
    }


    /// <summary>
    /// Writes the journal as the unit of work would have: one row per event with its type, aggregate and JSON payload in
    /// the journal's own serializer settings. Returns how many events the projector reads.
    /// </summary>
    private async Task<int> LoadJournalAsync(Guid tenantId, int deals)
    {
        var start = Now.AddDays(-730);
        var span = TimeSpan.FromDays(730 - 90);
        var dealEvents = new List<JournalRow>(deals * 12);
        for (var i = 0; i < deals; i++) dealEvents.AddRange(Deal(i, start + span * i / deals));
        var fillers = Math.Max(0, options.JournalEvents - dealEvents.Count);
        var step = (Now - start) / Math.Max(1, fillers);
        var t = tenantId.ToString();
        var total = dealEvents.Count + fillers;
        await BulkLoad.InChunksAsync(host, total, (first, end) =>
        {
            var sql = new StringBuilder("INSERT INTO kernel_event_journal (Id, TenantId, EventType, AggregateType, AggregateId, CorrelationId, CausationId, OccurredAt, Payload) VALUES ");
            for (var i = first; i < end; i++)
            {
                var e = i < dealEvents.Count ? dealEvents[i] : Filler(i - dealEvents.Count, start + step * (i - dealEvents.Count));
                var id = Guid.CreateVersion7(e.At);
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(i == first ? "" : ",")}('{id}','{t}','{e.Type}','{e.Aggregate}','{e.AggregateId}','{id:N}',NULL,'{e.At:yyyy-MM-dd HH:mm:ss.ffffff}','{e.Payload}')");
            }
            return [sql.ToString()];
        });
        await using var analyze = await host.OpenAsync();
        await BulkLoad.ExecAsync(analyze, "ANALYZE TABLE kernel_event_journal");
        return dealEvents.Count;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, JournalJson.Options).Replace("'", "''").Replace("\\", "\\\\");

    private static JournalRow Filler(int i, DateTime at)
    {
        var id = new Guid(i, 7, 7, [0, 0, 0, 0, 0, 0, 0, 7]);
        return new JournalRow(at, "VoucherPosted", "Voucher", id, Json(new
        {
            voucherId = id, voucherNumber = $"V{i:D9}", postedOn = DateOnly.FromDateTime(at), sourceType = "Invoice", sourceId = id,
            sourceNumber = $"FP{i:D9}", total = 1000m + i % 977,
        }));
    }

    /// <summary>A deal from lead to cash: its events at realistic distances (hours to approve, weeks to win, a month to pay); one in seven stays unpaid.</summary>
    private static IEnumerable<JournalRow> Deal(int i, DateTime at)
    {
        Guid Id(int kind) => new(i, (short)kind, 1, [0, 0, 0, 0, 0, 0, 0, 1]);
        var (lead, opportunity, customer, contract, approval, order, invoice, payment) = (Id(1), Id(2), Id(3), Id(4), Id(5), Id(6), Id(7), Id(8));
        var customerName = $"客户{i % 2000:D4}科技有限公司";
        var (net, vat) = (10_000m + i % 997 * 100m, 1_300m + i % 997 * 13m);
        var gross = net + vat;
        var number = $"HT{i + 1:D7}";
        var approver = new Guid(0, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)(i % 5)]);
        var won = at.AddDays(10 + i % 30);
        var submitted = won.AddHours(6);
        var approved = submitted.AddHours(1 + i % 72);
        var signed = approved.AddHours(2);
        var delivered = signed.AddDays(3 + i % 20);
        var paid = delivered.AddDays(10 + i % 50);
        var issuedOn = DateOnly.FromDateTime(delivered);
        yield return new JournalRow(at, "LeadCreated", "Lead", lead, Json(new { leadId = lead, name = customerName, source = "Website" }));
        yield return new JournalRow(at.AddHours(4 + i % 40), "LeadQualified", "Lead", lead, Json(new { leadId = lead, customerId = customer, contactId = customer, opportunityId = opportunity }));
        yield return new JournalRow(won, "OpportunityStageChanged", "Opportunity", opportunity, Json(new { opportunityId = opportunity, customerId = customer, from = "Negotiation", to = "Won", amount = gross, currency = "CNY" }));
        yield return new JournalRow(submitted, "ContractSubmitted", "Contract", contract, Json(new { contractId = contract, contractNumber = number, grossTotal = gross }));
        yield return new JournalRow(submitted, "ApprovalStepAssigned", "Approval", approval, Json(new
        {
            approvalId = approval, documentType = "contract", documentId = contract, documentNumber = number, title = customerName, stepNumber = 1, approverUserIds = new[] { approver },
        }));
        yield return new JournalRow(approved, "ApprovalCompleted", "Approval", approval, Json(new { approvalId = approval, documentType = "contract", documentId = contract, applicantUserId = approver, comment = "同意" }));
        yield return new JournalRow(signed, "ContractSigned", "Contract", contract, Json(new
        {
            contractId = contract, contractNumber = number, customerId = customer, customerName, currency = "CNY", signedOn = DateOnly.FromDateTime(signed),
            netTotal = net, vatTotal = vat, grossTotal = gross, lines = Array.Empty<object>(), installments = Array.Empty<object>(),
        }));
        yield return new JournalRow(signed, "SalesOrderCreated", "SalesOrder", order, Json(new
        {
            orderId = order, orderNumber = $"SO{i + 1:D7}", contractId = contract, contractNumber = number, customerId = customer, customerName, currency = "CNY",
            signedOn = DateOnly.FromDateTime(signed), netTotal = net, vatTotal = vat, grossTotal = gross, lines = Array.Empty<object>(),
        }));
        yield return new JournalRow(delivered, "DeliveryRecorded", "SalesOrder", order, Json(new
        {
            orderId = order, contractId = contract, deliveryId = order, orderFullyDelivered = true, deliveredOn = issuedOn, lines = Array.Empty<object>(),
        }));
        yield return new JournalRow(delivered, "InvoiceIssued", "Invoice", invoice, Json(new
        {
            invoiceId = invoice, invoiceNumber = $"FP{i + 1:D7}", contractId = contract, orderId = order, customerId = customer, customerName, currency = "CNY",
            installmentNumber = 1, issuedOn, dueOn = issuedOn.AddDays(30), netTotal = net, vatTotal = vat, grossTotal = gross,
        }));
        if (i % 7 == 6 || paid > Now) yield break;
        yield return new JournalRow(paid, "PaymentRecorded", "Payment", payment, Json(new
        {
            paymentId = payment, paymentNumber = $"SK{i + 1:D7}", invoiceId = invoice, invoiceNumber = $"FP{i + 1:D7}", contractId = contract, customerId = customer,
            currency = "CNY", method = "BankTransfer", receivedOn = DateOnly.FromDateTime(paid), amount = gross, invoicePaid = true, contractNumber = number, customerName,
        }));
        yield return new JournalRow(paid, "CollectionStatusChanged", "Receivable", contract, Json(new { contractId = contract, orderId = order, status = "Paid", collectible = gross, paid = gross }));
    }
}
