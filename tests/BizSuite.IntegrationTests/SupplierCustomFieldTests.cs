using System.Net;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Custom fields on suppliers (the kernel's generic record pattern): checked values, list filter, export and import back, tenants apart.</summary>
[Collection(ApiCollection.Name)]
public sealed class SupplierCustomFieldTests(BizSuiteFactory app)
{
    private const string Fields = "/api/custom-fields/purchasing.supplier";

    private static object Rating(bool required) => new
    {
        key = "rating", type = "SingleSelect", labelZh = "供应商评级", labelEn = "Supplier rating", required, showInList = true,
        options = new[] { new { value = "preferred", labelZh = "优选", labelEn = "Preferred" }, new { value = "probation", labelZh = "考察期", labelEn = "On probation" } },
    };

    [Fact]
    public async Task Supplier_values_are_checked_filtered_exported_and_imported_back_in_their_tenant_only()
    {
        var admin = await app.LoginAsync(await app.CreateTenantAsync("scf"), "admin", "Admin123!");
        await admin.PostJsonAsync(Fields, Rating(required: true), HttpStatusCode.Created);
        await admin.PostJsonAsync(Fields, new { key = "capacity", type = "Number", labelZh = "月产能", labelEn = "Monthly capacity", min = 0 }, HttpStatusCode.Created);

        var missing = await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "无评级" }, HttpStatusCode.BadRequest);
        missing.FieldErrors("customFields.rating").ShouldBe(["Supplier rating is required."]);
        var invalid = await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "错值", customFields = new { rating = "gold", capacity = -5 } },
            HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["customFields.capacity", "customFields.rating"]);
        (await admin.GetJsonAsync("/api/purchasing/suppliers")).GetProperty("totalCount").GetInt64().ShouldBe(0, "a refused supplier is not stored");

        var steel = await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "钢材供应商", customFields = new { rating = "preferred", capacity = 1200 } },
            HttpStatusCode.Created);
        steel.GetProperty("customFields").Str("rating").ShouldBe("preferred");
        var paper = await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "纸张供应商", customFields = new { rating = "preferred" } }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/purchasing/suppliers", new { name = "新供应商", customFields = new { rating = "probation" } }, HttpStatusCode.Created);
        (await admin.GetJsonAsync("/api/purchasing/suppliers?customField=rating&customValue=preferred")).GetProperty("totalCount").GetInt64().ShouldBe(2);

        // An edit moves the supplier between filters.
        await admin.PutJsonAsync($"/api/purchasing/suppliers/{paper.Str("id")}", new { name = "纸张供应商", customFields = new { rating = "probation" } });
        var probation = await admin.GetJsonAsync("/api/purchasing/suppliers?customField=rating&customValue=probation");
        probation.GetProperty("items").EnumerateArray().Select(s => s.Str("name")).Order().ShouldBe(["新供应商", "纸张供应商"]);

        var response = await admin.GetAsync("/api/purchasing/suppliers?format=xlsx&sort=name");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var exported = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(exported))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.Select(r => (r["Name"], r["Supplier rating"])).OrderBy(r => r.Item1).ShouldBe(
                [("新供应商", "On probation"), ("纸张供应商", "On probation"), ("钢材供应商", "Preferred")], ignoreOrder: true);
            rows.ShouldAllBe(r => !r.ContainsKey("CustomFields"));
        }

        // Another tenant neither sees the definitions nor finds the values; with the same field, the export imports back.
        var other = await app.LoginAsync(await app.CreateTenantAsync("scf"), "admin", "Admin123!");
        (await other.GetJsonAsync(Fields)).EnumerateArray().ShouldBeEmpty();
        (await other.GetJsonAsync("/api/purchasing/suppliers?customField=rating&customValue=preferred")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await other.PostJsonAsync(Fields, Rating(required: true), HttpStatusCode.Created);
        (await other.UploadAsync("/api/purchasing/suppliers/import", exported, "suppliers.xlsx")).GetProperty("imported").GetInt32().ShouldBe(3);
        (await other.GetJsonAsync("/api/purchasing/suppliers?customField=rating&customValue=preferred")).GetProperty("items").EnumerateArray()
            .Select(s => s.Str("name")).ShouldBe(["钢材供应商"]);
    }
}
