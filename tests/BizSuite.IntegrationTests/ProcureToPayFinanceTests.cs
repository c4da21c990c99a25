using System.Net;
using System.Text.Json;
using BizSuite.Finance;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Purchasing;
using BizSuite.Tests;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Finance's side of Procure-to-Pay: the contract events of Purchasing and Inventory, published into a unit of work as their
/// transactions do, post balanced vouchers and supplier payables; payment runs, AP aging and the supplier statement through the API.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProcureToPayFinanceTests(BizSuiteFactory app)
{
    private sealed record Tenant(string Name, Guid Id, HttpClient Admin);

    private async Task<Tenant> TenantAsync()
    {
        var name = await app.CreateTenantAsync("ap");
        var admin = await app.LoginAsync(name, "admin", "Admin123!");
        return new Tenant(name, Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId")), admin);
    }

    /// <summary>Finance's handlers of the event in a unit of work of their own (the publishing module's handlers are not Finance's to test).</summary>
    private async Task PublishAsync<TEvent>(Tenant tenant, TEvent e) where TEvent : IDomainEvent =>
        await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name);
            foreach (var handler in sp.GetServices<IDomainEventHandler<TEvent>>().Where(h => h.GetType().Assembly == typeof(FinanceModule).Assembly))
                await handler.HandleAsync(e, ct);
        });

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private SupplierBillPosted Bill(Guid supplierId, string supplier, decimal net, decimal vat, DateOnly dueOn, string currency = "CNY") =>
        new(Guid.NewGuid(), $"PB{Guid.NewGuid():N}"[..12], $"No.{Random.Shared.Next(1000000, 9999999)}", supplierId, supplier, Guid.NewGuid(),
            "CG202600001", Today, dueOn, currency, net, vat, net + vat, false);

    private async Task<string> PayableIdAsync(Tenant t, Guid sourceId) =>
        (await t.Admin.GetJsonAsync($"/api/finance/payables?sourceId={sourceId}")).GetProperty("items").EnumerateArray().Single().Str("id");

    private static (string Account, decimal Debit, decimal Credit)[] Entries(JsonElement voucher) => voucher.GetProperty("lines").EnumerateArray()
        .Select(l => (l.Str("accountCode"), l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal())).ToArray();

    private static async Task<JsonElement> VoucherOfAsync(Tenant t, object sourceId, string sourceType) =>
        (await t.Admin.GetJsonAsync($"/api/finance/vouchers?sourceId={sourceId}")).GetProperty("items").EnumerateArray().Single(v => v.Str("sourceType") == sourceType);

    private async Task<Dictionary<string, decimal>> BalancesAsync(Tenant t)
    {
        var trial = await t.Admin.GetJsonAsync($"/api/finance/reports/trial-balance?asOf={Today.AddYears(1):yyyy-MM-dd}");
        trial.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        trial.GetProperty("totalDebit").GetDecimal().ShouldBe(trial.GetProperty("totalCredit").GetDecimal());
        return trial.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Str("accountCode"),
            r => r.GetProperty("debit").GetDecimal() - r.GetProperty("credit").GetDecimal());
    }

    [Fact]
    public async Task Receipt_bill_payment_delivery_and_stocktake_post_balanced_vouchers_on_the_procure_to_pay_accounts()
    {
        var t = await TenantAsync();
        var accounts = (await t.Admin.GetJsonAsync("/api/finance/accounts")).EnumerateArray().Select(a => a.Str("code")).ToList();
        accounts.ShouldContain("220201");
        accounts.ShouldContain("222102");
        accounts.ShouldContain("1901");
        accounts.ShouldContain("6401");

        var supplierId = Guid.NewGuid();
        var receipt = new GoodsReceived(Guid.NewGuid(), "SH2026000001", Guid.NewGuid(), "CG202600001", supplierId, "华东五金", Guid.NewGuid(), Today, "CNY",
            [new(Guid.NewGuid(), Guid.NewGuid(), "螺栓 M8", 100m, 2.5m), new(Guid.NewGuid(), Guid.NewGuid(), "垫片", 3m, 3.335m)]);
        await PublishAsync(t, receipt);
        Entries(await VoucherOfAsync(t, receipt.ReceiptId, "GoodsReceipt")).ShouldBe([("1405", 260.01m, 0m), ("220201", 0m, 260.01m)]);

        var bill = Bill(supplierId, "华东五金", 260.01m, 33.80m, Today.AddDays(30));
        await PublishAsync(t, bill);
        await PublishAsync(t, bill); // a replayed event records nothing more
        var payables = await t.Admin.GetJsonAsync($"/api/finance/payables?sourceId={bill.BillId}");
        payables.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var payable = payables.GetProperty("items")[0];
        payable.Str("payeeId").ShouldBe(supplierId.ToString());
        payable.Str("payeeName").ShouldBe("华东五金");
        payable.Str("sourceType").ShouldBe("supplier-bill");
        payable.Str("sourceNumber").ShouldBe(bill.BillNumber);
        payable.Str("dueOn").ShouldBe($"{Today.AddDays(30):yyyy-MM-dd}");
        payable.GetProperty("amount").GetDecimal().ShouldBe(293.81m);
        Entries(await VoucherOfAsync(t, bill.BillId, "SupplierBill")).ShouldBe([("220201", 260.01m, 0m), ("222102", 33.80m, 0m), ("2202", 0m, 293.81m)]);

        var paid = await t.Admin.PostJsonAsync($"/api/finance/payables/{payable.Str("id")}/pay", new { reference = "网银 7788" });
        paid.Str("status").ShouldBe("Paid");
        Entries(await VoucherOfAsync(t, payable.Str("id"), "PayablePayment")).ShouldBe([("2202", 293.81m, 0m), ("1002", 0m, 293.81m)]);

        var delivery = Guid.NewGuid();
        await PublishAsync(t, new StockIssued(delivery, "delivery", "SO2026000001-1", Today, 125.00m));
        Entries(await VoucherOfAsync(t, delivery, "StockIssue")).ShouldBe([("6401", 125.00m, 0m), ("1405", 0m, 125.00m)]);

        var stocktake = new StocktakePosted(Guid.NewGuid(), "PD2026000001", Guid.NewGuid(), Today, 10.00m, 12.51m);
        await PublishAsync(t, stocktake);
        Entries(await VoucherOfAsync(t, stocktake.StocktakeId, "Stocktake"))
            .ShouldBe([("1405", 10.00m, 0m), ("1901", 0m, 10.00m), ("1901", 12.51m, 0m), ("1405", 0m, 12.51m)]);
        await PublishAsync(t, new StocktakePosted(Guid.NewGuid(), "PD2026000002", Guid.NewGuid(), Today, 0, 0));

        var balances = await BalancesAsync(t);
        balances["220201"].ShouldBe(0m, "the bill cleared the receipt's accrual");
        balances["2202"].ShouldBe(0m, "the supplier is paid");
        balances["1405"].ShouldBe(260.01m - 125.00m + 10.00m - 12.51m);
        balances["6401"].ShouldBe(125.00m);
        balances["1901"].ShouldBe(2.51m);
        balances["1002"].ShouldBe(-293.81m);
        (await app.ScalarAsync("SELECT COUNT(*) FROM finance_vouchers WHERE TenantId = @t", ("@t", t.Id.ToString()))).ShouldBe(5);
    }

    [Fact]
    public async Task A_payment_run_pays_every_chosen_payable_under_one_voucher_or_none_of_them()
    {
        var t = await TenantAsync();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var bills = new[] { Bill(a, "华东五金", 1000m, 130m, Today), Bill(a, "华东五金", 500m, 65m, Today), Bill(b, "南方电子", 200m, 26m, Today) };
        foreach (var bill in bills) await PublishAsync(t, bill);
        var ids = new string[bills.Length];
        for (var i = 0; i < bills.Length; i++) ids[i] = await PayableIdAsync(t, bills[i].BillId);
        var paidAlone = ids[2];
        await t.Admin.PostJsonAsync($"/api/finance/payables/{paidAlone}/pay", new { });

        // One paid payable refuses the whole run: the open ones stay open and nothing is posted.
        var refused = await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = ids }, HttpStatusCode.Conflict);
        refused.Str("code").ShouldBe("Finance:PayableAlreadyPaid");
        refused.FieldErrors("payableIds").ShouldNotBeEmpty();
        (await t.Admin.GetJsonAsync($"/api/finance/payables/{ids[0]}")).Str("status").ShouldBe("Open");
        (await t.Admin.GetJsonAsync("/api/finance/payment-runs")).GetProperty("totalCount").GetInt32().ShouldBe(0);

        var unknown = await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { ids[0], Guid.NewGuid().ToString() } },
            HttpStatusCode.NotFound);
        unknown.FieldErrors("payableIds").ShouldNotBeEmpty();
        (await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = Array.Empty<string>() }, HttpStatusCode.BadRequest))
            .FieldErrors("payableIds").ShouldNotBeEmpty();
        (await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { ids[0], ids[0] } }, HttpStatusCode.BadRequest))
            .FieldErrors("payableIds").ShouldNotBeEmpty();
        var usd = Bill(b, "南方电子", 100m, 0m, Today, "USD");
        await PublishAsync(t, usd);
        (await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { ids[0], await PayableIdAsync(t, usd.BillId) } },
            HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Finance:PaymentRunMixedCurrencies");

        var run = await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = ids[..2], paidOn = $"{Today:yyyy-MM-dd}", reference = "批量付款 12 月" },
            HttpStatusCode.Created);
        run.Str("number").ShouldBe($"FP{Today.Year}000001");
        run.GetProperty("total").GetDecimal().ShouldBe(1695m);
        run.GetProperty("items").EnumerateArray().Select(i => i.Str("payableId")).ShouldBe(ids[..2]);
        foreach (var id in ids[..2])
        {
            var payable = await t.Admin.GetJsonAsync($"/api/finance/payables/{id}");
            payable.Str("status").ShouldBe("Paid");
            payable.Str("paymentRunId").ShouldBe(run.Str("id"));
            (await t.Admin.GetJsonAsync($"/api/finance/vouchers?sourceId={id}")).GetProperty("totalCount").GetInt32().ShouldBe(0, "the run's voucher pays it");
        }
        Entries(await VoucherOfAsync(t, run.Str("id"), "PaymentRun")).ShouldBe([("2202", 1695m, 0m), ("1002", 0m, 1695m)]);
        (await t.Admin.GetJsonAsync($"/api/finance/payment-runs/{run.Str("id")}")).Str("reference").ShouldBe("批量付款 12 月");
        (await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = ids[..1] }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe("Finance:PayableAlreadyPaid");

        var balances = await BalancesAsync(t);
        balances["2202"].ShouldBe(-100m, "only the dollar bill is still owed");
        balances["220201"].ShouldBe(1000m + 500m + 200m + 100m, "no receipts were published, so the bills' net stays debited against nothing");
    }

    [Fact]
    public async Task Ap_aging_buckets_open_supplier_payables_by_days_past_due_and_exports_them()
    {
        var t = await TenantAsync();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        await PublishAsync(t, Bill(a, "华东五金", 100m, 13m, Today.AddDays(10)));   // current
        await PublishAsync(t, Bill(a, "华东五金", 200m, 0m, Today.AddDays(-5)));    // 1–30
        await PublishAsync(t, Bill(a, "华东五金", 300m, 0m, Today.AddDays(-45)));   // 31–60
        await PublishAsync(t, Bill(b, "南方电子", 400m, 0m, Today.AddDays(-61)));   // 61–90
        await PublishAsync(t, Bill(b, "南方电子", 500m, 0m, Today.AddDays(-91)));   // over 90
        var paid = Bill(b, "南方电子", 999m, 0m, Today.AddDays(-91));
        await PublishAsync(t, paid);
        await t.Admin.PostJsonAsync($"/api/finance/payables/{await PayableIdAsync(t, paid.BillId)}/pay", new { });

        var aging = await t.Admin.GetJsonAsync($"/api/finance/reports/ap-aging?asOf={Today:yyyy-MM-dd}");
        var rows = aging.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.Str("supplierName")).ShouldBe(["南方电子", "华东五金"]);
        static decimal Dec(JsonElement e, string p) => e.GetProperty(p).GetDecimal();
        Dec(rows[1], "current").ShouldBe(113m);
        Dec(rows[1], "days1To30").ShouldBe(200m);
        Dec(rows[1], "days31To60").ShouldBe(300m);
        Dec(rows[0], "days61To90").ShouldBe(400m);
        Dec(rows[0], "over90").ShouldBe(500m);
        Dec(aging.GetProperty("totals"), "total").ShouldBe(1513m);

        var later = await t.Admin.GetJsonAsync($"/api/finance/reports/ap-aging?asOf={Today.AddDays(11):yyyy-MM-dd}");
        Dec(later.GetProperty("totals"), "current").ShouldBe(0m, "the current bill is 1 day overdue then");
        Dec(later.GetProperty("totals"), "days1To30").ShouldBe(113m + 200m);

        var file = await t.Admin.GetAsync($"/api/finance/reports/ap-aging/export?asOf={Today:yyyy-MM-dd}");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = (await file.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        sheet.Count.ShouldBe(3);
        sheet[0]["Supplier"].ShouldBe("南方电子");
        sheet[2]["Supplier"].ShouldBe("Total");
        Convert.ToDecimal(sheet[2]["Over 90 days"]).ShouldBe(500m);
        Convert.ToDecimal(sheet[2]["Total"]).ShouldBe(1513m);

        var suppliers = (await t.Admin.GetJsonAsync("/api/finance/payables/suppliers")).EnumerateArray().Select(s => s.Str("name")).ToList();
        suppliers.ShouldBe(["华东五金", "南方电子"], ignoreOrder: true);
        var filtered = await t.Admin.GetJsonAsync($"/api/finance/payables?payeeId={a}&status=Open&dueBy={Today:yyyy-MM-dd}");
        filtered.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("amount").GetDecimal()).ShouldBe([200m, 300m], ignoreOrder: true);
    }

    [Fact]
    public async Task A_supplier_statement_shows_bills_and_payments_with_the_running_balance_and_prints()
    {
        var t = await TenantAsync();
        var supplier = Guid.NewGuid();
        var first = Bill(supplier, "华东五金", 1000m, 130m, Today.AddDays(30));
        var second = Bill(supplier, "华东五金", 500m, 65m, Today.AddDays(30));
        await PublishAsync(t, first);
        await PublishAsync(t, second);
        await PublishAsync(t, Bill(Guid.NewGuid(), "南方电子", 77m, 0m, Today)); // another supplier's
        await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { await PayableIdAsync(t, first.BillId) }, reference = "网银" },
            HttpStatusCode.Created);

        var statement = await t.Admin.GetJsonAsync($"/api/finance/suppliers/{supplier}/statement?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        statement.Str("supplierName").ShouldBe("华东五金");
        statement.GetProperty("opening").GetDecimal().ShouldBe(0m);
        var entries = statement.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.Str("kind")).ShouldBe(["bill", "bill", "payment"]);
        entries.Select(e => e.GetProperty("balance").GetDecimal()).ShouldBe([1130m, 1695m, 565m]);
        entries[2].Str("number").ShouldBe($"FP{Today.Year}000001");
        statement.GetProperty("billed").GetDecimal().ShouldBe(1695m);
        statement.GetProperty("paid").GetDecimal().ShouldBe(1130m);
        statement.GetProperty("closing").GetDecimal().ShouldBe(565m);

        var afterwards = await t.Admin.GetJsonAsync($"/api/finance/suppliers/{supplier}/statement?from={Today.AddDays(1):yyyy-MM-dd}&to={Today.AddDays(2):yyyy-MM-dd}");
        afterwards.GetProperty("opening").GetDecimal().ShouldBe(565m);
        afterwards.GetProperty("entries").GetArrayLength().ShouldBe(0);

        var pdf = await t.Admin.GetAsync($"/api/finance/suppliers/{supplier}/statement/pdf?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&lang=zh-CN");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText.Read(await pdf.Content.ReadAsByteArrayAsync(), "supplier-statement-zh").All;
        foreach (var expected in new[] { "供应商对账单", "华东五金", first.BillNumber, $"FP{Today.Year}000001", "1,695.00", "565.00", "伍佰陆拾伍元整" })
            text.ShouldContain(expected);
        var english = PdfText.Read(await (await t.Admin.GetAsync($"/api/finance/suppliers/{supplier}/statement/pdf?lang=en")).Content.ReadAsByteArrayAsync(),
            "supplier-statement-en").All;
        english.ShouldContain("Supplier Statement");
        english.ShouldContain("Closing balance");

        (await t.Admin.GetJsonAsync($"/api/finance/suppliers/{Guid.NewGuid()}/statement", HttpStatusCode.NotFound)).Str("code").ShouldBe("Kernel:EntityNotFound");
        (await t.Admin.GetJsonAsync($"/api/finance/suppliers/{supplier}/statement?from=2026-12-31&to=2026-01-01", HttpStatusCode.BadRequest))
            .FieldErrors("from").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Payment_runs_need_their_permission_and_stay_in_their_tenant()
    {
        var t = await TenantAsync();
        var bill = Bill(Guid.NewGuid(), "华东五金", 10m, 0m, Today);
        await PublishAsync(t, bill);
        var id = await PayableIdAsync(t, bill.BillId);
        var run = await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { id } }, HttpStatusCode.Created);

        var other = await TenantAsync();
        await other.Admin.GetJsonAsync($"/api/finance/payment-runs/{run.Str("id")}", HttpStatusCode.NotFound);
        (await other.Admin.GetJsonAsync("/api/finance/payment-runs")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        var otherBill = Bill(Guid.NewGuid(), "南方电子", 10m, 0m, Today);
        await PublishAsync(other, otherBill);
        await t.Admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { await PayableIdAsync(other, otherBill.BillId) } },
            HttpStatusCode.NotFound);
        (await other.Admin.GetJsonAsync("/api/finance/reports/ap-aging")).GetProperty("rows").EnumerateArray().Select(r => r.Str("supplierName"))
            .ShouldBe(["南方电子"]);
        await other.Admin.GetJsonAsync($"/api/finance/suppliers/{bill.SupplierId}/statement", HttpStatusCode.NotFound);

        var role = await t.Admin.PostJsonAsync("/api/identity/roles", new { name = "ap-viewer" }, HttpStatusCode.Created);
        await t.Admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Finance.Payables" } },
            HttpStatusCode.NoContent);
        await t.Admin.PostJsonAsync("/api/identity/users", new { userName = "apviewer", email = "apviewer@x.test", name = "V", password = "Viewer123!",
            isActive = true, roleNames = new[] { "ap-viewer" } }, HttpStatusCode.Created);
        var viewer = await app.LoginAsync(t.Name, "apviewer", "Viewer123!");
        await viewer.GetJsonAsync("/api/finance/payment-runs");
        await viewer.GetJsonAsync($"/api/finance/suppliers/{bill.SupplierId}/statement");
        await viewer.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { id } }, HttpStatusCode.Forbidden);
        await viewer.GetJsonAsync("/api/finance/reports/ap-aging", HttpStatusCode.Forbidden);
    }
}
