using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Custom fields on contracts (the kernel's generic record pattern after customers): checked values, list filter, export, audit;
/// and the values of customers and contracts in their public events' webhook payloads.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ContractCustomFieldTests(BizSuiteFactory app) : IAsyncLifetime
{
    private const string Fields = "/api/custom-fields/crm.contract";
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        _receiver = await WebhookReceiver.StartAsync();
        await app.RunDueJobsAsync(); // other tests' jobs must not run in the middle of these
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static object Region(bool required, string? defaultValue = null) => new
    {
        key = "region", type = "SingleSelect", labelZh = "销售区域", labelEn = "Sales region", required, showInList = true, defaultValue,
        options = new[] { new { value = "east", labelZh = "华东", labelEn = "East" }, new { value = "south", labelZh = "华南", labelEn = "South" } },
    };

    private static async Task<JsonElement> CreateContractAsync(HttpClient admin, string customerId, string title, object? customFields,
        HttpStatusCode expected = HttpStatusCode.Created) =>
        await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title, customerId, customFields,
            lines = new[] { new { description = "服务", quantity = 1m, unitPrice = 1000m, discountRate = 0m, vatRate = 0.06m } },
        }, expected);

    [Fact]
    public async Task Contract_values_are_checked_filtered_exported_and_audited()
    {
        var admin = await app.LoginAsync(await app.CreateTenantAsync("ccf"), "admin", "Admin123!");
        await admin.PostJsonAsync(Fields, Region(required: true), HttpStatusCode.Created);
        await admin.PostJsonAsync(Fields, new { key = "budget", type = "Money", labelZh = "预算", labelEn = "Budget", max = 1_000_000 }, HttpStatusCode.Created);
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = "合同客户" }, HttpStatusCode.Created)).Str("id");

        var missing = await CreateContractAsync(admin, customerId, "缺区域", null, HttpStatusCode.BadRequest);
        missing.FieldErrors("customFields.region").ShouldBe(["Sales region is required."]);
        var invalid = await CreateContractAsync(admin, customerId, "错值", new { region = "north", budget = 2_000_000m }, HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["customFields.budget", "customFields.region"]);
        (await admin.GetJsonAsync("/api/crm/contracts")).GetProperty("totalCount").GetInt64().ShouldBe(0, "a refused contract is not stored");

        var east = await CreateContractAsync(admin, customerId, "华东一", new { region = "east", budget = 5000.5m });
        east.GetProperty("customFields").Str("region").ShouldBe("east");
        east.GetProperty("customFields").GetProperty("budget").GetDecimal().ShouldBe(5000.5m);
        var moved = await CreateContractAsync(admin, customerId, "华东二", new { region = "east" });
        await CreateContractAsync(admin, customerId, "华南一", new { region = "south" });
        (await admin.GetJsonAsync("/api/crm/contracts?customField=region&customValue=east")).GetProperty("totalCount").GetInt64().ShouldBe(2);

        // An edit moves the contract between filters, and the change is in the contract's audit change set.
        await admin.PutJsonAsync($"/api/crm/contracts/{moved.Str("id")}", new
        {
            title = "华东二", customerId, customFields = new { region = "south" },
            lines = new[] { new { description = "服务", quantity = 1m, unitPrice = 1000m, discountRate = 0m, vatRate = 0.06m } },
        });
        var south = await admin.GetJsonAsync("/api/crm/contracts?customField=region&customValue=south&sort=number");
        south.GetProperty("items").EnumerateArray().Select(c => c.Str("title")).Order().ShouldBe(["华东二", "华南一"]);
        var changes = await admin.GetJsonAsync($"/api/audit/entity-changes?entityId={moved.Str("id")}");
        changes.GetProperty("items").EnumerateArray().Select(c => c.Str("changes")).ShouldContain(set => set.Contains("south"));

        var response = await admin.GetAsync("/api/crm/contracts?format=xlsx&sort=number");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["Sales region"]).ShouldBe(["East", "South", "South"]);
        rows[0]["Budget"].ShouldNotBeNull();
        rows[0].Keys.ShouldNotContain("CustomFields");

        // Another tenant neither sees the definitions nor finds the values.
        var other = await app.LoginAsync(await app.CreateTenantAsync("ccf"), "admin", "Admin123!");
        (await other.GetJsonAsync(Fields)).EnumerateArray().ShouldBeEmpty();
        (await other.GetJsonAsync("/api/crm/contracts?customField=region&customValue=east")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Webhook_payloads_of_customers_and_signed_contracts_carry_their_custom_values()
    {
        var tenant = await app.CreateTenantAsync("ccf");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/custom-fields/crm.customer", new
        {
            key = "level", type = "SingleSelect", labelZh = "客户等级", labelEn = "Customer level",
            options = new[] { new { value = "A", labelZh = "A 级", labelEn = "A" }, new { value = "B", labelZh = "B 级", labelEn = "B" } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync(Fields, Region(required: false, defaultValue: "east"), HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/webhooks/subscriptions", new
        {
            url = _receiver.Url, description = "ERP", isEnabled = true, eventTypes = new[] { "crm.customer.created", "crm.customer.updated", "crm.contract.signed" },
        }, HttpStatusCode.Created);

        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "甲级客户", customFields = new { level = "B" } }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/crm/customers/{customer.Str("id")}", new { name = "甲级客户", customFields = new { level = "A" } });
        var signed = await SignedContract.CreateAsync(app, tenant: tenant, customerId: customer.Str("id"));
        await app.RunDueJobsAsync();

        var received = _receiver.Received.ToArray();
        received.Select(r => r.Event).Order().ShouldBe(["crm.contract.signed", "crm.customer.created", "crm.customer.updated"]);
        JsonElement Data(string type) => received.Single(r => r.Event == type).Json.GetProperty("data");
        Data("crm.customer.created").GetProperty("customFields").Str("level").ShouldBe("B");
        Data("crm.customer.updated").GetProperty("customFields").Str("level").ShouldBe("A");
        Data("crm.customer.updated").Str("customerId").ShouldBe(customer.Str("id"));
        var contract = Data("crm.contract.signed");
        contract.Str("contractId").ShouldBe(signed.ContractId);
        contract.GetProperty("customFields").Str("region").ShouldBe("east", "a new contract takes the field's default");
    }

    [Fact]
    public async Task A_rule_sets_a_custom_field_on_the_record_its_event_names_and_a_bad_value_fails_only_the_run()
    {
        var tenant = await app.CreateTenantAsync("ccf");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/custom-fields/crm.customer", new
        {
            key = "level", type = "SingleSelect", labelZh = "客户等级", labelEn = "Customer level",
            options = new[] { new { value = "A", labelZh = "A 级", labelEn = "A" }, new { value = "B", labelZh = "B 级", labelEn = "B" } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync(Fields, Region(required: false), HttpStatusCode.Created);
        object Rule(string name, string entityType, string fieldKey, string fieldValue) => new
        {
            name, isEnabled = true, eventType = "crm.contract.signed", match = "All",
            conditions = new[] { new { field = "grossTotal", @operator = "GreaterOrEqual", value = "100000" } },
            actions = new[] { new { type = "SetCustomField", entityType, fieldKey, fieldValue } },
        };
        await admin.PostJsonAsync("/api/automation/rules", Rule("大单客户升 A", "crm.customer", "level", "A"), HttpStatusCode.Created);
        var bad = await admin.PostJsonAsync("/api/automation/rules", Rule("错误区域", "crm.contract", "region", "north"), HttpStatusCode.Created);
        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "升级客户", customFields = new { level = "B" } }, HttpStatusCode.Created);

        var signed = await SignedContract.CreateAsync(app, tenant: tenant, customerId: customer.Str("id"));

        (await admin.GetJsonAsync($"/api/crm/customers/{customer.Str("id")}")).GetProperty("customFields").Str("level").ShouldBe("A");
        (await admin.GetJsonAsync("/api/crm/customers?customField=level&customValue=A")).GetProperty("totalCount").GetInt64().ShouldBe(1, "the filter index follows");
        (await admin.GetJsonAsync($"/api/crm/contracts/{signed.ContractId}")).Str("status").ShouldBe("Signed", "the failing rule did not undo the signature");
        var run = (await admin.GetJsonAsync($"/api/automation/runs?ruleId={bad.Str("id")}")).GetProperty("items").EnumerateArray().Single();
        run.Str("result").ShouldBe("Failed");
    }
}
