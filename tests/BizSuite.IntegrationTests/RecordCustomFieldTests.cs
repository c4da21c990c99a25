using System.Net;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Custom fields on the kinds of record beyond customers and contracts (the kernel's generic record pattern): checked values,
/// list filter, export and import back, tenants apart — the same journey for each kind.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecordCustomFieldTests(BizSuiteFactory app)
{
    /// <summary>Each kind: its custom-field entity type and its API.</summary>
    public static TheoryData<string, string> Kinds => new() { { "purchasing.supplier", "/api/purchasing/suppliers" }, { "orders.product", "/api/orders/products" } };

    private static object Record(string kind, string name, object? customFields) => kind == "orders.product"
        ? new { sku = "SKU-" + (uint)name.GetHashCode(), name, kind = "Product", unit = "个", unitPrice = 10m, defaultVatRate = 0.13m, customFields }
        : new { name, customFields };

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
}
