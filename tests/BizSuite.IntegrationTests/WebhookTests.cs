using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BizSuite.Finance;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Outbound webhooks: public events leave through the job store, signed, retried with backoff, and only after a commit.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookTests(BizSuiteFactory app) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        _receiver = await WebhookReceiver.StartAsync();
        await app.RunDueJobsAsync(); // other tests' jobs must not run in the middle of these
    }

    public async Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        await _receiver.DisposeAsync();
    }

    private async Task<(JsonElement Subscription, string Secret)> SubscribeAsync(HttpClient admin, params string[] eventTypes)
    {
        var created = await admin.PostJsonAsync("/api/webhooks/subscriptions",
            new { url = _receiver.Url, description = "ERP", eventTypes, isEnabled = true }, HttpStatusCode.Created);
        return (created.GetProperty("subscription"), created.Str("secret"));
    }

    private static async Task<JsonElement[]> DeliveriesAsync(HttpClient admin, string subscriptionId) =>
        (await admin.GetJsonAsync($"/api/webhooks/deliveries?subscriptionId={subscriptionId}&take=100")).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task A_host_that_does_not_allow_private_networks_refuses_to_deliver_to_one()
    {
        var tenant = await app.CreateTenantAsync("w");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var (subscription, _) = await SubscribeAsync(admin, "finance.payment.recorded");
        var ping = await admin.PostJsonAsync($"/api/webhooks/subscriptions/{subscription.Str("id")}/ping", new { });

        // The receiver listens on 127.0.0.1: a host configured as in production (no Webhooks:AllowPrivateNetworks) will not call it.
        await using (var production = app.WithWebHostBuilder(b => b.UseSetting("Webhooks:AllowPrivateNetworks", "false")))
            (await ActivatorUtilities.CreateInstance<JobWorker>(production.Services).RunDueJobsAsync()).ShouldBe(1);

        _receiver.Received.ShouldBeEmpty();
        var delivery = (await DeliveriesAsync(admin, subscription.Str("id"))).Single(d => d.Str("id") == ping.Str("id"));
        delivery.Str("status").ShouldBe("Pending", "retried later, like any failed attempt");
        delivery.GetProperty("attempts")[0].Str("error").ShouldContain("private network");

        // Its retry, on a host that allows the receiver's network, arrives.
        app.Clock.Offset += app.Services.GetRequiredService<IOptions<JobOptions>>().Value.RetryDelay(1);
        (await app.RunDueJobsAsync()).ShouldBe(1);
        _receiver.Received.ShouldHaveSingleItem().DeliveryId.ShouldBe(ping.Str("id"));
    }

    [Fact]
    public async Task Signing_a_contract_sends_the_subscribed_events_signed_with_the_subscriptions_secret_and_nothing_else()
    {
        var tenant = await app.CreateTenantAsync("w");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var (subscription, secret) = await SubscribeAsync(admin, "crm.contract.signed", "finance.invoice.issued");
        secret.ShouldStartWith("whsec_");
        var listed = (await admin.GetJsonAsync("/api/webhooks/subscriptions")).EnumerateArray().ShouldHaveSingleItem();
        listed.TryGetProperty("secret", out _).ShouldBeFalse("the secret is shown once");
        (await app.ScalarAsync("SELECT COUNT(*) FROM webhooks_subscriptions WHERE EncryptedSecret LIKE @s", ("@s", $"%{secret[6..]}%"))).ShouldBe(0, "stored encrypted");

        // Signing also approves in OA and creates the sales order: events this subscription did not ask for.
        var signed = await SignedContract.CreateAsync(app, tenant: tenant);
        _receiver.Received.ShouldBeEmpty("nothing is sent inside the business transaction");
        await app.RunDueJobsAsync();

        var received = _receiver.Received.ToArray();
        received.Select(r => r.Event).Order().ShouldBe(["crm.contract.signed", "finance.invoice.issued"]);
        var deliveries = await DeliveriesAsync(admin, subscription.Str("id"));
        foreach (var hook in received)
        {
            WebhookReceiver.Verify(secret, hook.Signature, hook.Body, DateTimeOffset.UtcNow).ShouldBeTrue(hook.Signature);
            WebhookReceiver.Verify(secret + "x", hook.Signature, hook.Body, DateTimeOffset.UtcNow).ShouldBeFalse();
            WebhookReceiver.Verify(secret, hook.Signature, hook.Body.Replace(signed.ContractId, Guid.Empty.ToString()), DateTimeOffset.UtcNow).ShouldBeFalse();
            hook.ContentType.ShouldStartWith("application/json");
            var json = hook.Json;
            json.Str("type").ShouldBe(hook.Event);
            json.GetProperty("version").GetInt32().ShouldBe(1);
            (await app.ScalarAsync("SELECT COUNT(*) FROM saas_tenants WHERE Name = @n AND Id = @id", ("@n", tenant), ("@id", json.Str("tenantId")))).ShouldBe(1);
            (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE Id = @id", ("@id", json.Str("id")))).ShouldBe(1, "the id is the journal's event id");
            json.GetProperty("data").Str("contractId").ShouldBe(signed.ContractId);
            deliveries.Single(d => d.Str("id") == hook.DeliveryId).Str("eventType").ShouldBe(hook.Event);
        }
        var contract = received.Single(r => r.Event == "crm.contract.signed").Json.GetProperty("data");
        contract.GetProperty("grossTotal").GetDecimal().ShouldBe(SignedContract.GrossTotal);
        contract.GetProperty("installments")[0].Str("trigger").ShouldBe("OnSigning");
        var invoice = received.Single(r => r.Event == "finance.invoice.issued").Json.GetProperty("data");
        invoice.Str("invoiceNumber").ShouldBe((await SignedContract.InvoicesAsync(admin, signed.ContractId)).Single().Str("number"));
        invoice.Str("orderId").ShouldBe(signed.Order.Str("id"), "the on-signing invoice knows the order it bills");

        deliveries.Length.ShouldBe(2);
        foreach (var delivery in deliveries)
        {
            delivery.Str("status").ShouldBe("Delivered");
            delivery.GetProperty("lastStatusCode").GetInt32().ShouldBe(200);
            var attempt = delivery.GetProperty("attempts").EnumerateArray().ShouldHaveSingleItem();
            attempt.Str("responseBody").ShouldBe("ok");
        }
        (await app.RunDueJobsAsync()).ShouldBe(0);
        _receiver.Received.Count.ShouldBe(2, "a delivered event is not sent again");
    }

    [Fact]
    public async Task Procure_to_pay_sends_order_created_bill_posted_and_stock_low_with_their_documented_payloads()
    {
        var tenant = await app.CreateTenantAsync("w");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var (subscription, secret) = await SubscribeAsync(admin, "purchasing.order.created", "purchasing.bill.posted", "inventory.stock.low");
        var warehouse = await admin.PostJsonAsync("/api/inventory/warehouses", new { code = "wh-main", name = "主仓库", isDefault = true }, HttpStatusCode.Created);
        var product = await admin.PostJsonAsync("/api/orders/products", new
        {
            sku = "RAIL-01", name = "机柜导轨", kind = "Product", unit = "套", unitPrice = 200m, defaultVatRate = 0.13m,
        }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/inventory/products/{product.Str("id")}", new { isTracked = true, reorderPoint = 5m });
        var supplierId = await PurchasingTests.SupplierAsync(admin, "杭州精工五金", PurchasingTests.CodeA, paymentTermDays: 30);

        var order = await admin.PostJsonAsync("/api/purchasing/orders", new
        {
            supplierId, expectedOn = "2026-12-20",
            lines = new[] { new { productId = (string?)product.Str("id"), description = "机柜导轨", quantity = 8m, unitPrice = 130m, vatRate = 0.13m } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/purchasing/orders/{order.Str("id")}/confirm", new { });
        var lineId = order.GetProperty("lines")[0].Str("id");
        await admin.PostJsonAsync($"/api/purchasing/orders/{order.Str("id")}/receipts", new
        {
            warehouseId = warehouse.Str("id"), receivedOn = "2026-12-03", lines = new[] { new { orderLineId = lineId, acceptedQuantity = 8m } },
        }, HttpStatusCode.Created);
        var bill = await admin.PostJsonAsync("/api/purchasing/bills", new
        {
            orderId = order.Str("id"), supplierInvoiceNumber = "33011234", billDate = "2026-12-05",
            lines = new[] { new { orderLineId = lineId, quantity = 8m, unitPrice = 130m } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/inventory/adjustments", new
        {
            warehouseId = warehouse.Str("id"), reason = "报损", lines = new[] { new { productId = product.Str("id"), quantity = -4m, unitCost = (decimal?)null } },
        });
        await app.RunDueJobsAsync();

        var received = _receiver.Received.ToDictionary(r => r.Event);
        received.Keys.Order().ShouldBe(["inventory.stock.low", "purchasing.bill.posted", "purchasing.order.created"]);
        foreach (var hook in received.Values) WebhookReceiver.Verify(secret, hook.Signature, hook.Body, DateTimeOffset.UtcNow).ShouldBeTrue();
        static string[] Fields(JsonElement data) => data.EnumerateObject().Select(p => p.Name).ToArray();

        var created = received["purchasing.order.created"].Json.GetProperty("data");
        Fields(created).ShouldBe(["orderId", "orderNumber", "supplierId", "supplierName", "requestId", "currency", "netTotal", "vatTotal", "grossTotal"]);
        (created.Str("orderId"), created.Str("orderNumber"), created.Str("supplierId"), created.Str("supplierName"), created.GetProperty("requestId").ValueKind)
            .ShouldBe((order.Str("id"), order.Str("number"), supplierId, "杭州精工五金", JsonValueKind.Null));
        (created.Str("currency"), created.GetProperty("netTotal").GetDecimal(), created.GetProperty("vatTotal").GetDecimal(), created.GetProperty("grossTotal").GetDecimal())
            .ShouldBe(("CNY", 1040m, 135.20m, 1175.20m));

        var posted = received["purchasing.bill.posted"].Json.GetProperty("data");
        Fields(posted).ShouldBe(["billId", "billNumber", "supplierInvoiceNumber", "supplierId", "supplierName", "orderId", "orderNumber", "billDate", "dueOn",
            "currency", "netTotal", "vatTotal", "grossTotal", "overridden"]);
        (posted.Str("billId"), posted.Str("billNumber"), posted.Str("supplierInvoiceNumber"), posted.Str("orderId"), posted.Str("billDate"), posted.Str("dueOn"))
            .ShouldBe((bill.Str("id"), bill.Str("number"), "33011234", order.Str("id"), "2026-12-05", "2027-01-04"));
        (posted.GetProperty("grossTotal").GetDecimal(), posted.GetProperty("overridden").GetBoolean()).ShouldBe((1175.20m, false));

        var low = received["inventory.stock.low"].Json.GetProperty("data");
        Fields(low).ShouldBe(["productId", "sku", "productName", "warehouseId", "warehouseName", "onHand", "reorderPoint"]);
        (low.Str("productId"), low.Str("sku"), low.Str("productName"), low.Str("warehouseId"), low.Str("warehouseName"),
            low.GetProperty("onHand").GetDecimal(), low.GetProperty("reorderPoint").GetDecimal())
            .ShouldBe((product.Str("id"), "RAIL-01", "机柜导轨", warehouse.Str("id"), "主仓库", 4m, 5m));
        (await DeliveriesAsync(admin, subscription.Str("id"))).ShouldAllBe(d => d.Str("status") == "Delivered");
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_delivery_again_after_the_job_stores_backoff_and_a_failed_one_can_be_redelivered()
    {
        var jobs = app.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        var tenant = await app.CreateTenantAsync("w");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var (subscription, firstSecret) = await SubscribeAsync(admin, "finance.payment.recorded");
        var id = subscription.Str("id");
        var secret = (await admin.PostJsonAsync($"/api/webhooks/subscriptions/{id}/rotate-secret", new { })).Str("secret");
        secret.ShouldNotBe(firstSecret);

        _receiver.Answers.Enqueue(500);
        var ping = await admin.PostJsonAsync($"/api/webhooks/subscriptions/{id}/ping", new { });
        ping.Str("eventType").ShouldBe("webhook.ping");
        await app.RunDueJobsAsync();
        var failed = (await DeliveriesAsync(admin, id)).ShouldHaveSingleItem();
        (failed.Str("status"), failed.GetProperty("lastStatusCode").GetInt32()).ShouldBe(("Pending", 500));
        var attempt = failed.GetProperty("attempts").EnumerateArray().ShouldHaveSingleItem();
        (attempt.GetProperty("statusCode").GetInt32(), attempt.Str("responseBody")).ShouldBe((500, "boom"));
        failed.GetProperty("nextRetryAt").GetDateTime().ShouldBe(attempt.GetProperty("attemptedAt").GetDateTime() + jobs.RetryDelay(1));

        // Not before the job store's backoff...
        app.Clock.Offset += jobs.RetryDelay(1) - TimeSpan.FromSeconds(2);
        (await app.RunDueJobsAsync()).ShouldBe(0);
        // ...and then the same bytes, under the same delivery id, signed with the current secret.
        app.Clock.Offset += TimeSpan.FromSeconds(3);
        (await app.RunDueJobsAsync()).ShouldBe(1);
        var tries = _receiver.Received.ToArray();
        tries.Length.ShouldBe(2);
        (tries[1].Body, tries[1].DeliveryId).ShouldBe((tries[0].Body, ping.Str("id")));
        WebhookReceiver.Verify(secret, tries[1].Signature, tries[1].Body, DateTimeOffset.UtcNow + app.Clock.Offset).ShouldBeTrue();
        WebhookReceiver.Verify(firstSecret, tries[1].Signature, tries[1].Body, DateTimeOffset.UtcNow + app.Clock.Offset).ShouldBeFalse("rotated away");
        var delivered = (await DeliveriesAsync(admin, id)).ShouldHaveSingleItem();
        delivered.Str("status").ShouldBe("Delivered");
        delivered.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([500, 200]);
        (await admin.PostJsonAsync($"/api/webhooks/deliveries/{ping.Str("id")}/redeliver", new { })).Str("status").ShouldBe("Pending");
        await app.RunDueJobsAsync();

        // A receiver that never recovers: the job store gives up after its maximum tries and the delivery is parked as failed.
        for (var i = 0; i < jobs.MaxTries; i++) _receiver.Answers.Enqueue(503);
        var second = (await admin.PostJsonAsync($"/api/webhooks/subscriptions/{id}/ping", new { })).Str("id");
        for (var i = 1; i <= jobs.MaxTries; i++)
        {
            (await app.RunDueJobsAsync()).ShouldBe(1, $"try {i}");
            app.Clock.Offset += jobs.RetryDelay(i) + TimeSpan.FromSeconds(1);
        }
        var parked = (await admin.GetJsonAsync($"/api/webhooks/deliveries?subscriptionId={id}&status=Failed")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        parked.Str("id").ShouldBe(second);
        parked.GetProperty("attempts").GetArrayLength().ShouldBe(jobs.MaxTries);
        parked.GetProperty("nextRetryAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.RunDueJobsAsync()).ShouldBe(0, "parked, not retried");

        var redelivered = await admin.PostJsonAsync($"/api/webhooks/deliveries/{second}/redeliver", new { });
        redelivered.Str("status").ShouldBe("Pending");
        (await admin.PostJsonAsync($"/api/webhooks/deliveries/{second}/redeliver", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Webhooks:DeliveryPending");
        (await app.RunDueJobsAsync()).ShouldBe(1);
        var done = (await DeliveriesAsync(admin, id)).Single(d => d.Str("id") == second);
        (done.Str("status"), done.GetProperty("attempts").GetArrayLength()).ShouldBe(("Delivered", jobs.MaxTries + 1));
    }

    /// <summary>Finance refuses the invoice after the contract's signing event was already written to the webhook outbox.</summary>
    private sealed class RefuseInvoices : IDomainEventHandler<InvoiceIssued>
    {
        public Task HandleAsync(InvoiceIssued domainEvent, CancellationToken cancellationToken) => throw new BusinessException("Test:InvoiceRefused");
    }

    [Fact]
    public async Task A_business_change_that_rolls_back_sends_nothing()
    {
        var tenant = await app.CreateTenantAsync("w");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var (subscription, _) = await SubscribeAsync(admin, "crm.contract.signed", "orders.sales_order.created", "finance.invoice.issued");
        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "回滚测试有限公司" }, HttpStatusCode.Created);
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "回滚", customerId = customer.Str("id"),
            lines = new[] { new { description = "服务", quantity = 1m, unitPrice = 1000m, discountRate = 0m, vatRate = 0.06m } },
            installments = new[] { new { trigger = "OnSigning", percentage = 100m } },
        }, HttpStatusCode.Created);
        var id = contract.Str("id");
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await SignedContract.ApproveAsync(admin, id);
        await app.RunDueJobsAsync();

        // Another instance of the host, whose Finance refuses the invoice: signing fails after the outbox rows were written.
        await using (var refusing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IDomainEventHandler<InvoiceIssued>, RefuseInvoices>())))
        {
            var client = refusing.CreateClient();
            client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            (await client.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { }, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Test:InvoiceRefused");
        }
        (await app.ScalarAsync("SELECT COUNT(*) FROM webhooks_deliveries WHERE SubscriptionId = @s", ("@s", subscription.Str("id")))).ShouldBe(0);
        (await app.RunDueJobsAsync()).ShouldBe(0);
        _receiver.Received.ShouldBeEmpty();

        // The same signing, committed, sends all three.
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { });
        await app.RunDueJobsAsync();
        _receiver.Received.Select(r => r.Event).Order().ShouldBe(["crm.contract.signed", "finance.invoice.issued", "orders.sales_order.created"]);
    }

    [Fact]
    public async Task Subscriptions_are_validated_kept_in_their_tenant_and_need_the_permission()
    {
        var tenant = await app.CreateTenantAsync("w");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var types = (await admin.GetJsonAsync("/api/webhooks/event-types")).EnumerateArray().Select(t => t.Str("name")).ToArray();
        types.ShouldContain("crm.contract.signed");
        types.ShouldContain("oa.approval.rejected");

        var bad = await admin.PostJsonAsync("/api/webhooks/subscriptions", new { url = "http://partner.example.com/hooks", eventTypes = new[] { "crm.nothing" } },
            HttpStatusCode.BadRequest);
        bad.FieldErrors("url").ShouldNotBeEmpty("plain http only to this machine");
        bad.FieldErrors("eventTypes[0]").ShouldNotBeEmpty();
        (await admin.PostJsonAsync("/api/webhooks/subscriptions", new { url = "ftp://partner.example.com", eventTypes = Array.Empty<string>() }, HttpStatusCode.BadRequest))
            .FieldErrors("eventTypes").ShouldNotBeEmpty();
        await admin.PostJsonAsync("/api/webhooks/subscriptions", new { url = "https://partner.example.com/hooks", eventTypes = new[] { "hr.employee.hired" } },
            HttpStatusCode.Created);

        var (subscription, _) = await SubscribeAsync(admin, "crm.lead.qualified");
        var id = subscription.Str("id");
        var edited = await admin.PutJsonAsync($"/api/webhooks/subscriptions/{id}",
            new { url = _receiver.Url, description = "CRM 同步", eventTypes = new[] { "crm.lead.qualified", "crm.contract.completed" }, isEnabled = false });
        (edited.Str("description"), edited.GetProperty("isEnabled").GetBoolean(), edited.GetProperty("eventTypes").GetArrayLength()).ShouldBe(("CRM 同步", false, 2));
        var ping = await admin.PostJsonAsync($"/api/webhooks/subscriptions/{id}/ping", new { });
        await app.RunDueJobsAsync();

        // Another tenant's admin sees none of it and reaches nothing by id.
        var other = await app.LoginAsync(await app.CreateTenantAsync("w"), "admin", "Admin123!");
        (await other.GetJsonAsync("/api/webhooks/subscriptions")).GetArrayLength().ShouldBe(0);
        (await other.GetJsonAsync("/api/webhooks/deliveries")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await other.GetJsonAsync($"/api/webhooks/subscriptions/{id}", HttpStatusCode.NotFound);
        await other.PutJsonAsync($"/api/webhooks/subscriptions/{id}", new { url = "https://evil.example.com", eventTypes = new[] { "crm.lead.qualified" } },
            HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/webhooks/subscriptions/{id}/rotate-secret", new { }, HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/webhooks/subscriptions/{id}/ping", new { }, HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/webhooks/deliveries/{ping.Str("id")}/redeliver", new { }, HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/webhooks/subscriptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetJsonAsync($"/api/webhooks/subscriptions/{id}")).Str("url").ShouldBe(_receiver.Url);

        // Managing webhooks needs Webhooks.Manage; an API key holding it works like the admin.
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "clerk" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Crm.Customers" } }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "clerk", email = "clerk@example.cn", name = "文员", password = "Passw0rd!", isActive = true, roleNames = new[] { "clerk" } },
            HttpStatusCode.Created);
        var clerk = await app.LoginAsync(tenant, "clerk", "Passw0rd!");
        await clerk.GetJsonAsync("/api/webhooks/subscriptions", HttpStatusCode.Forbidden);
        await clerk.PostJsonAsync($"/api/webhooks/subscriptions/{id}/ping", new { }, HttpStatusCode.Forbidden);
        var key = (await admin.PostJsonAsync("/api/identity/api-keys", new { name = "ops", permissions = new[] { "Webhooks.Manage" } }, HttpStatusCode.Created)).Str("key");
        var withKey = app.Anonymous();
        withKey.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await withKey.GetJsonAsync("/api/webhooks/deliveries")).GetProperty("totalCount").GetInt64().ShouldBe(1);

        // Deleting a subscription takes its delivery log with it.
        (await admin.DeleteAsync($"/api/webhooks/subscriptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ScalarAsync("SELECT COUNT(*) FROM webhooks_deliveries WHERE SubscriptionId = @s", ("@s", id))).ShouldBe(0);
        await admin.GetJsonAsync($"/api/webhooks/subscriptions/{id}", HttpStatusCode.NotFound);
    }
}
