using System.Net;
using System.Text.Json;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Purchasing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Stock (进销存) through the API: warehouses, tracked products, opening stock, deliveries at average cost, receipts, stocktakes.</summary>
[Collection(ApiCollection.Name)]
public sealed class InventoryTests(BizSuiteFactory app)
{
    private sealed record Stocked(string Tenant, Guid TenantId, HttpClient Admin, string WarehouseId, string ProductId);

    /// <summary>A tenant with its (default) main warehouse and a tracked server product holding 10 at 100.00 and 5 at 130.00 (average 110.00).</summary>
    private async Task<Stocked> StockedAsync(decimal first = 10m, decimal second = 5m, decimal reorderPoint = 0m)
    {
        var tenant = await app.CreateTenantAsync("inv");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var tenantId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        var warehouse = await admin.PostJsonAsync("/api/inventory/warehouses", new { code = "wh-main", name = "主仓库", isDefault = false }, HttpStatusCode.Created);
        var product = await admin.PostJsonAsync("/api/orders/products", new
        {
            sku = "SRV-R750", name = "机架式服务器", kind = "Product", unit = "台", unitPrice = 25000m, defaultVatRate = 0.13m,
        }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/inventory/products/{product.Str("id")}", new { isTracked = true, reorderPoint });
        await admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = warehouse.Str("id"), occurredOn = "2026-11-01", reason = "期初库存",
            lines = new[] { new { productId = product.Str("id"), quantity = first, unitCost = (decimal?)100m } },
        });
        if (second > 0)
            await admin.PostJsonAsync("/api/inventory/adjustments", new
            {
                warehouseId = warehouse.Str("id"), reason = "补录", lines = new[] { new { productId = product.Str("id"), quantity = second, unitCost = (decimal?)130m } },
            });
        return new Stocked(tenant, tenantId, admin, warehouse.Str("id"), product.Str("id"));
    }

    /// <summary>A signed contract (100 % on signing) selling <paramref name="quantity"/> of the product; returns its sales order.</summary>
    private static async Task<JsonElement> OrderAsync(HttpClient admin, string productId, decimal quantity)
    {
        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = $"客户{Guid.NewGuid():N}"[..10] }, HttpStatusCode.Created);
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "服务器销售",
            customerId = customer.Str("id"),
            lines = new[] { new { productId = (string?)productId, description = "机架式服务器", quantity, unitPrice = 25000m, discountRate = 0m, vatRate = 0.13m } },
            installments = new[] { new { trigger = "OnSigning", percentage = 100m } },
        }, HttpStatusCode.Created);
        var id = contract.Str("id");
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await SignedContract.ApproveAsync(admin, id);
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { });
        return (await admin.GetJsonAsync($"/api/orders/sales-orders?contractId={id}")).GetProperty("items")[0];
    }

    private static Task<HttpResponseMessage> DeliverAsync(HttpClient admin, JsonElement order, decimal quantity) =>
        admin.PostAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", System.Net.Http.Json.JsonContent.Create(new
        {
            deliveredOn = "2026-12-01", lines = new[] { new { orderLineId = order.GetProperty("lines")[0].Str("id"), quantity } },
        }));

    private static async Task<JsonElement> LevelAsync(HttpClient admin, string productId) =>
        (await admin.GetJsonAsync($"/api/inventory/stock?productId={productId}")).GetProperty("items").EnumerateArray().Single();

    private static async Task<JsonElement[]> EventsAsync(HttpClient admin, string correlationId) =>
        (await admin.GetJsonAsync($"/api/audit/events?correlationId={correlationId}&take=100")).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task Opening_stock_sets_on_hand_and_the_moving_average_and_the_ledger_shows_each_movement()
    {
        var s = await StockedAsync();

        var level = await LevelAsync(s.Admin, s.ProductId);
        (level.GetProperty("onHand").GetDecimal(), level.GetProperty("averageCost").GetDecimal(), level.GetProperty("value").GetDecimal())
            .ShouldBe((15m, 110m, 1650m));
        level.Str("warehouseName").ShouldBe("主仓库");

        var ledger = (await s.Admin.GetJsonAsync($"/api/inventory/movements?productId={s.ProductId}")).GetProperty("items").EnumerateArray().ToArray();
        ledger.Select(m => (m.Str("kind"), m.GetProperty("quantity").GetDecimal(), m.GetProperty("value").GetDecimal(), m.GetProperty("onHandAfter").GetDecimal()))
            .ShouldBe([("Adjustment", 5m, 650m, 15m), ("Adjustment", 10m, 1000m, 10m)], "newest first");
        ledger[1].Str("sourceNumber").ShouldStartWith($"TZ2026");
        var item = (await s.Admin.GetJsonAsync("/api/inventory/products")).GetProperty("items").EnumerateArray().Single();
        (item.Str("sku"), item.GetProperty("isTracked").GetBoolean(), item.GetProperty("onHand").GetDecimal()).ShouldBe(("SRV-R750", true, 15m));
        var warehouses = (await s.Admin.GetJsonAsync("/api/inventory/warehouses")).GetProperty("items").EnumerateArray().Single();
        (warehouses.Str("code"), warehouses.GetProperty("isDefault").GetBoolean()).ShouldBe(("WH-MAIN", true), "the first warehouse is the default");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_moves()
    {
        var s = await StockedAsync();
        var service = await s.Admin.PostJsonAsync("/api/orders/products", new
        {
            sku = "SVC-IMPL", name = "实施服务", kind = "Service", unit = "小时", unitPrice = 1000m, defaultVatRate = 0.06m,
        }, HttpStatusCode.Created);

        (await s.Admin.PutJsonAsync($"/api/inventory/products/{service.Str("id")}", new { isTracked = true, reorderPoint = 0m }, HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe(InventoryErrors.ServiceNotStockTracked);
        await s.Admin.PutJsonAsync($"/api/inventory/products/{Guid.NewGuid()}", new { isTracked = true, reorderPoint = 0m }, HttpStatusCode.NotFound);
        (await s.Admin.PutJsonAsync($"/api/inventory/products/{s.ProductId}", new { isTracked = false, reorderPoint = 0m }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe(InventoryErrors.StockStillOnHand);
        (await s.Admin.PostJsonAsync("/api/inventory/warehouses", new { code = "WH-MAIN", name = "重复", isDefault = false }, HttpStatusCode.Conflict))
            .FieldErrors("code").ShouldNotBeEmpty();
        (await s.Admin.PostJsonAsync("/api/inventory/warehouses", new { code = "仓库一", name = "坏编码", isDefault = false }, HttpStatusCode.BadRequest))
            .FieldErrors("code").ShouldNotBeEmpty();

        var precision = await s.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "x", lines = new[] { new { productId = s.ProductId, quantity = 1.00001m, unitCost = (decimal?)1.001m } },
        }, HttpStatusCode.BadRequest);
        precision.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["lines[0].quantity", "lines[0].unitCost"], ignoreOrder: true);
        await s.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "x", lines = new[] { new { productId = s.ProductId, quantity = 0m, unitCost = (decimal?)null } },
        }, HttpStatusCode.BadRequest);
        (await s.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = Guid.NewGuid(), reason = "x", lines = new[] { new { productId = s.ProductId, quantity = 1m, unitCost = (decimal?)1m } },
        }, HttpStatusCode.UnprocessableEntity)).FieldErrors("warehouseId").ShouldNotBeEmpty();

        // Two lines, the second beyond on-hand: the first does not move either.
        var tooMuch = await s.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "报损",
            lines = new[] { new { productId = s.ProductId, quantity = -1m, unitCost = (decimal?)null }, new { productId = s.ProductId, quantity = -15m, unitCost = (decimal?)null } },
        }, HttpStatusCode.UnprocessableEntity);
        tooMuch.Str("code").ShouldBe(InventoryErrors.InsufficientStock);
        tooMuch.FieldErrors("lines").ShouldBe(["Only 15 of SRV-R750 机架式服务器 on hand, 16 needed."]);
        (await LevelAsync(s.Admin, s.ProductId)).GetProperty("onHand").GetDecimal().ShouldBe(15m);
    }

    [Fact]
    public async Task A_delivery_takes_stock_out_at_average_cost_and_hands_the_cost_of_goods_sold_on()
    {
        var s = await StockedAsync();
        var order = await OrderAsync(s.Admin, s.ProductId, 8m);

        var delivered = await (await DeliverAsync(s.Admin, order, 3m)).JsonAsync(HttpStatusCode.OK);

        var level = await LevelAsync(s.Admin, s.ProductId);
        (level.GetProperty("onHand").GetDecimal(), level.GetProperty("averageCost").GetDecimal(), level.GetProperty("value").GetDecimal())
            .ShouldBe((12m, 110m, 1320m));
        var deliveryId = delivered.GetProperty("deliveries")[0].Str("id");
        var movement = (await s.Admin.GetJsonAsync($"/api/inventory/movements?sourceId={deliveryId}")).GetProperty("items").EnumerateArray().Single();
        (movement.Str("kind"), movement.GetProperty("quantity").GetDecimal(), movement.GetProperty("unitCost").GetDecimal(), movement.GetProperty("value").GetDecimal(),
            movement.Str("sourceNumber"), movement.Str("occurredOn")).ShouldBe(("Delivery", -3m, 110m, -330m, order.Str("number"), "2026-12-01"));
        // The ledger's totals come from the balances' movement counts (kept in the moving transaction), per filter as the page asks.
        async Task<long> TotalAsync(string query) =>
            (await s.Admin.GetJsonAsync($"/api/inventory/movements?{query}")).GetProperty("totalCount").GetInt64();
        (await TotalAsync("")).ShouldBe(3);
        (await TotalAsync("kind=Adjustment")).ShouldBe(2);
        (await TotalAsync($"kind=Delivery&warehouseId={s.WarehouseId}&productId={s.ProductId}")).ShouldBe(1);
        (await TotalAsync("kind=Receipt")).ShouldBe(0);
        (await TotalAsync($"warehouseId={Guid.NewGuid()}")).ShouldBe(0);
        (await TotalAsync($"filter={order.Str("number")}")).ShouldBe(1, "a text search counts its rows");

        var recorded = (await s.Admin.GetJsonAsync($"/api/audit/events?aggregateId={order.Str("id")}")).GetProperty("items").EnumerateArray()
            .Single(e => e.Str("eventType") == "DeliveryRecorded");
        var issued = (await EventsAsync(s.Admin, recorded.Str("correlationId"))).Single(e => e.Str("eventType") == "StockIssued");
        issued.Str("causationId").ShouldBe(recorded.Str("id"));
        using var payload = JsonDocument.Parse(issued.Str("payload"));
        payload.RootElement.GetProperty("totalCost").GetDecimal().ShouldBe(330m);
        payload.RootElement.GetProperty("sourceType").GetString().ShouldBe(StockSources.SalesDelivery);
    }

    [Fact]
    public async Task A_delivery_beyond_on_hand_is_refused_naming_the_product_and_the_delivery_rolls_back()
    {
        var s = await StockedAsync(first: 2m, second: 0m);
        var order = await OrderAsync(s.Admin, s.ProductId, 5m);

        var refused = await (await DeliverAsync(s.Admin, order, 3m)).JsonAsync(HttpStatusCode.UnprocessableEntity);

        refused.Str("code").ShouldBe(InventoryErrors.InsufficientStock);
        refused.Str("detail").ShouldBe("Only 2 of SRV-R750 机架式服务器 on hand, 3 needed.");
        var after = await s.Admin.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}");
        after.GetProperty("deliveries").GetArrayLength().ShouldBe(0);
        after.GetProperty("lines")[0].GetProperty("deliveredQuantity").GetDecimal().ShouldBe(0m);
        (await LevelAsync(s.Admin, s.ProductId)).GetProperty("onHand").GetDecimal().ShouldBe(2m);

        await s.Admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { [InventorySettings.AllowNegativeStock] = "true" }, HttpStatusCode.NoContent);
        await (await DeliverAsync(s.Admin, order, 3m)).JsonAsync(HttpStatusCode.OK);
        (await LevelAsync(s.Admin, s.ProductId)).GetProperty("onHand").GetDecimal().ShouldBe(-1m, "the tenant allows negative stock");
    }

    [Fact]
    public async Task Two_concurrent_deliveries_of_the_last_unit_exactly_one_succeeds()
    {
        var s = await StockedAsync(first: 1m, second: 0m);
        var first = await OrderAsync(s.Admin, s.ProductId, 1m);
        var second = await OrderAsync(s.Admin, s.ProductId, 1m);

        var responses = await Task.WhenAll(DeliverAsync(s.Admin, first, 1m), DeliverAsync(s.Admin, second, 1m));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        (await loser.JsonAsync(HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe(InventoryErrors.InsufficientStock);
        (await LevelAsync(s.Admin, s.ProductId)).GetProperty("onHand").GetDecimal().ShouldBe(0m);
        var deliveries = 0;
        foreach (var order in new[] { first, second })
            deliveries += (await s.Admin.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}")).GetProperty("deliveries").GetArrayLength();
        deliveries.ShouldBe(1);
        (await s.Admin.GetJsonAsync($"/api/inventory/movements?productId={s.ProductId}&kind=Delivery")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }

    /// <summary>Inventory's handler in a unit of work of its own, as the receiving transaction runs it (Purchasing raises the event).</summary>
    private async Task ReceiveAsync(Stocked s, GoodsReceived received) =>
        await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(s.TenantId, s.Tenant);
            foreach (var handler in sp.GetServices<IDomainEventHandler<GoodsReceived>>()) await handler.HandleAsync(received, ct);
        });

    [Fact]
    public async Task Received_goods_raise_on_hand_and_the_average_once_and_untracked_lines_move_nothing()
    {
        var s = await StockedAsync();
        var receiptId = Guid.NewGuid();
        var received = new GoodsReceived(receiptId, "SH202600001", Guid.NewGuid(), "CG202600001", Guid.NewGuid(), "上海某某供应链有限公司",
            Guid.Parse(s.WarehouseId), new DateOnly(2026, 12, 2), "CNY",
            [new(Guid.NewGuid(), Guid.Parse(s.ProductId), "机架式服务器", 5m, 122m), new(Guid.NewGuid(), null, "运费", 1m, 300m)]);

        await ReceiveAsync(s, received);
        await ReceiveAsync(s, received); // a replay moves nothing more

        var level = await LevelAsync(s.Admin, s.ProductId);
        (level.GetProperty("onHand").GetDecimal(), level.GetProperty("averageCost").GetDecimal(), level.GetProperty("value").GetDecimal())
            .ShouldBe((20m, 113m, 2260m)); // (1650 + 610) / 20
        var movement = (await s.Admin.GetJsonAsync($"/api/inventory/movements?sourceId={receiptId}")).GetProperty("items").EnumerateArray().Single();
        (movement.Str("kind"), movement.GetProperty("quantity").GetDecimal(), movement.GetProperty("value").GetDecimal(), movement.Str("sourceNumber"))
            .ShouldBe(("Receipt", 5m, 610m, "SH202600001"));
    }

    [Fact]
    public async Task A_stocktake_posts_its_differences_at_average_cost_once()
    {
        var s = await StockedAsync();
        var sheet = await s.Admin.PostJsonAsync("/api/inventory/stocktakes", new { warehouseId = s.WarehouseId, countedOn = "2026-12-31" }, HttpStatusCode.Created);
        var line = sheet.GetProperty("lines").EnumerateArray().Single();
        line.GetProperty("systemQuantity").GetDecimal().ShouldBe(15m);
        (await s.Admin.PostJsonAsync("/api/inventory/stocktakes", new { warehouseId = s.WarehouseId }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe(InventoryErrors.OpenStocktakeExists);
        (await s.Admin.PostJsonAsync($"/api/inventory/stocktakes/{sheet.Str("id")}/post", new { }, HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe(InventoryErrors.StocktakeNotCounted);

        await s.Admin.PutJsonAsync($"/api/inventory/stocktakes/{sheet.Str("id")}/counts", new { lines = new[] { new { lineId = line.Str("id"), countedQuantity = 13m } } });
        var posted = await s.Admin.PostJsonAsync($"/api/inventory/stocktakes/{sheet.Str("id")}/post", new { });

        (posted.Str("status"), posted.GetProperty("lossValue").GetDecimal(), posted.GetProperty("gainValue").GetDecimal()).ShouldBe(("Posted", 220m, 0m));
        posted.GetProperty("lines")[0].GetProperty("differenceValue").GetDecimal().ShouldBe(-220m);
        (await LevelAsync(s.Admin, s.ProductId)).GetProperty("onHand").GetDecimal().ShouldBe(13m);
        await s.Admin.PostJsonAsync($"/api/inventory/stocktakes/{sheet.Str("id")}/post", new { }, HttpStatusCode.Conflict);
        var journal = await s.Admin.GetJsonAsync($"/api/audit/events?aggregateId={sheet.Str("id")}");
        journal.GetProperty("items").EnumerateArray().Select(e => e.Str("eventType")).ShouldBe(["StocktakePosted"]);
    }

    [Fact]
    public async Task A_delivery_naming_a_warehouse_takes_the_stock_from_it_and_an_unknown_one_refuses_the_delivery()
    {
        var s = await StockedAsync();
        var north = await s.Admin.PostJsonAsync("/api/inventory/warehouses", new { code = "wh-north", name = "北仓", isDefault = false }, HttpStatusCode.Created);
        await s.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = north.Str("id"), reason = "期初库存", lines = new[] { new { productId = s.ProductId, quantity = 4m, unitCost = (decimal?)90m } },
        });
        var order = await OrderAsync(s.Admin, s.ProductId, 5m);
        var line = order.GetProperty("lines")[0].Str("id");

        var unknown = await s.Admin.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", new
        {
            warehouseId = Guid.NewGuid(), lines = new[] { new { orderLineId = line, quantity = 1m } },
        }, HttpStatusCode.UnprocessableEntity);
        (unknown.Str("code"), unknown.GetProperty("errors").EnumerateObject().Single().Name).ShouldBe(("Inventory:UnknownWarehouse", "warehouseId"));
        (await s.Admin.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}")).GetProperty("deliveries").GetArrayLength().ShouldBe(0, "rolled back");

        await s.Admin.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", new
        {
            warehouseId = north.Str("id"), lines = new[] { new { orderLineId = line, quantity = 3m } },
        });
        var levels = (await s.Admin.GetJsonAsync($"/api/inventory/stock?productId={s.ProductId}")).GetProperty("items").EnumerateArray()
            .ToDictionary(l => l.Str("warehouseId"), l => (l.GetProperty("onHand").GetDecimal(), l.GetProperty("value").GetDecimal()));
        levels[north.Str("id")].ShouldBe((1m, 90m));
        levels[s.WarehouseId].ShouldBe((15m, 1650m), "the default warehouse keeps its stock");
    }

    [Fact]
    public async Task Falling_below_the_reorder_point_raises_stock_low_in_the_delivery_transaction()
    {
        var s = await StockedAsync(reorderPoint: 12m);
        var order = await OrderAsync(s.Admin, s.ProductId, 5m);

        await (await DeliverAsync(s.Admin, order, 2m)).JsonAsync(HttpStatusCode.OK); // 13 left
        await (await DeliverAsync(s.Admin, order, 2m)).JsonAsync(HttpStatusCode.OK); // 11 left: below 12
        await (await DeliverAsync(s.Admin, order, 1m)).JsonAsync(HttpStatusCode.OK); // still below: no second alert

        var below = (await s.Admin.GetJsonAsync("/api/inventory/stock?belowReorderPoint=true")).GetProperty("items").EnumerateArray().Single();
        below.GetProperty("belowReorderPoint").GetBoolean().ShouldBeTrue();
        var recorded = (await s.Admin.GetJsonAsync($"/api/audit/events?aggregateId={order.Str("id")}")).GetProperty("items").EnumerateArray()
            .Where(e => e.Str("eventType") == "DeliveryRecorded").Select(e => e.Str("correlationId")).ToArray();
        var lows = new List<JsonElement>();
        foreach (var correlation in recorded) lows.AddRange((await EventsAsync(s.Admin, correlation)).Where(e => e.Str("eventType") == "StockLow"));
        using var payload = JsonDocument.Parse(lows.ShouldHaveSingleItem().Str("payload"));
        (payload.RootElement.GetProperty("onHand").GetDecimal(), payload.RootElement.GetProperty("reorderPoint").GetDecimal(),
            payload.RootElement.GetProperty("warehouseName").GetString()).ShouldBe((11m, 12m, "主仓库"));
    }

    [Fact]
    public async Task Stock_low_is_offered_to_webhook_subscribers_and_inventory_is_sold_from_standard_up()
    {
        var s = await StockedAsync(reorderPoint: 15m);
        var subscription = (await s.Admin.PostJsonAsync("/api/webhooks/subscriptions",
            new { url = "http://127.0.0.1:9/hooks", description = "ERP", eventTypes = new[] { "inventory.stock.low" }, isEnabled = true },
            HttpStatusCode.Created)).GetProperty("subscription");

        await s.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = s.WarehouseId, reason = "报损", lines = new[] { new { productId = s.ProductId, quantity = -1m, unitCost = (decimal?)null } },
        });

        var delivery = (await s.Admin.GetJsonAsync($"/api/webhooks/deliveries?subscriptionId={subscription.Str("id")}")).GetProperty("items")
            .EnumerateArray().ShouldHaveSingleItem();
        delivery.Str("eventType").ShouldBe("inventory.stock.low");

        var host = await app.HostAdminAsync();
        await host.PutJsonAsync($"/api/saas/tenants/{s.TenantId}/edition", new { edition = "Free" });
        (await s.Admin.GetJsonAsync("/api/inventory/stock", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Saas:ModuleNotInEdition");
        await host.PutJsonAsync($"/api/saas/tenants/{s.TenantId}/edition", new { edition = "Standard" });
        (await s.Admin.GetJsonAsync("/api/inventory/stock")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Another_tenant_sees_and_touches_none_of_the_stock()
    {
        var a = await StockedAsync();
        var b = await StockedAsync();

        await b.Admin.GetJsonAsync($"/api/inventory/warehouses/{a.WarehouseId}", HttpStatusCode.NotFound);
        (await b.Admin.GetJsonAsync("/api/inventory/stock")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await b.Admin.GetJsonAsync($"/api/inventory/movements?warehouseId={a.WarehouseId}")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await b.Admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = a.WarehouseId, reason = "x", lines = new[] { new { productId = a.ProductId, quantity = -1m, unitCost = (decimal?)null } },
        }, HttpStatusCode.UnprocessableEntity);
        await b.Admin.PutJsonAsync($"/api/inventory/products/{a.ProductId}", new { isTracked = true, reorderPoint = 0m }, HttpStatusCode.NotFound);
        (await LevelAsync(a.Admin, a.ProductId)).GetProperty("onHand").GetDecimal().ShouldBe(15m);
    }
}
