using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Procure-to-Pay end to end through the HTTP API with the real modules: a request approved in OA becomes an order, goods are
/// received into a warehouse at moving-average cost, the supplier's bill is matched three ways, Finance pays it in a payment run,
/// and the order closes; vouchers balance all the way.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProcureToPayTests(BizSuiteFactory app)
{
    private sealed record Setup(Team Team, string WarehouseId, string ProductId, string SupplierId);

    private async Task<Setup> SetUpAsync()
    {
        var team = await Team.CreateAsync(app);
        await PurchasingTests.DefineRequestFlowAsync(team.Admin);
        var warehouse = await team.Admin.PostJsonAsync("/api/inventory/warehouses", new { code = "wh-main", name = "主仓库", isDefault = true }, HttpStatusCode.Created);
        var product = await team.Admin.PostJsonAsync("/api/orders/products", new
        {
            sku = "RAIL-01", name = "机柜导轨", kind = "Product", unit = "套", unitPrice = 200m, defaultVatRate = 0.13m,
        }, HttpStatusCode.Created);
        await team.Admin.PutJsonAsync($"/api/inventory/products/{product.Str("id")}", new { isTracked = true, reorderPoint = 0m });
        await team.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = warehouse.Str("id"), occurredOn = "2026-11-01", reason = "期初库存",
            lines = new[] { new { productId = product.Str("id"), quantity = 10m, unitCost = (decimal?)100m } },
        });
        var supplier = await PurchasingTests.SupplierAsync(team.Admin, "杭州精工五金", PurchasingTests.CodeA, paymentTermDays: 30);
        return new Setup(team, warehouse.Str("id"), product.Str("id"), supplier);
    }

    /// <summary>A confirmed order of 20 rails at 130.00 (13 %) and 5 hours of installation at 40.00 (6 %), from an approved request.</summary>
    private async Task<JsonElement> ApprovedOrderAsync(Setup s)
    {
        var request = await s.Team.Staff.PostJsonAsync("/api/purchasing/requests", new
        {
            neededBy = "2026-12-20", reason = "机房扩容",
            lines = new object[]
            {
                new { productId = s.ProductId, description = "机柜导轨", quantity = 20, estimatedUnitPrice = 130m, supplierId = s.SupplierId, vatRate = 0.13m },
                new { description = "安装服务", quantity = 5, estimatedUnitPrice = 40m, supplierId = s.SupplierId, vatRate = 0.06m },
            },
        }, HttpStatusCode.Created);
        var submitted = await s.Team.Staff.PostJsonAsync($"/api/purchasing/requests/{request.Str("id")}/submit", new { });
        await s.Team.Head.PostJsonAsync($"/api/oa/approvals/{submitted.Str("approvalId")}/approve", new { comment = "同意" });
        var orderId = (await s.Team.Staff.GetJsonAsync($"/api/purchasing/requests/{request.Str("id")}")).GetProperty("orderIds").EnumerateArray().Single().GetString();
        return await s.Team.Admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/confirm", new { });
    }

    private static string Line(JsonElement order, int number) =>
        order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("lineNumber").GetInt32() == number).Str("id");

    private static (string Account, decimal Debit, decimal Credit)[] Entries(JsonElement voucher) => voucher.GetProperty("lines").EnumerateArray()
        .Select(l => (l.Str("accountCode"), l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal())).ToArray();

    private static async Task<JsonElement> VoucherOfAsync(HttpClient admin, string sourceId, string sourceType) =>
        (await admin.GetJsonAsync($"/api/finance/vouchers?sourceId={sourceId}")).GetProperty("items").EnumerateArray().Single(v => v.Str("sourceType") == sourceType);

    private static async Task<JsonElement> StockAsync(Setup s) =>
        (await s.Team.Admin.GetJsonAsync($"/api/inventory/stock?productId={s.ProductId}&warehouseId={s.WarehouseId}")).GetProperty("items").EnumerateArray().Single();

    private static async Task<string> PayableOfAsync(HttpClient admin, string billId) =>
        (await admin.GetJsonAsync($"/api/finance/payables?sourceId={billId}")).GetProperty("items").EnumerateArray().Single().Str("id");

    [Fact]
    public async Task Request_approval_order_receipt_refused_and_matched_bills_and_a_payment_run_close_the_chain_with_balanced_vouchers()
    {
        var s = await SetUpAsync();
        var admin = s.Team.Admin;
        var order = await ApprovedOrderAsync(s);
        var orderId = order.Str("id");
        var (rails, install) = (Line(order, 1), Line(order, 2));

        // Partial receipt: 12 rails accepted and 1 rejected, all the installation.
        var receipt = await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = s.WarehouseId, receivedOn = "2026-12-03",
            lines = new object[]
            {
                new { orderLineId = rails, acceptedQuantity = 12m, rejectedQuantity = 1m, rejectionReason = "导轨变形" },
                new { orderLineId = install, acceptedQuantity = 5m },
            },
        }, HttpStatusCode.Created);
        (await admin.GetJsonAsync($"/api/purchasing/orders/{orderId}")).Str("status").ShouldBe("PartiallyReceived");
        // Stock at moving average: 10 at 100.00 and 12 at 130.00.
        var stock = await StockAsync(s);
        (stock.GetProperty("onHand").GetDecimal(), stock.GetProperty("averageCost").GetDecimal(), stock.GetProperty("value").GetDecimal())
            .ShouldBe((22m, 116.3636m, 2560m));
        Entries(await VoucherOfAsync(admin, receipt.Str("id"), "GoodsReceipt")).ShouldBe([("1405", 1760m, 0m), ("220201", 0m, 1760m)]);
        // Beyond what is still open (8 rails) is refused, and changes nothing.
        (await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = s.WarehouseId, lines = new[] { new { orderLineId = rails, acceptedQuantity = 9m } },
        }, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Purchasing:OverReceipt");
        (await StockAsync(s)).GetProperty("onHand").GetDecimal().ShouldBe(22m);

        // A bill at a higher price and for more than was received is refused, naming both lines.
        var mismatch = await admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId, supplierInvoiceNumber = "33011234", billDate = "2026-12-05",
            lines = new object[] { new { orderLineId = rails, quantity = 12m, unitPrice = 131m }, new { orderLineId = install, quantity = 6m, unitPrice = 40m } },
        }, HttpStatusCode.UnprocessableEntity);
        mismatch.Str("code").ShouldBe("Purchasing:BillMismatch");
        mismatch.GetProperty("lines").EnumerateArray().Select(l => (l.Str("orderLineId"), l.GetProperty("priceMatched").GetBoolean(), l.GetProperty("quantityMatched").GetBoolean()))
            .ShouldBe([(rails, false, true), (install, true, false)]);
        (await admin.GetJsonAsync($"/api/finance/payables?sourceType=supplier-bill")).GetProperty("totalCount").GetInt32().ShouldBe(0);

        var bill = await admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId, supplierInvoiceNumber = "33011234", billDate = "2026-12-05",
            lines = new object[] { new { orderLineId = rails, quantity = 12m, unitPrice = 130m }, new { orderLineId = install, quantity = 5m, unitPrice = 40m } },
        }, HttpStatusCode.Created);
        (bill.GetProperty("netTotal").GetDecimal(), bill.GetProperty("vatTotal").GetDecimal(), bill.GetProperty("grossTotal").GetDecimal(), bill.Str("dueOn"))
            .ShouldBe((1760m, 214.80m, 1974.80m, "2027-01-04"));
        Entries(await VoucherOfAsync(admin, bill.Str("id"), "SupplierBill")).ShouldBe([("220201", 1760m, 0m), ("222102", 214.80m, 0m), ("2202", 0m, 1974.80m)]);
        (await admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId, supplierInvoiceNumber = "33011234", billDate = "2026-12-05", lines = new[] { new { orderLineId = rails, quantity = 1m, unitPrice = 130m } },
        }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Purchasing:DuplicateSupplierInvoice");

        var firstPayable = await PayableOfAsync(admin, bill.Str("id"));
        await admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { firstPayable }, paidOn = "2026-12-10", reference = "付款批次 1" },
            HttpStatusCode.Created);
        var paidBill = await admin.GetJsonAsync($"/api/purchasing/bills/{bill.Str("id")}");
        (paidBill.Str("status"), paidBill.Str("paidOn")).ShouldBe(("Paid", "2026-12-10"));
        (await admin.GetJsonAsync($"/api/purchasing/orders/{orderId}")).Str("status").ShouldBe("PartiallyReceived", "8 rails are still to come");

        // The rest arrives, is billed and paid: the order closes.
        await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = s.WarehouseId, receivedOn = "2026-12-12", lines = new[] { new { orderLineId = rails, acceptedQuantity = 8m } },
        }, HttpStatusCode.Created);
        (await admin.GetJsonAsync($"/api/purchasing/orders/{orderId}")).Str("status").ShouldBe("Received");
        stock = await StockAsync(s);
        (stock.GetProperty("onHand").GetDecimal(), stock.GetProperty("value").GetDecimal()).ShouldBe((30m, 3600m));
        var second = await admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId, supplierInvoiceNumber = "33011299", billDate = "2026-12-13", lines = new[] { new { orderLineId = rails, quantity = 8m, unitPrice = 130m } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/finance/payment-runs", new { payableIds = new[] { await PayableOfAsync(admin, second.Str("id")) }, paidOn = "2026-12-20" },
            HttpStatusCode.Created);
        (await admin.GetJsonAsync($"/api/purchasing/orders/{orderId}")).Str("status").ShouldBe("Closed");

        var trial = await admin.GetJsonAsync("/api/finance/reports/trial-balance?asOf=2027-12-31");
        trial.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        var balances = trial.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Str("accountCode"),
            r => r.GetProperty("debit").GetDecimal() - r.GetProperty("credit").GetDecimal());
        balances.GetValueOrDefault("220201").ShouldBe(0m, "every accrual was billed");
        balances.GetValueOrDefault("2202").ShouldBe(0m, "every bill was paid");
        // The chain from the order reaches its receipts, bills and payments.
        var chain = (await admin.GetJsonAsync($"/api/audit/document-chain/{orderId}")).GetRawText();
        foreach (var type in new[] { "PurchaseOrderCreated", "GoodsReceived", "SupplierBillPosted", "PayablePaid" }) chain.ShouldContain(type);
    }

    [Fact]
    public async Task Two_receipts_of_the_last_units_at_once_never_exceed_the_order()
    {
        var s = await SetUpAsync();
        var order = await ApprovedOrderAsync(s);
        var rails = Line(order, 1);
        var body = new { warehouseId = s.WarehouseId, lines = new[] { new { orderLineId = rails, acceptedQuantity = 20m } } };
        var keeper = await app.LoginAsync(s.Team.Tenant, "admin", "Admin123!");
        var answers = await Task.WhenAll(
            s.Team.Admin.PostAsJsonAsync($"/api/purchasing/orders/{order.Str("id")}/receipts", body),
            keeper.PostAsJsonAsync($"/api/purchasing/orders/{order.Str("id")}/receipts", body));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Single(a => a.StatusCode != HttpStatusCode.Created).StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        var after = await s.Team.Admin.GetJsonAsync($"/api/purchasing/orders/{order.Str("id")}");
        after.GetProperty("lines")[0].GetProperty("receivedQuantity").GetDecimal().ShouldBe(20m);
        (await app.ScalarAsync("SELECT COUNT(*) FROM purchasing_receipts WHERE OrderId = @o", ("@o", order.Str("id")))).ShouldBe(1);
        (await StockAsync(s)).GetProperty("onHand").GetDecimal().ShouldBe(30m);
    }

    [Fact]
    public async Task Receipts_and_bills_refuse_bad_input_and_a_mismatch_is_overridden_only_with_the_permission_and_a_reason()
    {
        var s = await SetUpAsync();
        var admin = s.Team.Admin;
        var order = await ApprovedOrderAsync(s);
        var orderId = order.Str("id");
        var rails = Line(order, 1);
        (await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = Guid.NewGuid().ToString(), lines = new[] { new { orderLineId = rails, acceptedQuantity = 1m } },
        }, HttpStatusCode.UnprocessableEntity)).FieldErrors("warehouseId").ShouldHaveSingleItem();
        (await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = s.WarehouseId, lines = new[] { new { orderLineId = rails, acceptedQuantity = 1.00001m, rejectedQuantity = 1m, rejectionReason = "" } },
        }, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["lines[0].acceptedQuantity", "lines[0].rejectionReason"], ignoreOrder: true);
        await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = s.WarehouseId, lines = new[] { new { orderLineId = rails, acceptedQuantity = 10m } },
        }, HttpStatusCode.Created);

        // An AP clerk without the override permission cannot post a mismatch; the admin can, with a reason.
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "ap" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new
        {
            grantedPermissions = new[] { "Purchasing.Orders", "Purchasing.Bills", "Purchasing.Bills.Manage" },
        }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users", new { userName = "clerk", email = "clerk@x.test", name = "应付会计", password = "Clerk123!", isActive = true,
            roleNames = new[] { "ap" } }, HttpStatusCode.Created);
        var clerk = await app.LoginAsync(s.Team.Tenant, "clerk", "Clerk123!");
        object Bill(bool @override, string? reason) => new
        {
            orderId, supplierInvoiceNumber = "INV-9", billDate = "2026-12-05", lines = new[] { new { orderLineId = rails, quantity = 10m, unitPrice = 135m } },
            @override, overrideReason = reason,
        };
        var match = await clerk.PostJsonAsync("/api/purchasing/bills/match", Bill(false, null));
        (match.GetProperty("matched").GetBoolean(), match.GetProperty("lines")[0].GetProperty("orderedUnitPrice").GetDecimal()).ShouldBe((false, 130m));
        await clerk.PostJsonAsync("/api/purchasing/bills", Bill(true, "运费上涨"), HttpStatusCode.Forbidden);
        await admin.PostJsonAsync("/api/purchasing/bills", Bill(true, " "), HttpStatusCode.BadRequest);
        var overridden = await admin.PostJsonAsync("/api/purchasing/bills", Bill(true, "运费上涨，采购经理已确认"), HttpStatusCode.Created);
        (overridden.GetProperty("overridden").GetBoolean(), overridden.Str("overrideReason"), overridden.GetProperty("netTotal").GetDecimal())
            .ShouldBe((true, "运费上涨，采购经理已确认", 1350m));
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_entity_changes WHERE EntityId = @id", ("@id", overridden.Str("id")))).ShouldBeGreaterThan(0);

        // A cancelled order takes no receipt.
        var other = await admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId = s.SupplierId, lines = new[] { new { description = "螺丝", quantity = 10, unitPrice = 2m, vatRate = 0.13m } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/purchasing/orders/{other.Str("id")}/cancel", new { });
        (await admin.PostJsonAsync($"/api/purchasing/orders/{other.Str("id")}/receipts", new
        {
            warehouseId = s.WarehouseId, lines = new[] { new { orderLineId = Line(other, 1), acceptedQuantity = 1m } },
        }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Purchasing:OrderNotReceivable");
    }

    [Fact]
    public async Task A_requester_picks_a_catalogue_product_without_catalogue_access_and_its_receipt_raises_stock()
    {
        var s = await SetUpAsync();
        (await s.Team.Staff.GetAsync("/api/orders/products")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var choices = await s.Team.Staff.GetJsonAsync("/api/purchasing/requests/product-choices?filter=导轨");
        var rail = choices.EnumerateArray().ShouldHaveSingleItem();
        (rail.Str("id"), rail.Str("sku"), rail.Str("unit"), rail.GetProperty("defaultVatRate").GetDecimal()).ShouldBe((s.ProductId, "RAIL-01", "套", 0.13m));
        (await s.Team.Staff.GetJsonAsync("/api/purchasing/requests/product-choices?filter=nothing-like-it")).GetArrayLength().ShouldBe(0);
        (await s.Team.Staff.GetJsonAsync($"/api/purchasing/requests/product-choices?id={s.ProductId}"))[0].Str("name").ShouldBe("机柜导轨");
        (await s.Team.Staff.GetJsonAsync($"/api/purchasing/requests/product-choices?id={Guid.NewGuid()}")).GetArrayLength().ShouldBe(0);

        var order = await ApprovedOrderAsync(s);
        Line(order, 1).ShouldNotBeNull();
        order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("lineNumber").GetInt32() == 1).Str("productId").ShouldBe(s.ProductId);
        await s.Team.Admin.PostJsonAsync($"/api/purchasing/orders/{order.Str("id")}/receipts", new
        {
            warehouseId = s.WarehouseId, lines = new[] { new { orderLineId = Line(order, 1), acceptedQuantity = 4m } },
        }, HttpStatusCode.Created);
        (await StockAsync(s)).GetProperty("onHand").GetDecimal().ShouldBe(14m);
    }

    private static bool IsReorderLink(JsonElement notification) =>
        notification.GetProperty("link").GetString()?.StartsWith("/purchasing/requests/new?") == true;

    [Fact]
    public async Task Falling_below_the_reorder_point_notifies_the_buyers_with_a_request_prefilled_from_the_last_order()
    {
        var s = await SetUpAsync();
        var admin = s.Team.Admin;
        await admin.PutJsonAsync($"/api/inventory/products/{s.ProductId}", new { isTracked = true, reorderPoint = 8.5m });
        await ApprovedOrderAsync(s); // the last order: 130.00 from the supplier

        await admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "报损", lines = new[] { new { productId = s.ProductId, quantity = -3m, unitCost = (decimal?)null } },
        });

        // The admin holds Purchasing.Orders.Manage (a buyer); the requester and the department head do not.
        var alert = (await admin.GetJsonAsync("/api/oa/notifications")).GetProperty("items").EnumerateArray()
            .Where(IsReorderLink).ShouldHaveSingleItem();
        alert.Str("link").ShouldBe($"/purchasing/requests/new?productId={s.ProductId}&quantity=1.5&supplierId={s.SupplierId}&price=130");
        alert.Str("title").ShouldContain("RAIL-01");
        alert.Str("title").ShouldContain("主仓库");
        foreach (var user in new[] { s.Team.Staff, s.Team.Head })
            (await user.GetJsonAsync("/api/oa/notifications")).GetProperty("items").EnumerateArray()
                .Count(IsReorderLink).ShouldBe(0);

        // Still below: no second notification until the stock has risen above the point again.
        await admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "报损", lines = new[] { new { productId = s.ProductId, quantity = -1m, unitCost = (decimal?)null } },
        });
        (await admin.GetJsonAsync("/api/oa/notifications")).GetProperty("items").EnumerateArray()
            .Count(IsReorderLink).ShouldBe(1);

        // With a reorder quantity the suggestion orders that much: refilled above the point, the next fall suggests 40.
        (await admin.PutJsonAsync($"/api/inventory/products/{s.ProductId}", new { isTracked = true, reorderPoint = 8.5m, reorderQuantity = 0m },
            HttpStatusCode.BadRequest)).FieldErrors("reorderQuantity").ShouldNotBeEmpty();
        (await admin.PutJsonAsync($"/api/inventory/products/{s.ProductId}", new { isTracked = true, reorderPoint = 8.5m, reorderQuantity = 40m }))
            .GetProperty("reorderQuantity").GetDecimal().ShouldBe(40m);
        foreach (var quantity in new[] { 5m, -3m })
            await admin.PostJsonAsync("/api/inventory/adjustments", new
            {
                warehouseId = s.WarehouseId, reason = "调整", lines = new[] { new { productId = s.ProductId, quantity, unitCost = quantity > 0 ? (decimal?)100m : null } },
            });
        var links = (await admin.GetJsonAsync("/api/oa/notifications")).GetProperty("items").EnumerateArray().Where(IsReorderLink)
            .Select(n => n.Str("link")).ToList();
        links.Count.ShouldBe(2);
        links.ShouldContain($"/purchasing/requests/new?productId={s.ProductId}&quantity=40&supplierId={s.SupplierId}&price=130");
    }

    [Fact]
    public async Task A_bill_dearer_within_the_tolerance_revalues_the_stock_still_on_hand_and_books_the_sold_share_to_cost_of_sales()
    {
        var s = await SetUpAsync();
        var admin = s.Team.Admin;
        (await admin.PutAsync("/api/settings", System.Net.Http.Json.JsonContent.Create(new Dictionary<string, string> { ["Purchasing.PriceTolerance"] = "2" })))
            .EnsureSuccessStatusCode();
        var order = await ApprovedOrderAsync(s);
        var orderId = order.Str("id");
        var (rails, install) = (Line(order, 1), Line(order, 2));
        await admin.PostJsonAsync($"/api/purchasing/orders/{orderId}/receipts", new
        {
            warehouseId = s.WarehouseId, receivedOn = "2026-12-03",
            lines = new object[] { new { orderLineId = rails, acceptedQuantity = 12m }, new { orderLineId = install, acceptedQuantity = 5m } },
        }, HttpStatusCode.Created);
        // 10 at 100.00 and 12 at 130.00 (2,560.00); 16 leave at the average, 6 stay worth 698.18.
        await admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "报损", lines = new[] { new { productId = s.ProductId, quantity = -16m, unitCost = (decimal?)null } },
        });

        // The supplier charges 132.00 for the rails and 40.40 for the installation: within 2 %, so the bill posts.
        var bill = await admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId, supplierInvoiceNumber = "33019999", billDate = "2026-12-05",
            lines = new object[] { new { orderLineId = rails, quantity = 12m, unitPrice = 132m }, new { orderLineId = install, quantity = 5m, unitPrice = 40.40m } },
        }, HttpStatusCode.Created);
        Entries(await VoucherOfAsync(admin, bill.Str("id"), "SupplierBill"))
            .ShouldBe([("220201", 1760m, 0m), ("1405", 26m, 0m), ("222102", 218.04m, 0m), ("2202", 0m, 2004.04m)]);
        // Half the billed rails are still here: they take 12.00 of the 24.00, the 12.00 of those gone becomes cost of sales.
        Entries(await VoucherOfAsync(admin, bill.Str("id"), "StockRevaluation")).ShouldBe([("6401", 12m, 0m), ("1405", 0m, 12m)]);
        var stock = await StockAsync(s);
        (stock.GetProperty("onHand").GetDecimal(), stock.GetProperty("value").GetDecimal(), stock.GetProperty("averageCost").GetDecimal())
            .ShouldBe((6m, 710.18m, 118.3633m));
        var ledger = await admin.GetJsonAsync($"/api/inventory/movements?productId={s.ProductId}&take=100");
        ledger.GetProperty("totalCount").GetInt64().ShouldBe(ledger.GetProperty("items").GetArrayLength(), "the total, read from the balances' counts, has the revaluation row too");
        (await admin.GetJsonAsync($"/api/inventory/movements?productId={s.ProductId}&kind=Revaluation")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        var movement = ledger.GetProperty("items").EnumerateArray().Single(m => m.Str("kind") == "Revaluation");
        (movement.GetProperty("quantity").GetDecimal(), movement.GetProperty("value").GetDecimal(), movement.Str("sourceNumber")).ShouldBe((0m, 12m, bill.Str("number")));

        var trial = await admin.GetJsonAsync("/api/finance/reports/trial-balance?asOf=2027-12-31");
        trial.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        trial.GetProperty("rows").EnumerateArray().Where(r => r.Str("accountCode") == "220201")
            .Sum(r => r.GetProperty("debit").GetDecimal() - r.GetProperty("credit").GetDecimal()).ShouldBe(0m, "the accrual is cleared");
    }
}
