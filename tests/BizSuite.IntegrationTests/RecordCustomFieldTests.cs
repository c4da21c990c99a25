using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Custom fields on the kinds of record beyond customers and contracts (the kernel's generic record pattern): checked values,
/// list filter, export and import back, tenants apart — the same journey for each kind. Sales orders and invoices come from signed
/// contracts, purchase orders from approved requests, and none has an import: their values are set on the record, then filtered,
/// exported, audited and sent with their event.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecordCustomFieldTests(BizSuiteFactory app)
{
    /// <summary>Each kind: its custom-field entity type and its API.</summary>
    public static TheoryData<string, string> Kinds => new()
    {
        { "purchasing.supplier", "/api/purchasing/suppliers" }, { "orders.product", "/api/orders/products" }, { "hr.employee", "/api/hr/employees" },
    };

    private static object Record(string kind, string name, object? customFields) => kind switch
    {
        "orders.product" => new { sku = "SKU-" + (uint)name.GetHashCode(), name, kind = "Product", unit = "个", unitPrice = 10m, defaultVatRate = 0.13m, customFields },
        "hr.employee" => new { name, hireDate = "2026-01-05", status = "Active", customFields },
        _ => new { name, customFields },
    };

    private static object Rating(bool required) => new
    {
        key = "rating", type = "SingleSelect", labelZh = "评级", labelEn = "Rating", required, showInList = true,
        options = new[] { new { value = "preferred", labelZh = "优选", labelEn = "Preferred" }, new { value = "probation", labelZh = "考察期", labelEn = "On probation" } },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Values_are_checked_filtered_exported_and_imported_back_in_their_tenant_only(string kind, string api)
    {
        var fields = $"/api/custom-fields/{kind}";
        var admin = await app.LoginAsync(await app.CreateTenantAsync("scf"), "admin", "Admin123!");
        await admin.PostJsonAsync(fields, Rating(required: true), HttpStatusCode.Created);
        await admin.PostJsonAsync(fields, new { key = "capacity", type = "Number", labelZh = "月产能", labelEn = "Monthly capacity", min = 0 }, HttpStatusCode.Created);

        var missing = await admin.PostJsonAsync(api, Record(kind, "无评级", null), HttpStatusCode.BadRequest);
        missing.FieldErrors("customFields.rating").ShouldBe(["Rating is required."]);
        var invalid = await admin.PostJsonAsync(api, Record(kind, "错值", new { rating = "gold", capacity = -5 }),
            HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["customFields.capacity", "customFields.rating"]);
        (await admin.GetJsonAsync(api)).GetProperty("totalCount").GetInt64().ShouldBe(0, "a refused supplier is not stored");

        var steel = await admin.PostJsonAsync(api, Record(kind, "钢材供应商", new { rating = "preferred", capacity = 1200 }),
            HttpStatusCode.Created);
        steel.GetProperty("customFields").Str("rating").ShouldBe("preferred");
        var paper = await admin.PostJsonAsync(api, Record(kind, "纸张供应商", new { rating = "preferred" }), HttpStatusCode.Created);
        await admin.PostJsonAsync(api, Record(kind, "新供应商", new { rating = "probation" }), HttpStatusCode.Created);
        (await admin.GetJsonAsync($"{api}?customField=rating&customValue=preferred")).GetProperty("totalCount").GetInt64().ShouldBe(2);

        // An edit moves the supplier between filters.
        await admin.PutJsonAsync($"{api}/{paper.Str("id")}", Record(kind, "纸张供应商", new { rating = "probation" }));
        var probation = await admin.GetJsonAsync($"{api}?customField=rating&customValue=probation");
        probation.GetProperty("items").EnumerateArray().Select(s => s.Str("name")).Order().ShouldBe(["新供应商", "纸张供应商"]);

        if (kind == "hr.employee")
        {
            // HR's edit of an employee is announced with its values.
            await using var receiver = await WebhookReceiver.StartAsync();
            await admin.PostJsonAsync("/api/webhooks/subscriptions", new
            {
                url = receiver.Url, description = "HRIS", isEnabled = true, eventTypes = new[] { "hr.employee.updated" },
            }, HttpStatusCode.Created);
            await admin.PutJsonAsync($"{api}/{steel.Str("id")}", Record(kind, "钢材供应商", new { rating = "preferred", capacity = 1300 }));
            await app.RunDueJobsAsync();
            var data = receiver.Received.Where(r => r.Event == "hr.employee.updated").Select(r => r.Json.GetProperty("data"))
                .Single(d => d.Str("employeeId") == steel.Str("id"));
            data.GetProperty("customFields").GetProperty("capacity").GetInt32().ShouldBe(1300);
        }

        var response = await admin.GetAsync($"{api}?format=xlsx&sort=name");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var exported = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(exported))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.Select(r => r["Rating"]).ShouldBe(["On probation", "On probation", "Preferred"], ignoreOrder: true);
            rows.ShouldAllBe(r => !r.ContainsKey("CustomFields"));
        }

        // Another tenant neither sees the definitions nor finds the values; with the same field, the export imports back.
        var other = await app.LoginAsync(await app.CreateTenantAsync("scf"), "admin", "Admin123!");
        (await other.GetJsonAsync(fields)).EnumerateArray().ShouldBeEmpty();
        (await other.GetJsonAsync($"{api}?customField=rating&customValue=preferred")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await other.PostJsonAsync(fields, Rating(required: true), HttpStatusCode.Created);
        (await other.UploadAsync($"{api}/import", exported, "suppliers.xlsx")).GetProperty("imported").GetInt32().ShouldBe(3);
        (await other.GetJsonAsync($"{api}?customField=rating&customValue=preferred")).GetProperty("items").EnumerateArray()
            .Select(s => s.Str("name")).ShouldBe(["钢材供应商"]);
    }

    /// <summary>
    /// The kinds of record that come from another record (a signed contract, an approved request), whose values are set on their own
    /// (<c>PUT …/custom-fields</c>), and the event whose payload carries them.
    /// </summary>
    public static TheoryData<string, string, string> DerivedRecords => new()
    {
        { "orders.sales-order", "/api/orders/sales-orders", "orders.delivery.recorded" },
        { "finance.invoice", "/api/finance/invoices", "finance.invoice.overdue" },
        { "purchasing.purchase-order", "/api/purchasing/orders", "purchasing.order.confirmed" },
    };

    [Theory]
    [MemberData(nameof(DerivedRecords))]
    public async Task Values_set_on_derived_records_are_checked_filtered_exported_audited_and_sent_with_their_events(string kind, string api, string eventName)
    {
        var fields = $"/api/custom-fields/{kind}";
        app.Clock.Offset = TimeSpan.Zero;
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.RunDueJobsAsync(); // other tests' jobs must not run in the middle of this one
        var tenant = await app.CreateTenantAsync("rcf");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync(fields, Rating(required: true), HttpStatusCode.Created);
        await admin.PostJsonAsync(fields, new { key = "capacity", type = "Number", labelZh = "月产能", labelEn = "Monthly capacity", min = 0 }, HttpStatusCode.Created);
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = "合同客户" }, HttpStatusCode.Created)).Str("id");
        var supplierId = (await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "订单供应商" }, HttpStatusCode.Created)).Str("id");
        // A required field does not stop a signing (or a buyer's draft): the records start without values and are given them afterwards.
        var records = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            if (kind == "purchasing.purchase-order")
            {
                records.Add(await admin.PostJsonAsync(api, new
                {
                    supplierId, lines = new[] { new { description = "螺丝", quantity = 10, unitPrice = 2m, vatRate = 0.13m } },
                }, HttpStatusCode.Created));
                continue;
            }
            var signed = await SignedContract.CreateAsync(app, tenant: tenant, customerId: customerId);
            records.Add(kind == "finance.invoice" ? (await SignedContract.InvoicesAsync(admin, signed.ContractId)).Single() : signed.Order);
        }
        records[0].GetProperty("customFields").EnumerateObject().ShouldBeEmpty();
        string Url(JsonElement record) => $"{api}/{record.Str("id")}/custom-fields";

        var missing = await admin.PutJsonAsync(Url(records[0]), new { customFields = new { capacity = 5 } }, HttpStatusCode.BadRequest);
        missing.FieldErrors("customFields.rating").ShouldBe(["Rating is required."]);
        var invalid = await admin.PutJsonAsync(Url(records[0]), new { customFields = new { rating = "gold", capacity = -5 } }, HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["customFields.capacity", "customFields.rating"]);
        (await admin.GetJsonAsync($"{api}/{records[0].Str("id")}")).GetProperty("customFields").EnumerateObject().ShouldBeEmpty("a refused edit stores nothing");

        var set = await admin.PutJsonAsync(Url(records[0]), new { customFields = new { rating = "preferred", capacity = 1200 } });
        set.GetProperty("customFields").Str("rating").ShouldBe("preferred");
        await admin.PutJsonAsync(Url(records[1]), new { customFields = new { rating = "preferred" } });
        await admin.PutJsonAsync(Url(records[2]), new { customFields = new { rating = "probation" } });
        (await admin.GetJsonAsync($"{api}?customField=rating&customValue=preferred")).GetProperty("totalCount").GetInt64().ShouldBe(2);

        // An edit moves the record between filters, and the change is in its audit change set.
        await admin.PutJsonAsync(Url(records[1]), new { customFields = new { rating = "probation" } });
        var probation = await admin.GetJsonAsync($"{api}?customField=rating&customValue=probation");
        probation.GetProperty("items").EnumerateArray().Select(o => o.Str("id")).Order().ShouldBe(new[] { records[1].Str("id"), records[2].Str("id") }.Order());
        var changes = await admin.GetJsonAsync($"/api/audit/entity-changes?entityId={records[1].Str("id")}");
        changes.GetProperty("items").EnumerateArray().Select(c => c.Str("changes")).ShouldContain(c => c.Contains("probation"));

        var response = await admin.GetAsync($"{api}?format=xlsx&sort=number");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.Select(r => r["Rating"]).ShouldBe(["Preferred", "On probation", "On probation"], ignoreOrder: true);
            rows.ShouldAllBe(r => !r.ContainsKey("CustomFields"));
        }

        // The record's event carries its values to a partner: a delivery of the order; the invoice falling overdue; the purchase order confirmed.
        await admin.PostJsonAsync("/api/webhooks/subscriptions", new { url = receiver.Url, description = "ERP", isEnabled = true, eventTypes = new[] { eventName } },
            HttpStatusCode.Created);
        try
        {
            if (kind == "finance.invoice") await app.ReviewReceivablesAsync((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"), TimeSpan.FromDays(32));
            else if (kind == "purchasing.purchase-order") await admin.PostJsonAsync($"{api}/{records[0].Str("id")}/confirm", new { });
            else
                await admin.PostJsonAsync($"{api}/{records[0].Str("id")}/deliver",
                    new { lines = new[] { new { orderLineId = records[0].GetProperty("lines")[0].Str("id"), quantity = 1m } } });
            await app.RunDueJobsAsync();
        }
        finally { app.Clock.Offset = TimeSpan.Zero; }
        var data = receiver.Received.Where(r => r.Event == eventName).Select(r => r.Json.GetProperty("data"))
            .Single(d => d.Str(kind == "finance.invoice" ? "invoiceId" : "orderId") == records[0].Str("id"));
        data.GetProperty("customFields").Str("rating").ShouldBe("preferred");
        data.GetProperty("customFields").GetProperty("capacity").GetInt32().ShouldBe(1200);

        // Another tenant finds none of them.
        var other = await app.LoginAsync(await app.CreateTenantAsync("rcf"), "admin", "Admin123!");
        (await other.GetJsonAsync(fields)).EnumerateArray().ShouldBeEmpty();
        (await other.GetJsonAsync($"{api}?customField=rating&customValue=preferred")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }
}
