using System.Net;
using System.Text.Json;
using BizSuite.Finance.Receivables;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using static BizSuite.IntegrationTests.SignedContract;

namespace BizSuite.IntegrationTests;

/// <summary>Lead-to-cash from the signature on: invoices per installment, payments, credit notes, vouchers and reports.</summary>
[Collection(ApiCollection.Name)]
public sealed class FinanceTests(BizSuiteFactory app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    private static DateOnly Today(TimeSpan offset = default) => DateOnly.FromDateTime(DateTime.UtcNow + offset);

    private Task<SignedContract> SignAsync(object[]? installments = null, string? tenant = null) => SignedContract.CreateAsync(app, installments, tenant);

    private static async Task<JsonElement> VoucherOfAsync(HttpClient client, string sourceId) =>
        (await client.GetJsonAsync($"/api/finance/vouchers?sourceId={sourceId}")).GetProperty("items").EnumerateArray().Single();

    private static (string Account, decimal Debit, decimal Credit)[] Entries(JsonElement voucher) => voucher.GetProperty("lines").EnumerateArray()
        .Select(l => (l.Str("accountCode"), l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal())).ToArray();

    private static decimal Dec(JsonElement e, string property) => e.GetProperty(property).GetDecimal();

    [Fact]
    public async Task Signing_a_contract_creates_order_first_invoice_and_its_voucher_in_one_transaction()
    {
        var (_, admin, contractId, order) = await SignAsync();

        var invoice = (await InvoicesAsync(admin, contractId)).ShouldHaveSingleItem();
        invoice.Str("number").ShouldBe($"FP{Today().Year}000001");
        invoice.Str("orderId").ShouldBe(order.Str("id"));
        invoice.GetProperty("installmentNumber").GetInt32().ShouldBe(1);
        // 30 % of each line's gross, split back into net and VAT at the line's rate.
        Dec(invoice, "grossTotal").ShouldBe(36444.00m);
        invoice.GetProperty("lines").EnumerateArray().Select(l => (Dec(l, "netAmount"), Dec(l, "vatAmount"))).ShouldBe([(30000.00m, 3900.00m), (2400.00m, 144.00m)]);
        invoice.Str("dueOn").ShouldBe(Today().AddDays(30).ToString("yyyy-MM-dd"));

        Entries(await VoucherOfAsync(admin, invoice.Str("id"))).ShouldBe([("1122", 36444.00m, 0m), ("6001", 0m, 32400.00m), ("222101", 0m, 4044.00m)]);
        var receivable = await ReceivableAsync(admin, contractId);
        receivable.Str("status").ShouldBe("Unpaid");
        Dec(receivable, "outstanding").ShouldBe(36444.00m);

        // The chain runs forward: the signature caused the order, and the order the invoice.
        var signed = (await admin.GetJsonAsync($"/api/audit/events?aggregateId={contractId}")).GetProperty("items").EnumerateArray().Single(e => e.Str("eventType") == "ContractSigned");
        var created = (await admin.GetJsonAsync($"/api/audit/events?aggregateId={order.Str("id")}")).GetProperty("items")[0];
        created.Str("eventType").ShouldBe("SalesOrderCreated");
        created.Str("causationId").ShouldBe(signed.Str("id"));
        var issued = (await admin.GetJsonAsync($"/api/audit/events?aggregateId={invoice.Str("id")}")).GetProperty("items")[0];
        issued.Str("eventType").ShouldBe("InvoiceIssued");
        issued.Str("causationId").ShouldBe(created.Str("id"));
    }

    [Fact]
    public async Task The_on_signing_invoice_and_the_receivable_know_their_order_from_the_start()
    {
        var (_, admin, contractId, order) = await SignAsync();
        var orderId = order.Str("id");
        var invoice = (await InvoicesAsync(admin, contractId)).ShouldHaveSingleItem();

        var issued = (await admin.GetJsonAsync($"/api/audit/events?aggregateId={invoice.Str("id")}")).GetProperty("items")[0];
        JsonDocument.Parse(issued.Str("payload")).RootElement.Str("orderId").ShouldBe(orderId, "InvoiceIssued carries the order");
        (await ReceivableAsync(admin, contractId)).Str("orderId").ShouldBe(orderId);

        // Written once with the order: no later round patches the order id into them.
        var changes = new List<JsonElement>();
        foreach (var type in new[] { "Invoice", "Receivable" })
            changes.AddRange((await admin.GetJsonAsync($"/api/audit/entity-changes?entityType={type}")).GetProperty("items").EnumerateArray());
        changes.Select(c => (c.Str("entityType"), c.Str("changeType"))).Order().ShouldBe([("Invoice", "Added"), ("Receivable", "Added")]);
        changes.ShouldAllBe(c => JsonDocument.Parse(c.Str("changes")).RootElement.GetProperty("OrderId").Str("new") == orderId);
    }

    [Fact]
    public async Task A_failure_while_invoicing_undoes_the_signature_the_order_and_the_numbers()
    {
        var tenant = await app.CreateTenantAsync("f");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var tenantId = (await admin.GetJsonAsync("/api/account/me")).Str("tenantId");
        // A voucher row that takes the number the signing would post: the voucher insert fails at the very end of the flow.
        await app.ScalarAsync("""
            INSERT INTO finance_vouchers (Id, TenantId, Number, PostedOn, Summary, SourceType, SourceId, SourceNumber, Total, Version, CreatedAt)
            VALUES (UUID(), @t, @n, CURDATE(), 'blocker', 'Invoice', UUID(), 'X', 1, 0, NOW())
            """, ("@t", tenantId), ("@n", $"V{Today().Year}000001"));

        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "失败测试客户" }, HttpStatusCode.Created);
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "回滚",
            customerId = customer.Str("id"),
            lines = new[] { new { description = "服务", quantity = 1m, unitPrice = 1000m, discountRate = 0m, vatRate = 0.06m } },
        }, HttpStatusCode.Created);
        var id = contract.Str("id");
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await SignedContract.ApproveAsync(admin, id);
        (await admin.PostAsync($"/api/crm/contracts/{id}/sign", null)).IsSuccessStatusCode.ShouldBeFalse();

        (await admin.GetJsonAsync($"/api/crm/contracts/{id}")).Str("status").ShouldBe("Approved");
        (await admin.GetJsonAsync($"/api/orders/sales-orders?contractId={id}")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await InvoicesAsync(admin, id)).ShouldBeEmpty();
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_counters WHERE TenantId = @t AND Kind IN ('invoice', 'sales-order')", ("@t", tenantId))).ShouldBe(0);
    }

    [Fact]
    public async Task The_unfiltered_invoice_list_total_is_the_tenants_number_of_invoices()
    {
        var (tenant, admin, contractId, order) = await SignAsync();
        await SignAsync(tenant: tenant);
        var lines = order.GetProperty("lines").EnumerateArray().Select(l => new { orderLineId = l.Str("id"), quantity = l.GetProperty("quantity").GetDecimal() });
        await admin.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", new { lines });

        var all = await admin.GetJsonAsync("/api/finance/invoices?take=1");
        all.GetProperty("totalCount").GetInt64().ShouldBe(3);
        all.GetProperty("items").GetArrayLength().ShouldBe(1);
        (await admin.GetJsonAsync($"/api/finance/invoices?contractId={contractId}")).GetProperty("totalCount").GetInt64().ShouldBe(2);
        var empty = await app.LoginAsync(await app.CreateTenantAsync("f"), "admin", "Admin123!");
        (await empty.GetJsonAsync("/api/finance/invoices")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Full_delivery_invoices_the_on_delivery_installment_and_partial_delivery_does_not()
    {
        var (_, admin, contractId, order) = await SignAsync();
        var lines = order.GetProperty("lines").EnumerateArray().Select(l => l.Str("id")).ToArray();
        var orderId = order.Str("id");

        await admin.PostJsonAsync($"/api/orders/sales-orders/{orderId}/deliver", new { lines = new[] { new { orderLineId = lines[0], quantity = 2m } } });
        (await InvoicesAsync(admin, contractId)).Length.ShouldBe(1);

        await admin.PostJsonAsync($"/api/orders/sales-orders/{orderId}/deliver", new
        {
            lines = new[] { new { orderLineId = lines[0], quantity = 2m }, new { orderLineId = lines[1], quantity = 1m } },
        });
        var invoices = await InvoicesAsync(admin, contractId);
        invoices.Length.ShouldBe(2);
        Dec(invoices[1], "grossTotal").ShouldBe(85036.00m);
        invoices.Sum(i => Dec(i, "grossTotal")).ShouldBe(121480.00m, "the installments add up to the contract to the cent");
        invoices.Sum(i => Dec(i, "vatTotal")).ShouldBe(13480.00m);
        (await admin.GetJsonAsync($"/api/finance/invoices?orderId={orderId}")).GetProperty("totalCount").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Partial_payments_move_the_collection_status_and_overpayment_is_refused()
    {
        var (_, admin, contractId, order) = await SignAsync([new { trigger = "OnSigning", percentage = 100m }]);
        var invoice = (await InvoicesAsync(admin, contractId)).Single();
        var url = $"/api/finance/invoices/{invoice.Str("id")}/payments";

        var first = await admin.PostJsonAsync(url, new { amount = 100000m, method = "BankTransfer", reference = "工行回单 0001" });
        first.Str("number").ShouldBe($"SK{Today().Year}000001");
        first.GetProperty("createdAt").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5), "the answer shows the new payment as saved");
        (await admin.GetJsonAsync($"/api/finance/invoices/{invoice.Str("id")}")).Str("status").ShouldBe("PartiallyPaid");
        (await ReceivableAsync(admin, contractId)).Str("status").ShouldBe("Partial");
        Entries(await VoucherOfAsync(admin, first.Str("id"))).ShouldBe([("1002", 100000m, 0m), ("1122", 0m, 100000m)]);

        var refused = await admin.PostJsonAsync(url, new { amount = 21480.01m, method = "BankTransfer" }, HttpStatusCode.UnprocessableEntity);
        refused.Str("code").ShouldBe("Finance:Overpayment");
        refused.FieldErrors("amount").ShouldNotBeEmpty();
        (await admin.GetJsonAsync($"/api/finance/payments?invoiceId={invoice.Str("id")}")).GetProperty("totalCount").GetInt64().ShouldBe(1);

        var invalid = await admin.PostJsonAsync(url, new { amount = -5m, method = "Stripe" }, HttpStatusCode.BadRequest);
        invalid.FieldErrors("amount").ShouldNotBeEmpty();
        invalid.FieldErrors("method").ShouldNotBeEmpty();

        (await admin.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}")).Str("collectionStatus").ShouldBe("Partial");
        (await admin.GetJsonAsync($"/api/crm/contracts/{contractId}")).Str("collectionStatus").ShouldBe("Partial", "a payment flows back to the contract");

        await admin.PostJsonAsync(url, new { amount = 21480m, method = "Cash" });
        (await admin.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}")).Str("collectionStatus").ShouldBe("Paid");
        (await admin.GetJsonAsync($"/api/finance/invoices/{invoice.Str("id")}")).Str("status").ShouldBe("Paid");
        var receivable = await ReceivableAsync(admin, contractId);
        receivable.Str("status").ShouldBe("Paid");
        Dec(receivable, "outstanding").ShouldBe(0m);
        await admin.PostJsonAsync(url, new { amount = 1m, method = "Cash" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_document_chain_follows_the_contract_to_its_order_invoices_payments_and_vouchers()
    {
        var (_, admin, contractId, order) = await SignAsync();
        var invoice = (await InvoicesAsync(admin, contractId)).Single();
        var payment = await admin.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments", new { amount = 1000m, method = "BankTransfer" });

        var chain = (await admin.GetJsonAsync($"/api/audit/document-chain/{contractId}")).EnumerateArray().ToArray();
        var types = chain.Select(e => e.Str("eventType")).ToArray();
        types.ShouldContain("ContractSigned");
        types.ShouldContain("SalesOrderCreated");
        types.ShouldContain("InvoiceIssued");
        types.ShouldContain("PaymentRecorded");
        types.Count(t => t == "VoucherPosted").ShouldBe(2, "the invoice's and the payment's");
        chain.Select(e => e.Str("aggregateId")).ShouldContain(order.Str("id"));
        chain.Select(e => e.Str("aggregateId")).ShouldContain(payment.Str("id"));
        chain.Select(e => e.GetProperty("occurredAt").GetDateTime()).ShouldBeInOrder();
    }

    [Fact]
    public async Task A_credit_note_reverses_an_unpaid_invoice_and_the_books_still_balance()
    {
        var (_, admin, contractId, order) = await SignAsync();
        var lines = order.GetProperty("lines").EnumerateArray().Select(l => new { orderLineId = l.Str("id"), quantity = l.GetProperty("quantity").GetDecimal() });
        await admin.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", new { lines });
        var invoices = await InvoicesAsync(admin, contractId);
        await admin.PostJsonAsync($"/api/finance/invoices/{invoices[0].Str("id")}/payments", new { amount = 36444m, method = "BankTransfer" });

        (await admin.PostJsonAsync($"/api/finance/invoices/{invoices[0].Str("id")}/credit-note", new { reason = "重开" }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe("Finance:InvoiceHasPayments");
        (await admin.PostJsonAsync($"/api/finance/invoices/{invoices[1].Str("id")}/credit-note", new { reason = "" }, HttpStatusCode.BadRequest))
            .FieldErrors("reason").ShouldNotBeEmpty();

        var note = await admin.PostJsonAsync($"/api/finance/invoices/{invoices[1].Str("id")}/credit-note", new { reason = "客户取消安装" });
        note.Str("number").ShouldBe($"HC{Today().Year}000001");
        (await admin.GetJsonAsync($"/api/finance/invoices/{invoices[1].Str("id")}")).Str("status").ShouldBe("Credited");
        Entries(await VoucherOfAsync(admin, note.Str("id"))).ShouldBe([("6001", 75600.00m, 0m), ("222101", 9436.00m, 0m), ("1122", 0m, 85036.00m)]);
        var receivable = await ReceivableAsync(admin, contractId);
        receivable.Str("status").ShouldBe("Paid", "what is left to collect after the credit note has been paid");
        await admin.PostJsonAsync($"/api/finance/invoices/{invoices[1].Str("id")}/credit-note", new { reason = "again" }, HttpStatusCode.Conflict);

        var trial = await admin.GetJsonAsync("/api/finance/reports/trial-balance");
        trial.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        var rows = trial.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Str("accountCode"));
        Dec(rows["1122"], "balanceDebit").ShouldBe(0m);
        Dec(rows["1002"], "balanceDebit").ShouldBe(36444m);
        Dec(rows["6001"], "balanceCredit").ShouldBe(32400m);
    }

    [Fact]
    public async Task Dated_installments_are_invoiced_by_the_daily_review_and_late_ones_turn_overdue_in_the_aging()
    {
        var signed = await SignAsync([
            new { trigger = "OnSigning", percentage = 50m },
            new { trigger = "OnDate", percentage = 50m, dueDate = Today(TimeSpan.FromDays(10)).ToString("yyyy-MM-dd") },
        ]);
        (await InvoicesAsync(signed.Admin, signed.ContractId)).Length.ShouldBe(1);

        await ReviewAsync(signed.Admin, TimeSpan.FromDays(11));
        var invoices = await InvoicesAsync(signed.Admin, signed.ContractId);
        invoices.Length.ShouldBe(2);
        Dec(invoices[1], "grossTotal").ShouldBe(60740m);

        await ReviewAsync(signed.Admin, TimeSpan.FromDays(35));
        (await ReceivableAsync(signed.Admin, signed.ContractId)).Str("status").ShouldBe("Overdue");
        (await signed.Admin.GetJsonAsync($"/api/crm/contracts/{signed.ContractId}")).Str("collectionStatus").ShouldBe("Overdue");

        var asOf = Today(TimeSpan.FromDays(35)).ToString("yyyy-MM-dd");
        var aging = await signed.Admin.GetJsonAsync($"/api/finance/reports/ar-aging?asOf={asOf}");
        var row = aging.GetProperty("rows").EnumerateArray().Single();
        Dec(row, "days1To30").ShouldBe(60740m, "the first invoice was due 30 days after signing: 5 days late");
        Dec(row, "current").ShouldBe(60740m, "the dated invoice, issued on day 11, is due on day 41");
        Dec(row, "total").ShouldBe(121480m);

        var file = await signed.Admin.GetAsync($"/api/finance/reports/ar-aging/export?asOf={asOf}");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = (await file.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        sheet.Count.ShouldBe(2);
        sheet[0]["Customer"].ShouldBe("杭州某某科技有限公司");
        Convert.ToDecimal(sheet[1]["Total"]).ShouldBe(121480m);
    }

    /// <summary>What the nightly schedule does for a tenant: the review job, run by the job worker, as of a later day.</summary>
    private async Task ReviewAsync(HttpClient client, TimeSpan later)
    {
        app.Clock.Offset = later;
        var tenantId = Guid.Parse((await client.GetJsonAsync("/api/account/me")).Str("tenantId"));
        await app.Service<UnitOfWorkRunner>().RunAsync((sp, _) =>
        {
            using (sp.GetRequiredService<ICurrentTenant>().Change(tenantId))
                sp.GetRequiredService<JobQueue>().Enqueue(new ReviewReceivables(Today(later)));
            return Task.CompletedTask;
        });
        await app.RunDueJobsAsync();
    }

    [Fact]
    public async Task Invoices_of_another_tenant_are_invisible_and_recording_payments_needs_its_permission()
    {
        var first = await SignAsync();
        var second = await SignAsync();
        var invoice = (await InvoicesAsync(first.Admin, first.ContractId)).Single();
        await second.Admin.GetJsonAsync($"/api/finance/invoices/{invoice.Str("id")}", HttpStatusCode.NotFound);
        await second.Admin.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments", new { amount = 1m, method = "Cash" }, HttpStatusCode.NotFound);
        (await second.Admin.GetJsonAsync("/api/finance/invoices")).GetProperty("totalCount").GetInt64().ShouldBe(1);

        await first.Admin.PostJsonAsync("/api/identity/users", new
        {
            userName = "viewer", email = "viewer@f.test", name = "Viewer", password = "Viewer123!", isActive = true, roleNames = new[] { "member" },
        }, HttpStatusCode.Created);
        var viewer = await app.LoginAsync(first.Tenant, "viewer", "Viewer123!");
        await viewer.GetJsonAsync("/api/finance/invoices", HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments", new { amount = 1m, method = "Cash" }, HttpStatusCode.Forbidden);
    }
}
