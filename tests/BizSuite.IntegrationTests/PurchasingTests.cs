using System.Net;
using System.Text;
using System.Text.Json;
using BizSuite.Kernel;
using BizSuite.Tests;
using MimeKit;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Purchasing over HTTP: suppliers, requests approved in OA turning into orders, the buyer's adjustments, bad input, tenants apart.</summary>
[Collection(ApiCollection.Name)]
public sealed class PurchasingTests(BizSuiteFactory app)
{
    internal const string CodeA = "91330100MA2H00001P";
    internal const string CodeB = "91310000MA1K00002C";

    internal static async Task<string> SupplierAsync(HttpClient admin, string name, string? creditCode = null, int paymentTermDays = 30) =>
        (await admin.PostJsonAsync("/api/purchasing/suppliers", new
        {
            name, creditCode, bankName = "招商银行杭州分行", bankAccount = "5719 0000 0001", contactName = "赵经理", contactPhone = "0571-88880000",
            contactEmail = "sales@supplier.test", paymentTermDays,
        }, HttpStatusCode.Created)).Str("id");

    /// <summary>The staff's purchase requests go to their department head.</summary>
    internal static async Task DefineRequestFlowAsync(HttpClient admin) =>
        await admin.PostJsonAsync("/api/oa/approval-flows", new
        {
            documentType = "purchase-request", name = "请购审批", steps = new object[] { new { rule = "DepartmentHead", condition = "Always" } },
        }, HttpStatusCode.Created);

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string url) =>
        (await client.GetJsonAsync(url)).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task Suppliers_are_checked_unique_in_their_tenant_exported_and_imported()
    {
        var tenant = await app.CreateTenantAsync("pu");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var id = await SupplierAsync(admin, "杭州精工五金", CodeA, 45);
        var supplier = await admin.GetJsonAsync($"/api/purchasing/suppliers/{id}");
        (supplier.Str("taxId"), supplier.Str("currency"), supplier.GetProperty("paymentTermDays").GetInt32(), supplier.GetProperty("isActive").GetBoolean())
            .ShouldBe((CodeA, "CNY", 45, true));

        (await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "重复", creditCode = CodeA }, HttpStatusCode.Conflict))
            .FieldErrors("creditCode").ShouldHaveSingleItem();
        (await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "坏码", creditCode = "91310000MA1K000010" }, HttpStatusCode.BadRequest))
            .Str("code").ShouldBe("Purchasing:InvalidCreditCode");
        (await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "", paymentTermDays = -1, contactEmail = "not-mail" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["name", "paymentTermDays", "contactEmail"], ignoreOrder: true);
        var renamed = await admin.PutJsonAsync($"/api/purchasing/suppliers/{id}", new { name = "杭州精工五金有限公司", creditCode = CodeA, paymentTermDays = 60 });
        (renamed.Str("name"), renamed.GetProperty("paymentTermDays").GetInt32()).ShouldBe(("杭州精工五金有限公司", 60));

        // Another tenant neither sees nor touches it, and may use the same credit code.
        var other = await app.LoginAsync(await app.CreateTenantAsync("pu"), "admin", "Admin123!");
        await other.GetJsonAsync($"/api/purchasing/suppliers/{id}", HttpStatusCode.NotFound);
        await other.PutJsonAsync($"/api/purchasing/suppliers/{id}", new { name = "x" }, HttpStatusCode.NotFound);
        (await other.GetJsonAsync("/api/purchasing/suppliers")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        await SupplierAsync(other, "同码供应商", CodeA);

        var csv = Encoding.UTF8.GetBytes($"供应商名称,统一社会信用代码,联系人,账期（天）\n上海纸业,{CodeB},钱先生,15\n重复码,{CodeA},,\n");
        var preview = await admin.UploadAsync("/api/purchasing/suppliers/import/preview", csv, "suppliers.csv");
        (preview.GetProperty("validCount").GetInt32(), preview.GetProperty("errorCount").GetInt32()).ShouldBe((1, 1));
        await admin.UploadAsync("/api/purchasing/suppliers/import", csv, "suppliers.csv", HttpStatusCode.UnprocessableEntity);
        var good = Encoding.UTF8.GetBytes($"供应商名称,统一社会信用代码,联系人,账期（天）\n上海纸业,{CodeB},钱先生,15\n");
        (await admin.UploadAsync("/api/purchasing/suppliers/import", good, "suppliers.csv")).GetProperty("imported").GetInt32().ShouldBe(1);
        var imported = (await ItemsAsync(admin, "/api/purchasing/suppliers?filter=上海纸业")).ShouldHaveSingleItem();
        (imported.Str("contactName"), imported.GetProperty("paymentTermDays").GetInt32()).ShouldBe(("钱先生", 15));

        var export = await admin.GetAsync("/api/purchasing/suppliers?sort=name&format=xlsx");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows.Select(r => r["Name"]).ShouldBe(["上海纸业", "杭州精工五金有限公司"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_approved_request_becomes_one_draft_order_per_supplier_which_the_buyer_adjusts_and_confirms()
    {
        var team = await Team.CreateAsync(app);
        await DefineRequestFlowAsync(team.Admin);
        var bolts = await SupplierAsync(team.Admin, "杭州精工五金", CodeA);
        var paper = await SupplierAsync(team.Admin, "上海纸业", CodeB);
        var request = await team.Staff.PostJsonAsync("/api/purchasing/requests", new
        {
            neededBy = "2026-12-20", reason = "门店补货",
            lines = new object[]
            {
                new { description = "螺丝 M6", quantity = 100, estimatedUnitPrice = 0.5m, supplierId = bolts },
                new { description = "A4 纸", quantity = 20, estimatedUnitPrice = 25m, supplierId = paper, vatRate = 0.13m },
                new { description = "扳手", quantity = 2, estimatedUnitPrice = 35.5m, supplierId = bolts, vatRate = 0.09m },
            },
        }, HttpStatusCode.Created);
        (request.Str("status"), request.Str("requesterName"), request.GetProperty("estimatedTotal").GetDecimal()).ShouldBe(("Draft", "李销售", 621m));
        request.Str("departmentId").ShouldBe(team.DepartmentId);
        request.Str("number").ShouldBe($"QG{DateTime.UtcNow.Year}00001");
        var id = request.Str("id");

        var submitted = await team.Staff.PostJsonAsync($"/api/purchasing/requests/{id}/submit", new { });
        submitted.Str("status").ShouldBe("Submitted");
        await team.Staff.PutJsonAsync($"/api/purchasing/requests/{id}", new { neededBy = "2026-12-21", reason = "改", lines = new[] { new { description = "x", quantity = 1, estimatedUnitPrice = 1 } } },
            HttpStatusCode.Conflict);
        // The head's inbox links to the request.
        var inbox = await ItemsAsync(team.Head, "/api/oa/approvals");
        inbox.ShouldContain(a => a.Str("documentType") == "purchase-request" && a.Str("link") == $"/purchasing/requests/{id}");
        await team.Head.PostJsonAsync($"/api/oa/approvals/{submitted.Str("approvalId")}/approve", new { comment = "同意" });

        var approved = await team.Staff.GetJsonAsync($"/api/purchasing/requests/{id}");
        approved.Str("status").ShouldBe("Approved");
        approved.GetProperty("orderIds").GetArrayLength().ShouldBe(2);
        var orders = await ItemsAsync(team.Admin, $"/api/purchasing/orders?requestId={id}&sort=number");
        orders.Select(o => (o.Str("number"), o.Str("supplierName"), o.Str("status"), o.GetProperty("grossTotal").GetDecimal())).ShouldBe([
            ($"CG{DateTime.UtcNow.Year}00001", "杭州精工五金", "Draft", 50m + 6.5m + 71m + 6.39m),
            ($"CG{DateTime.UtcNow.Year}00002", "上海纸业", "Draft", 500m + 65m),
        ]);
        var order = orders[0];
        (order.Str("requestNumber"), order.Str("expectedOn")).ShouldBe((request.Str("number"), "2026-12-20"));
        order.GetProperty("lines").EnumerateArray().Select(l => l.Str("description")).ShouldBe(["螺丝 M6", "扳手"]);
        // The chain is journalled: request approved, then the orders it caused.
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE EventType LIKE '%PurchaseOrderCreated' AND Payload LIKE @r",
            ("@r", $"%{id}%"))).ShouldBe(2);

        // The buyer agrees a lower price before confirming; then the order is fixed.
        var orderId = order.Str("id");
        var adjusted = await team.Admin.PutJsonAsync($"/api/purchasing/orders/{orderId}", new
        {
            supplierId = bolts, expectedOn = "2026-12-18",
            lines = new object[] { new { description = "螺丝 M6", quantity = 120, unitPrice = 0.45m, vatRate = 0.13m }, new { description = "扳手", quantity = 2, unitPrice = 35.5m, vatRate = 0.09m } },
        });
        (adjusted.GetProperty("netTotal").GetDecimal(), adjusted.Str("expectedOn")).ShouldBe((54m + 71m, "2026-12-18"));
        (await team.Admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/confirm", new { })).Str("status").ShouldBe("Confirmed");
        (await team.Admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/confirm", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Purchasing:OrderNotDraft");
        (await team.Admin.PostJsonAsync($"/api/purchasing/orders/{orders[1].Str("id")}/cancel", new { })).Str("status").ShouldBe("Cancelled");
        // A member may raise requests but not buy.
        await team.Staff.PostJsonAsync($"/api/purchasing/orders/{orderId}/cancel", new { }, HttpStatusCode.Forbidden);
        await team.Staff.GetJsonAsync("/api/purchasing/orders", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_rejected_or_withdrawn_request_returns_to_draft_and_creates_no_order()
    {
        var team = await Team.CreateAsync(app);
        await DefineRequestFlowAsync(team.Admin);
        var supplier = await SupplierAsync(team.Admin, "杭州精工五金", CodeA);
        var body = new { neededBy = "2026-12-20", reason = "办公", lines = new[] { new { description = "椅子", quantity = 3, estimatedUnitPrice = 300m, supplierId = supplier } } };
        var id = (await team.Staff.PostJsonAsync("/api/purchasing/requests", body, HttpStatusCode.Created)).Str("id");
        var submitted = await team.Staff.PostJsonAsync($"/api/purchasing/requests/{id}/submit", new { });
        await team.Head.PostJsonAsync($"/api/oa/approvals/{submitted.Str("approvalId")}/reject", new { comment = "预算不足" });
        var rejected = await team.Staff.GetJsonAsync($"/api/purchasing/requests/{id}");
        (rejected.Str("status"), rejected.Str("rejectionComment")).ShouldBe(("Draft", "预算不足"));

        var again = await team.Staff.PostJsonAsync($"/api/purchasing/requests/{id}/submit", new { });
        await team.Staff.PostJsonAsync($"/api/oa/approvals/{again.Str("approvalId")}/withdraw", new { });
        (await team.Staff.GetJsonAsync($"/api/purchasing/requests/{id}")).Str("status").ShouldBe("Draft");
        (await app.ScalarAsync("SELECT COUNT(*) FROM purchasing_orders WHERE RequestId = @id", ("@id", id))).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_fields_and_writes_nothing()
    {
        var team = await Team.CreateAsync(app);
        var supplier = await SupplierAsync(team.Admin, "杭州精工五金", CodeA);
        var bad = await team.Staff.PostJsonAsync("/api/purchasing/requests", new
        {
            neededBy = "2026-12-20", reason = "x",
            lines = new[] { new { description = "螺丝", quantity = 0.00001m, estimatedUnitPrice = 1.005m, supplierId = supplier } },
        }, HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["lines[0].quantity", "lines[0].estimatedUnitPrice"], ignoreOrder: true);
        var unknown = await team.Staff.PostJsonAsync("/api/purchasing/requests", new
        {
            neededBy = "2026-12-20", reason = "x",
            lines = new[] { new { description = "螺丝", quantity = 1, estimatedUnitPrice = 1m, supplierId = Guid.NewGuid().ToString() } },
        }, HttpStatusCode.UnprocessableEntity);
        (unknown.Str("code"), unknown.FieldErrors("lines[0].supplierId").Length).ShouldBe(("Purchasing:UnknownSupplier", 1));
        (await team.Staff.PostJsonAsync("/api/purchasing/requests", new
        {
            neededBy = "2026-12-20", reason = "x",
            lines = new[] { new { productId = Guid.NewGuid().ToString(), description = "螺丝", quantity = 1, estimatedUnitPrice = 1m, supplierId = supplier } },
        }, HttpStatusCode.UnprocessableEntity)).FieldErrors("lines[0].productId").ShouldHaveSingleItem();
        (await app.ScalarAsync("SELECT COUNT(*) FROM purchasing_requests WHERE TenantId = (SELECT Id FROM saas_tenants WHERE Name = @t)", ("@t", team.Tenant)))
            .ShouldBe(0);

        // A request without a supplier on a line cannot be submitted; a member sees only their own requests.
        var draft = await team.Staff.PostJsonAsync("/api/purchasing/requests", new
        {
            neededBy = "2026-12-20", reason = "x", lines = new[] { new { description = "螺丝", quantity = 1, estimatedUnitPrice = 1m } },
        }, HttpStatusCode.Created);
        (await team.Staff.PostJsonAsync($"/api/purchasing/requests/{draft.Str("id")}/submit", new { }, HttpStatusCode.UnprocessableEntity))
            .FieldErrors("lines[0].supplierId").ShouldHaveSingleItem();
        await team.Head.GetJsonAsync($"/api/purchasing/requests/{draft.Str("id")}", HttpStatusCode.NotFound);
        await team.Head.GetJsonAsync("/api/purchasing/requests?all=true", HttpStatusCode.Forbidden);
        (await team.Admin.GetJsonAsync("/api/purchasing/requests?all=true")).GetProperty("totalCount").GetInt32().ShouldBe(1);

        var order = await team.Admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId = supplier, lines = new[] { new { description = "螺丝", quantity = 10, unitPrice = 2m, vatRate = 0.13m } },
        }, HttpStatusCode.Created);
        (await team.Admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId = Guid.NewGuid().ToString(), lines = new[] { new { description = "螺丝", quantity = 10, unitPrice = 2m, vatRate = 0.13m } },
        }, HttpStatusCode.UnprocessableEntity)).FieldErrors("supplierId").ShouldHaveSingleItem();
        (await team.Admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId = supplier, lines = new[] { new { description = "", quantity = -1, unitPrice = 2.001m, vatRate = 2m } },
        }, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["lines[0].description", "lines[0].quantity", "lines[0].unitPrice", "lines[0].vatRate"], ignoreOrder: true);
        // A draft takes no receipt and no bill.
        (await team.Admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId = order.Str("id"), supplierInvoiceNumber = "INV-1", billDate = "2026-12-05",
            lines = new[] { new { orderLineId = order.GetProperty("lines")[0].Str("id"), quantity = 1, unitPrice = 2m } },
        }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Purchasing:OrderNotBillable");

        var other = await Team.CreateAsync(app);
        await other.Admin.GetJsonAsync($"/api/purchasing/orders/{order.Str("id")}", HttpStatusCode.NotFound);
        await other.Admin.PostJsonAsync($"/api/purchasing/orders/{order.Str("id")}/confirm", new { }, HttpStatusCode.NotFound);
        (await other.Admin.GetJsonAsync("/api/purchasing/orders")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_purchase_order_prints_in_both_languages_and_is_mailed_to_the_supplier_through_the_job_store()
    {
        var tenant = await app.CreateTenantAsync("pu");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var supplier = await SupplierAsync(admin, "杭州精工五金", CodeA);
        var order = await admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId = supplier, expectedOn = "2026-12-20",
            lines = new[] { new { description = "机柜导轨", quantity = 10, unitPrice = 180m, vatRate = 0.13m } },
        }, HttpStatusCode.Created);
        var id = order.Str("id");
        order.Str("number").ShouldBe($"CG{DateTime.UtcNow.Year}00001");

        var zh = PdfText.Read(await admin.GetByteArrayAsync($"/api/purchasing/orders/{id}/pdf?lang=zh-CN"), "purchase-order-zh");
        zh.All.ShouldContain("采购订单");
        zh.All.ShouldContain("杭州精工五金");
        zh.All.ShouldContain("2,034.00");
        zh.All.ShouldContain("贰仟零叁拾肆元整");
        zh.NotCoveredBy(app.Service<DocumentRenderer>().FontFace).ShouldBeEmpty();
        var en = PdfText.Read(await admin.GetByteArrayAsync($"/api/purchasing/orders/{id}/pdf?lang=en"), "purchase-order-en");
        en.All.ShouldContain("Purchase Order");
        en.All.ShouldContain("Total incl. VAT");
        (await admin.GetAsync($"/api/purchasing/orders/{id}/pdf?lang=fr")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // No mail server yet: refused, and nothing queued.
        (await admin.PostJsonAsync($"/api/purchasing/orders/{id}/email", new { }, HttpStatusCode.UnprocessableEntity)).Str("code")
            .ShouldBe("Purchasing:MailNotConfigured");
        await admin.PutAsync("/api/settings", System.Net.Http.Json.JsonContent.Create(new Dictionary<string, string>
        {
            ["Kernel.Smtp.Host"] = "127.0.0.1", ["Kernel.Smtp.Port"] = app.Smtp.Port.ToString(), ["Kernel.Smtp.Security"] = "None",
            ["Kernel.Smtp.From"] = "采购 <buyer@m.test>",
        }));
        (await admin.PostAsync($"/api/purchasing/orders/{id}/email", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var before = app.Smtp.Messages.Count;
        await app.RunDueJobsAsync();
        var mail = app.Smtp.Messages.Skip(before).Where(m => m.To.Mailboxes.Any(a => a.Address == "sales@supplier.test")).ShouldHaveSingleItem();
        mail.Subject!.ShouldContain(order.Str("number"));
        var pdf = mail.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        pdf.FileName.ShouldBe($"{order.Str("number")}.pdf");
    }
}
