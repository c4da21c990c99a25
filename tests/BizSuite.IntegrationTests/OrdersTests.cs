using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class OrdersTests(BizSuiteFactory app)
{
    private async Task<(HttpClient Admin, string ContractId, JsonElement Order)> SignedContractAsync()
    {
        var tenant = await app.CreateTenantAsync("o");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "宁波某某贸易有限公司" }, HttpStatusCode.Created);
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "设备采购",
            customerId = customer.Str("id"),
            lines = new[]
            {
                new { description = "服务器", quantity = 4m, unitPrice = 25000m, discountRate = 0m, vatRate = 0.13m },
                new { description = "安装调试", quantity = 1m, unitPrice = 8000m, discountRate = 0m, vatRate = 0.06m },
            },
            installments = new[] { new { trigger = "OnSigning", percentage = 30m }, new { trigger = "OnDelivery", percentage = 70m } },
        }, HttpStatusCode.Created);
        var id = contract.Str("id");
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await SignedContract.ApproveAsync(admin, id);
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { });
        var orders = await admin.GetJsonAsync($"/api/orders/sales-orders?contractId={id}");
        orders.GetProperty("totalCount").GetInt64().ShouldBe(1);
        return (admin, id, orders.GetProperty("items")[0]);
    }

    [Fact]
    public async Task Signing_a_contract_creates_its_sales_order_in_the_same_transaction()
    {
        var (admin, contractId, order) = await SignedContractAsync();

        order.Str("status").ShouldBe("Open");
        order.Str("number").ShouldStartWith($"SO{DateTime.UtcNow.Year}");
        order.GetProperty("grossTotal").GetDecimal().ShouldBe(121480m); // 100000 + 13000 + 8000 + 480
        order.GetProperty("lines").EnumerateArray().Select(l => l.Str("description")).ShouldBe(["服务器", "安装调试"]);

        var signed = (await admin.GetJsonAsync($"/api/audit/events?aggregateId={contractId}")).GetProperty("items").EnumerateArray().Single(e => e.Str("eventType") == "ContractSigned");
        var created = (await admin.GetJsonAsync($"/api/audit/events?aggregateId={order.Str("id")}")).GetProperty("items")[0];
        created.Str("eventType").ShouldBe("SalesOrderCreated");
        created.Str("causationId").ShouldBe(signed.Str("id"));
        created.Str("correlationId").ShouldBe(signed.Str("correlationId"));
    }

    [Fact]
    public async Task Partial_deliveries_add_up_and_over_delivery_is_refused()
    {
        var (admin, _, order) = await SignedContractAsync();
        var id = order.Str("id");
        var servers = order.GetProperty("lines")[0].Str("id");
        var setup = order.GetProperty("lines")[1].Str("id");

        var partial = await admin.PostJsonAsync($"/api/orders/sales-orders/{id}/deliver", new { lines = new[] { new { orderLineId = servers, quantity = 3m } } });
        partial.Str("status").ShouldBe("PartiallyDelivered");

        var tooMuch = await admin.PostJsonAsync($"/api/orders/sales-orders/{id}/deliver",
            new { lines = new[] { new { orderLineId = servers, quantity = 2m } } }, HttpStatusCode.BadRequest);
        tooMuch.Str("code").ShouldBe("Orders:DeliveryExceedsOrder");
        tooMuch.FieldErrors("lines").ShouldNotBeEmpty();

        var rest = await admin.PostJsonAsync($"/api/orders/sales-orders/{id}/deliver", new
        {
            deliveredOn = "2026-12-01",
            lines = new[] { new { orderLineId = servers, quantity = 1m }, new { orderLineId = setup, quantity = 1m } },
        });
        rest.Str("status").ShouldBe("Delivered");
        rest.GetProperty("deliveries").GetArrayLength().ShouldBe(2);
        rest.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("deliveredQuantity").GetDecimal()).ShouldBe([4m, 1m]);

        var events = await admin.GetJsonAsync($"/api/audit/events?aggregateId={id}");
        events.GetProperty("items").EnumerateArray().Where(e => e.Str("eventType") == "DeliveryRecorded")
            .Select(e => e.Str("payload").Contains("\"orderFullyDelivered\":true")).ShouldBe([false, true]);
    }

    [Fact]
    public async Task Orders_of_another_tenant_are_invisible_and_need_the_deliver_permission()
    {
        var (_, _, order) = await SignedContractAsync();
        var (other, _, _) = await SignedContractAsync();
        await other.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}", HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver",
            new { lines = new[] { new { orderLineId = order.GetProperty("lines")[0].Str("id"), quantity = 1m } } }, HttpStatusCode.NotFound);
        (await other.GetJsonAsync("/api/orders/sales-orders")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }
}
