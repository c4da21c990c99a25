using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>The global search (<c>/api/search</c>) and the list search boxes, over the term tables each module keeps in its save.</summary>
[Collection(ApiCollection.Name)]
public sealed class SearchTests(BizSuiteFactory app)
{
    private static Dictionary<string, List<JsonElement>> Groups(JsonElement result) =>
        result.GetProperty("groups").EnumerateArray().ToDictionary(g => g.Str("type"), g => g.GetProperty("items").EnumerateArray().ToList());

    private static async Task<Dictionary<string, List<JsonElement>>> SearchAsync(HttpClient client, string q) =>
        Groups(await client.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(q)}"));

    [Fact]
    public async Task A_signed_contract_is_found_by_any_part_of_its_customer_name_number_and_title_in_every_kind_of_record()
    {
        var customerName = "苏州星河精密机械有限公司";
        var tenant = await app.CreateTenantAsync("sr");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customer = (await admin.PostJsonAsync("/api/crm/customers", new { name = customerName, creditCode = "91350100M000100Y43" }, HttpStatusCode.Created)).Str("id");
        await admin.PostJsonAsync("/api/crm/customers", new { name = "苏州另一家贸易有限公司" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/crm/contacts", new { customerId = customer, name = "欧阳明", phone = "13912345678", isPrimary = true }, HttpStatusCode.Created);
        var signed = await SignedContract.CreateAsync(app, tenant: tenant, customerId: customer);
        var invoice = (await SignedContract.InvoicesAsync(admin, signed.ContractId)).Single();

        var found = await SearchAsync(admin, "星河精密");
        found.Keys.ShouldBe(["crm.customer", "crm.contract", "orders.sales-order", "finance.invoice"], ignoreOrder: true);
        found["crm.customer"].Single().Str("id").ShouldBe(customer);
        found["crm.customer"].Single().Str("subtitle").ShouldBe("91350100M000100Y43");
        found["finance.invoice"].Single().Str("id").ShouldBe(invoice.Str("id"));
        found["finance.invoice"].Single().Str("subtitle").ShouldBe(customerName);

        (await SearchAsync(admin, "河")).ShouldContainKey("crm.customer", "one Chinese character finds names holding it");
        (await SearchAsync(admin, invoice.Str("number").ToLowerInvariant()))["finance.invoice"].Single().Str("id").ShouldBe(invoice.Str("id"));
        (await SearchAsync(admin, "91350100m000"))["crm.customer"].Single().Str("id").ShouldBe(customer, "a credit code by its start, any case");
        (await SearchAsync(admin, "欧阳"))["crm.contact"].Single().Str("subtitle").ShouldBe("13912345678");
        (await SearchAsync(admin, "139123"))["crm.contact"].Single().Str("title").ShouldBe("欧阳明");
        (await SearchAsync(admin, "苏州 贸易"))["crm.customer"].Single().Str("title").ShouldBe("苏州另一家贸易有限公司", "every word must match");
        (await SearchAsync(admin, "星河 贸易")).ShouldBeEmpty();

        // A renamed customer is found by its new name only, at once (the terms change in the save).
        await admin.PutJsonAsync($"/api/crm/customers/{customer}", new { name = "苏州银月精密机械有限公司", creditCode = "91350100M000100Y43" });
        (await SearchAsync(admin, "银月"))["crm.customer"].Single().Str("id").ShouldBe(customer);
        (await SearchAsync(admin, "星河")).ShouldNotContainKey("crm.customer");

        // The list boxes use the same terms: the invoice list's filter and status together, with its count.
        var list = await admin.GetJsonAsync($"/api/finance/invoices?filter={Uri.EscapeDataString("星河精密")}&status=Open");
        list.GetProperty("totalCount").GetInt64().ShouldBe(1);
        list.GetProperty("items")[0].Str("id").ShouldBe(invoice.Str("id"));
        (await admin.GetJsonAsync($"/api/finance/invoices?filter={Uri.EscapeDataString("星河精密")}&status=Paid")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await admin.GetJsonAsync($"/api/crm/contracts?filter={Uri.EscapeDataString("精密机械")}")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await admin.GetJsonAsync($"/api/orders/sales-orders?filter={Uri.EscapeDataString("星河")}")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await admin.GetJsonAsync("/api/crm/customers?filter=%E8%8B%8F%E5%B7%9E")).GetProperty("totalCount").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Search_shows_only_the_tenants_own_records_and_only_the_kinds_the_user_may_read()
    {
        var signed = await SignedContract.CreateAsync(app);
        var admin = signed.Admin;
        (await SearchAsync(admin, "某某科技")).Keys.ShouldBe(["crm.customer", "crm.contract", "orders.sales-order", "finance.invoice"], ignoreOrder: true);

        var stranger = await app.LoginAsync(await app.CreateTenantAsync("sr"), "admin", "Admin123!");
        await stranger.PostJsonAsync("/api/crm/customers", new { name = "宁波无关客户有限公司" }, HttpStatusCode.Created);
        (await SearchAsync(stranger, "某某科技")).ShouldBeEmpty("another tenant's records are never found");

        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "sales-only" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Crm.Customers", "Crm.Contracts" } },
            HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users", new
        {
            userName = "seller", email = $"seller@{signed.Tenant}.test", name = "Seller", password = "Passw0rd!", isActive = true, roleNames = new[] { "sales-only" },
        }, HttpStatusCode.Created);
        var seller = await app.LoginAsync(signed.Tenant, "seller", "Passw0rd!");
        (await SearchAsync(seller, "某某科技")).Keys.ShouldBe(["crm.customer", "crm.contract"], ignoreOrder: true, "no Finance or Orders read: no invoices, no orders");
    }

    [Fact]
    public async Task An_empty_or_too_long_query_is_refused_beside_the_field()
    {
        var admin = await app.LoginAsync(await app.CreateTenantAsync("sr"), "admin", "Admin123!");
        (await admin.GetJsonAsync("/api/search?q=", HttpStatusCode.BadRequest)).FieldErrors("q").ShouldNotBeEmpty();
        (await admin.GetJsonAsync($"/api/search?q={new string('a', 101)}", HttpStatusCode.BadRequest)).FieldErrors("q").ShouldNotBeEmpty();
        (await admin.GetJsonAsync($"/api/finance/invoices?filter={new string('a', 101)}", HttpStatusCode.BadRequest)).FieldErrors("filter").ShouldNotBeEmpty();
        (await admin.GetJsonAsync("/api/search?q=%2B%2B")).GetProperty("groups").GetArrayLength().ShouldBe(0, "no letter or digit finds nothing");
        await app.Anonymous().GetJsonAsync("/api/search?q=x", HttpStatusCode.Unauthorized);
    }
}
