using System.Net;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class ProductsTests(BizSuiteFactory app)
{
    private static object Product(string sku, string name = "机架式服务器", decimal price = 25000m, decimal vatRate = 0.13m, string kind = "Product", string unit = "台") =>
        new { sku, name, kind, unit, unitPrice = price, defaultVatRate = vatRate, description = (string?)null };

    private async Task<HttpClient> TenantAdminAsync()
    {
        var tenant = await app.CreateTenantAsync("p");
        return await app.LoginAsync(tenant, "admin", "Admin123!");
    }

    [Fact]
    public async Task A_product_is_created_with_the_tenant_currency_listed_and_found_by_sku_or_name()
    {
        var admin = await TenantAdminAsync();
        var server = await admin.PostJsonAsync("/api/orders/products", Product("srv-r750"), HttpStatusCode.Created);
        server.Str("sku").ShouldBe("SRV-R750");
        server.Str("currency").ShouldBe("CNY");
        server.Str("kind").ShouldBe("Product");
        server.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        await admin.PostJsonAsync("/api/orders/products", Product("SVC-IMPL", "实施服务", 1000m, 0.06m, "Service", "小时"), HttpStatusCode.Created);

        var all = await admin.GetJsonAsync("/api/orders/products");
        all.GetProperty("totalCount").GetInt64().ShouldBe(2);
        all.GetProperty("items").EnumerateArray().Select(p => p.Str("sku")).ShouldBe(["SRV-R750", "SVC-IMPL"]);
        (await admin.GetJsonAsync("/api/orders/products?filter=svc")).GetProperty("items").EnumerateArray().Single().Str("name").ShouldBe("实施服务");
        (await admin.GetJsonAsync("/api/orders/products?filter=服务器")).GetProperty("items").EnumerateArray().Single().Str("sku").ShouldBe("SRV-R750");

        var updated = await admin.PutJsonAsync($"/api/orders/products/{server.Str("id")}", Product("SRV-R750", "机架式服务器 2U", 24000m));
        updated.GetProperty("unitPrice").GetDecimal().ShouldBe(24000m);
        (await admin.GetJsonAsync($"/api/orders/products/{server.Str("id")}")).Str("name").ShouldBe("机架式服务器 2U");
    }

    [Fact]
    public async Task A_duplicate_sku_is_refused_beside_the_sku_field()
    {
        var admin = await TenantAdminAsync();
        await admin.PostJsonAsync("/api/orders/products", Product("SRV-R750"), HttpStatusCode.Created);
        var other = await admin.PostJsonAsync("/api/orders/products", Product("SRV-R760"), HttpStatusCode.Created);

        var duplicate = await admin.PostJsonAsync("/api/orders/products", Product("srv-r750", "另一台"), HttpStatusCode.Conflict);
        duplicate.Str("code").ShouldBe("Orders:DuplicateSku");
        duplicate.FieldErrors("sku").ShouldBe(["Another product already has SKU SRV-R750."]);

        var renamed = await admin.PutJsonAsync($"/api/orders/products/{other.Str("id")}", Product("SRV-R750"), HttpStatusCode.Conflict);
        renamed.FieldErrors("sku").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Invalid_fields_are_refused_with_field_errors_in_the_users_language()
    {
        var admin = await TenantAdminAsync();
        var vat = await admin.PostJsonAsync("/api/orders/products", Product("SRV-1", vatRate: 0.17m), HttpStatusCode.BadRequest);
        vat.Str("code").ShouldBe("Orders:InvalidVatRate");
        vat.FieldErrors("defaultVatRate").ShouldNotBeEmpty();

        var sku = await admin.PostJsonAsync("/api/orders/products", Product("SRV 1/A"), HttpStatusCode.BadRequest);
        sku.Str("code").ShouldBe("Orders:InvalidSku");
        sku.FieldErrors("sku").ShouldNotBeEmpty();

        var fields = await admin.PostJsonAsync("/api/orders/products",
            new { sku = "", name = "", kind = "Service", unit = "这个单位的名称实在是太长了超过十六个字符了", unitPrice = -1m, defaultVatRate = 0.06m }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "sku", "name", "unit", "unitPrice" }) fields.FieldErrors(field).ShouldNotBeEmpty(field);

        var chinese = await app.LoginAsync((await admin.GetJsonAsync("/api/account/me")).Str("tenantName"), "admin", "Admin123!", "zh-CN");
        (await chinese.PostJsonAsync("/api/orders/products", Product("SRV-1", vatRate: 0.17m), HttpStatusCode.BadRequest))
            .FieldErrors("defaultVatRate").Single().ShouldContain("增值税税率");
        (await admin.GetJsonAsync("/api/orders/products")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_deactivated_product_leaves_the_active_list_until_it_is_activated_again()
    {
        var admin = await TenantAdminAsync();
        var server = await admin.PostJsonAsync("/api/orders/products", Product("SRV-R750"), HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/orders/products", Product("LIC-ERP", "ERP 许可", 2000m), HttpStatusCode.Created);

        (await admin.PostJsonAsync($"/api/orders/products/{server.Str("id")}/deactivate", new { })).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        (await admin.GetJsonAsync("/api/orders/products?active=true")).GetProperty("items").EnumerateArray().Select(p => p.Str("sku")).ShouldBe(["LIC-ERP"]);
        (await admin.GetJsonAsync("/api/orders/products?active=false")).GetProperty("items").EnumerateArray().Select(p => p.Str("sku")).ShouldBe(["SRV-R750"]);
        (await admin.GetJsonAsync("/api/orders/products")).GetProperty("totalCount").GetInt64().ShouldBe(2);

        await admin.PostJsonAsync($"/api/orders/products/{server.Str("id")}/activate", new { });
        (await admin.GetJsonAsync("/api/orders/products?active=true")).GetProperty("totalCount").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Another_tenants_products_are_not_found_and_its_skus_do_not_collide()
    {
        var admin = await TenantAdminAsync();
        var server = await admin.PostJsonAsync("/api/orders/products", Product("SRV-R750"), HttpStatusCode.Created);
        var other = await TenantAdminAsync();

        await other.GetJsonAsync($"/api/orders/products/{server.Str("id")}", HttpStatusCode.NotFound);
        await other.PutJsonAsync($"/api/orders/products/{server.Str("id")}", Product("SRV-R750"), HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/orders/products/{server.Str("id")}/deactivate", new { }, HttpStatusCode.NotFound);
        (await other.GetJsonAsync("/api/orders/products")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await other.PostJsonAsync("/api/orders/products", Product("SRV-R750"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Viewing_and_maintaining_the_catalogue_need_their_permissions()
    {
        var admin = await TenantAdminAsync();
        var server = await admin.PostJsonAsync("/api/orders/products", Product("SRV-R750"), HttpStatusCode.Created);
        var viewer = await UserWithPermissionsAsync(admin, "viewer", "Orders.Products");
        var outsider = await UserWithPermissionsAsync(admin, "outsider", "Crm.Customers");

        (await viewer.GetJsonAsync("/api/orders/products?active=true")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        await viewer.PostJsonAsync("/api/orders/products", Product("LIC-ERP"), HttpStatusCode.Forbidden);
        await viewer.PutJsonAsync($"/api/orders/products/{server.Str("id")}", Product("SRV-R750"), HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/orders/products/{server.Str("id")}/deactivate", new { }, HttpStatusCode.Forbidden);
        await outsider.GetJsonAsync("/api/orders/products", HttpStatusCode.Forbidden);
        await outsider.GetJsonAsync($"/api/orders/products/{server.Str("id")}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Sales_orders_are_listed_per_customer()
    {
        var admin = await TenantAdminAsync();
        var first = await SignedContractForNewCustomerAsync(admin, "宁波某某贸易有限公司");
        var second = await SignedContractForNewCustomerAsync(admin, "杭州某某科技有限公司");

        var orders = await admin.GetJsonAsync($"/api/orders/sales-orders?customerId={first}");
        orders.GetProperty("totalCount").GetInt64().ShouldBe(1);
        orders.GetProperty("items")[0].Str("customerName").ShouldBe("宁波某某贸易有限公司");
        (await admin.GetJsonAsync($"/api/orders/sales-orders?customerId={second}")).GetProperty("items")[0].Str("customerId").ShouldBe(second);
        (await admin.GetJsonAsync($"/api/orders/sales-orders?customerId={Guid.NewGuid()}")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await admin.GetJsonAsync("/api/orders/sales-orders")).GetProperty("totalCount").GetInt64().ShouldBe(2);
    }

    private async Task<string> SignedContractForNewCustomerAsync(HttpClient admin, string customerName)
    {
        var customer = (await admin.PostJsonAsync("/api/crm/customers", new { name = customerName }, HttpStatusCode.Created)).Str("id");
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "设备采购",
            customerId = customer,
            lines = new[] { new { description = "服务器", quantity = 1m, unitPrice = 25000m, discountRate = 0m, vatRate = 0.13m } },
            installments = new[] { new { trigger = "OnSigning", percentage = 100m } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/crm/contracts/{contract.Str("id")}/submit", new { });
        await SignedContract.ApproveAsync(admin, contract.Str("id"));
        await admin.PostJsonAsync($"/api/crm/contracts/{contract.Str("id")}/sign", new { });
        return customer;
    }

    private async Task<HttpClient> UserWithPermissionsAsync(HttpClient admin, string name, params string[] permissions)
    {
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = permissions }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = name, email = $"{name}@example.cn", name, password = "Passw0rd!", isActive = true, roleNames = new[] { name } }, HttpStatusCode.Created);
        var me = await admin.GetJsonAsync("/api/account/me");
        return await app.LoginAsync(me.Str("tenantName"), name, "Passw0rd!");
    }
}
