using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Tenant-defined custom fields on customers: definitions, checked values, list filter, export, audit, isolation.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomFieldTests(BizSuiteFactory app)
{
    private const string Fields = "/api/custom-fields/crm.customer";

    private static object Level(bool required = true) => new
    {
        key = "level", type = "SingleSelect", labelZh = "客户等级", labelEn = "Customer level", required, showInList = true,
        options = new[] { new { value = "A", labelZh = "A 级", labelEn = "Level A" }, new { value = "B", labelZh = "B 级", labelEn = "Level B" } },
    };

    private async Task<HttpClient> AdminAsync(string prefix = "cf") => await app.LoginAsync(await app.CreateTenantAsync(prefix), "admin", "Admin123!");

    private static async Task<JsonElement> CreateCustomerAsync(HttpClient admin, string name, object? customFields, HttpStatusCode expected = HttpStatusCode.Created) =>
        await admin.PostJsonAsync("/api/crm/customers", new { name, customFields }, expected);

    [Fact]
    public async Task Every_field_type_takes_its_valid_values_normalized_and_refuses_invalid_ones_with_field_errors()
    {
        var admin = await AdminAsync();
        var options = new[] { new { value = "x", labelZh = "甲", labelEn = "X" }, new { value = "y", labelZh = "乙", labelEn = "Y" } };
        foreach (var (key, type) in new[] { ("note", "Text"), ("memo", "LongText"), ("staff", "Number"), ("budget", "Money"), ("since", "Date"),
                     ("vip", "Boolean"), ("owner", "User"), ("dept", "Department") })
            await admin.PostJsonAsync(Fields, new { key, type, labelZh = key, labelEn = key }, HttpStatusCode.Created);
        await admin.PostJsonAsync(Fields, new { key = "tier", type = "SingleSelect", labelZh = "档", labelEn = "Tier", options }, HttpStatusCode.Created);
        await admin.PostJsonAsync(Fields, new { key = "tags", type = "MultiSelect", labelZh = "标签", labelEn = "Tags", options }, HttpStatusCode.Created);
        var id = Guid.NewGuid().ToString();

        var created = await CreateCustomerAsync(admin, "全类型", new Dictionary<string, object>
        {
            ["note"] = " 备注 ", ["memo"] = "第一行\n第二行", ["staff"] = "120", ["budget"] = 1999.50m, ["since"] = "2026/1/5", ["vip"] = true,
            ["owner"] = id.ToUpperInvariant(), ["dept"] = id, ["tier"] = "y", ["tags"] = new[] { "y", "x" },
        });
        var values = created.GetProperty("customFields");
        values.GetProperty("note").GetString().ShouldBe("备注");
        values.GetProperty("staff").GetDecimal().ShouldBe(120m);
        values.GetProperty("budget").GetRawText().ShouldBe("1999.5");
        values.GetProperty("since").GetString().ShouldBe("2026-01-05");
        values.GetProperty("vip").GetBoolean().ShouldBeTrue();
        values.GetProperty("owner").GetString().ShouldBe(id);
        values.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["x", "y"]);
        (await admin.GetJsonAsync($"/api/crm/customers/{created.Str("id")}")).GetProperty("customFields").GetRawText().ShouldBe(values.GetRawText());

        var invalid = await CreateCustomerAsync(admin, "全错", new Dictionary<string, object>
        {
            ["note"] = 5, ["memo"] = new string('长', 4001), ["staff"] = "many", ["budget"] = 1.005m, ["since"] = "2026-02-30", ["vip"] = "maybe",
            ["owner"] = "zhangsan", ["dept"] = 7, ["tier"] = "z", ["tags"] = new[] { "x", "q" }, ["nope"] = 1,
        }, HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(
            new[] { "note", "memo", "staff", "budget", "since", "vip", "owner", "dept", "tier", "tags", "nope" }.Select(k => "customFields." + k).Order());
        invalid.FieldErrors("customFields.budget").ShouldBe(["budget must be an amount with at most 2 decimals."]);
        (await admin.GetJsonAsync("/api/crm/customers")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task A_required_select_is_needed_on_create_and_the_list_filters_by_it()
    {
        var admin = await AdminAsync();
        await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        var missing = await CreateCustomerAsync(admin, "没有等级", null, HttpStatusCode.BadRequest);
        missing.FieldErrors("customFields.level").ShouldBe(["Customer level is required."]);

        await CreateCustomerAsync(admin, "甲一", new { level = "A" });
        await CreateCustomerAsync(admin, "乙一", new { level = "B" });
        var a2 = await CreateCustomerAsync(admin, "甲二", new { level = "A" });
        var levelA = await admin.GetJsonAsync("/api/crm/customers?customField=level&customValue=A&sort=name");
        levelA.GetProperty("totalCount").GetInt64().ShouldBe(2);
        levelA.GetProperty("items").EnumerateArray().Select(c => c.Str("name")).Order().ShouldBe(["甲一", "甲二"]);

        // An edit moves the customer between filters: the index follows the value.
        await admin.PutJsonAsync($"/api/crm/customers/{a2.Str("id")}", new { name = "甲二", customFields = new { level = "B" } });
        (await admin.GetJsonAsync("/api/crm/customers?customField=level&customValue=A")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await admin.GetJsonAsync("/api/crm/customers?customField=level&customValue=B")).GetProperty("totalCount").GetInt64().ShouldBe(2);

        // The change is in the audit log's change set of the customer.
        var changes = await admin.GetJsonAsync($"/api/audit/entity-changes?entityId={a2.Str("id")}");
        changes.GetProperty("items").EnumerateArray().Select(c => JsonDocument.Parse(c.Str("changes")).RootElement).ShouldContain(set => NewLevel(set) == "B");
    }

    /// <summary>The level a change set gives the customer's custom values, if it changes them.</summary>
    private static string? NewLevel(JsonElement changeSet) => changeSet.EnumerateObject()
        .Where(p => p.Name.Equals("CustomFields", StringComparison.OrdinalIgnoreCase))
        .SelectMany(p => p.Value.EnumerateObject()).Where(v => v.Name.Equals("new", StringComparison.OrdinalIgnoreCase) && v.Value.ValueKind == JsonValueKind.String)
        .Select(v => JsonNode.Parse(v.Value.GetString()!)?["level"]?.GetValue<string>()).FirstOrDefault();

    [Fact]
    public async Task Export_has_a_column_per_field_headed_by_its_label_with_option_labels()
    {
        var admin = await AdminAsync();
        await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        await CreateCustomerAsync(admin, "导出甲", new { level = "A" });
        var response = await admin.GetAsync("/api/crm/customers?format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        row["Customer level"].ShouldBe("Level A");
        row.Keys.ShouldNotContain("CustomFields");
    }

    [Fact]
    public async Task An_export_imports_back_with_its_custom_values_and_the_template_has_their_columns()
    {
        var admin = await AdminAsync();
        await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        await CreateCustomerAsync(admin, "往返甲", new { level = "A" });
        await CreateCustomerAsync(admin, "往返乙", new { level = "B" });
        var exported = await (await admin.GetAsync("/api/crm/customers?format=xlsx")).Content.ReadAsByteArrayAsync();

        var other = await AdminAsync("cf3");
        await other.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        using (var template = new MemoryStream(await other.GetByteArrayAsync("/api/crm/customers/import/template")))
            ((IDictionary<string, object?>)template.Query().Single()).Values.ShouldContain("Customer level*");

        (await other.UploadAsync("/api/crm/customers/import", exported, "customers.xlsx")).GetProperty("imported").GetInt32().ShouldBe(2);
        var imported = await other.GetJsonAsync("/api/crm/customers?sort=name");
        imported.GetProperty("items").EnumerateArray().Select(c => (c.Str("name"), c.GetProperty("customFields").Str("level")))
            .OrderBy(x => x.Item1).ShouldBe([("往返乙", "B"), ("往返甲", "A")], ignoreOrder: true);

        // A bad or missing level is the row's error in the preview, under the column's field.
        var bad = await other.UploadAsync("/api/crm/customers/import/preview", BadLevels(), "bad.xlsx");
        bad.GetProperty("rows").EnumerateArray().Select(r => string.Join(",", r.GetProperty("errors").EnumerateObject().Select(e => e.Name)))
            .ShouldBe(["customFields.level", "customFields.level"]);
    }

    private static byte[] BadLevels()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["客户名称"] = "坏等级", ["客户等级"] = "Z 级" },
            new Dictionary<string, object?> { ["客户名称"] = "没等级", ["客户等级"] = null },
        });
        return stream.ToArray();
    }

    [Fact]
    public async Task Definitions_belong_to_their_tenant_and_need_the_admin_permission_to_change()
    {
        var admin = await AdminAsync();
        var other = await AdminAsync("cf2");
        await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        (await admin.GetJsonAsync(Fields)).GetArrayLength().ShouldBe(1);
        (await other.GetJsonAsync(Fields)).GetArrayLength().ShouldBe(0);
        // The other tenant defines the same key for itself, and its customers are not held to the first tenant's field.
        await other.PostJsonAsync(Fields, Level(required: false), HttpStatusCode.Created);
        await CreateCustomerAsync(other, "无等级", null);
        (await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Conflict)).Str("code").ShouldBe("Kernel:CustomFieldKeyTaken");
        await admin.GetJsonAsync("/api/custom-fields/crm.nothing", HttpStatusCode.NotFound);
        var field = (await admin.GetJsonAsync(Fields))[0];
        await other.PostJsonAsync($"{Fields}/{field.Str("id")}/remove", new { }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Removing_a_field_hides_it_and_keeps_the_values_and_restoring_brings_both_back()
    {
        var admin = await AdminAsync();
        var field = await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        var customer = await CreateCustomerAsync(admin, "留值", new { level = "A" });
        await admin.PostJsonAsync($"{Fields}/{field.Str("id")}/remove", new { }, HttpStatusCode.NoContent);
        (await admin.GetJsonAsync(Fields)).GetArrayLength().ShouldBe(0);
        (await admin.GetJsonAsync($"{Fields}?includeRemoved=true"))[0].GetProperty("removed").GetBoolean().ShouldBeTrue();

        // Not required while removed, not accepted either, and an edit without it keeps the stored value.
        await CreateCustomerAsync(admin, "新客户", null);
        (await CreateCustomerAsync(admin, "新客户2", new { level = "A" }, HttpStatusCode.BadRequest)).FieldErrors("customFields.level").ShouldNotBeEmpty();
        await admin.PutJsonAsync($"/api/crm/customers/{customer.Str("id")}", new { name = "留值（改名）" });

        await admin.PostJsonAsync($"{Fields}/{field.Str("id")}/restore", new { }, HttpStatusCode.NoContent);
        (await admin.GetJsonAsync($"/api/crm/customers/{customer.Str("id")}")).GetProperty("customFields").GetProperty("level").GetString().ShouldBe("A");
        (await admin.GetJsonAsync("/api/crm/customers?customField=level&customValue=A")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task A_type_change_is_refused_when_stored_values_would_not_convert_and_labels_change_freely()
    {
        var admin = await AdminAsync();
        var level = await admin.PostJsonAsync(Fields, Level(), HttpStatusCode.Created);
        var size = await admin.PostJsonAsync(Fields, new { key = "size", type = "Text", labelZh = "规模", labelEn = "Size" }, HttpStatusCode.Created);
        await CreateCustomerAsync(admin, "甲", new { level = "A", size = "120" });

        var refused = await admin.PutJsonAsync($"{Fields}/{level.Str("id")}", new { key = "level", type = "Number", labelZh = "客户等级", labelEn = "Customer level" },
            HttpStatusCode.UnprocessableEntity);
        refused.Str("code").ShouldBe("Kernel:CustomFieldValuesWouldNotConvert");
        // Dropping an option in use is the same kind of change.
        await admin.PutJsonAsync($"{Fields}/{level.Str("id")}", new
        {
            key = "level", type = "SingleSelect", labelZh = "客户等级", labelEn = "Customer level",
            options = new[] { new { value = "B", labelZh = "B 级", labelEn = "Level B" } },
        }, HttpStatusCode.UnprocessableEntity);

        // Text holding numbers becomes a number; a relabel keeps the key.
        var changed = await admin.PutJsonAsync($"{Fields}/{size.Str("id")}", new { key = "renamed", type = "Number", labelZh = "员工人数", labelEn = "Staff" });
        (changed.Str("key"), changed.Str("type"), changed.Str("labelEn")).ShouldBe(("size", "Number", "Staff"));
    }
}
