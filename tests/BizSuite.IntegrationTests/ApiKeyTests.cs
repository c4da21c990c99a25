using System.Net;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(BizSuiteFactory app)
{
    private HttpClient WithKey(string key, string? tenant = null)
    {
        var client = app.Anonymous(tenant);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task A_key_stops_working_when_the_tenant_moves_to_a_plan_without_api_keys_and_works_again_after_an_upgrade()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var key = (await admin.PostJsonAsync("/api/identity/api-keys", new { name = "ERP", permissions = new[] { "Crm.Customers" } }, HttpStatusCode.Created)).Str("key");
        (await WithKey(key).GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var host = await app.HostAdminAsync();
        var tenantId = (await admin.GetJsonAsync("/api/account/me")).Str("tenantId");
        await host.PutJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition = "Standard" });
        (await WithKey(key).GetJsonAsync("/api/crm/customers", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Saas:ModuleNotInEdition");
        (await admin.GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK, "signed-in users keep CRM on Standard");

        await host.PutJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition = "Professional" });
        (await WithKey(key).GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_acts_in_its_tenant_within_its_scopes_is_stored_hashed_and_stops_when_revoked()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/crm/customers", new { name = "宁波某某外贸有限公司" }, HttpStatusCode.Created);

        var created = await admin.PostJsonAsync("/api/identity/api-keys", new { name = "ERP", permissions = new[] { "Crm.Customers" } }, HttpStatusCode.Created);
        var key = created.Str("key");
        key.ShouldStartWith("bsk_");
        created.GetProperty("apiKey").Str("prefix").ShouldBe(key[..10]);
        (await app.ScalarAsync("SELECT COUNT(*) FROM identity_api_keys WHERE KeyHash = @key OR Permissions LIKE @key", ("@key", key))).ShouldBe(0);
        var listed = (await admin.GetJsonAsync("/api/identity/api-keys")).EnumerateArray().ShouldHaveSingleItem();
        listed.TryGetProperty("key", out _).ShouldBeFalse("the key is shown once, at creation");

        var erp = WithKey(key);
        (await erp.GetJsonAsync("/api/crm/customers")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        await erp.PostJsonAsync("/api/crm/customers", new { name = "越权客户" }, HttpStatusCode.Forbidden);
        await erp.GetJsonAsync("/api/identity/users", HttpStatusCode.Forbidden);

        // The tenant header cannot move a key into another tenant: it still reads its own tenant's customers.
        var other = await app.CreateTenantAsync();
        (await WithKey(key, other).GetJsonAsync("/api/crm/customers")).GetProperty("items")[0].Str("name").ShouldBe("宁波某某外贸有限公司");

        // Managing keys needs Identity.ApiKeys (this key lacks it), and another tenant's admin cannot see or revoke the key.
        await erp.GetJsonAsync("/api/identity/api-keys", HttpStatusCode.Forbidden);
        var otherAdmin = await app.LoginAsync(other, "admin", "Admin123!");
        (await otherAdmin.GetJsonAsync("/api/identity/api-keys")).GetArrayLength().ShouldBe(0);
        await otherAdmin.PostJsonAsync($"/api/identity/api-keys/{listed.Str("id")}/revoke", new { }, HttpStatusCode.NotFound);
        await erp.GetJsonAsync("/api/crm/customers");

        await admin.PostJsonAsync($"/api/identity/api-keys/{listed.Str("id")}/revoke", new { });
        (await erp.GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WithKey("bsk_" + new string('x', 43)).GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_gets_only_permissions_its_creator_holds_and_known_ones()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        (await admin.PostJsonAsync("/api/identity/api-keys", new { name = "", permissions = new[] { "No.Such.Permission" } }, HttpStatusCode.BadRequest))
            .FieldErrors("permissions[0]").ShouldNotBeEmpty();

        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "integrator" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions",
            new { grantedPermissions = new[] { "Identity.ApiKeys", "Crm.Customers" } }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "wu", email = "wu@example.cn", name = "吴工", password = "Passw0rd!", isActive = true, roleNames = new[] { "integrator" } },
            HttpStatusCode.Created);
        var wu = await app.LoginAsync(tenant, "wu", "Passw0rd!");
        var refused = await wu.PostJsonAsync("/api/identity/api-keys", new { name = "too much", permissions = new[] { "Crm.Customers.Manage" } },
            HttpStatusCode.UnprocessableEntity);
        (refused.Str("code"), refused.FieldErrors("permissions").Length).ShouldBe(("Identity:PermissionNotHeld", 1));

        // A key never outgrows its creator: taking the role's permission away narrows the key at once.
        var key = (await wu.PostJsonAsync("/api/identity/api-keys", new { name = "sync", permissions = new[] { "Crm.Customers" } }, HttpStatusCode.Created)).Str("key");
        await WithKey(key).GetJsonAsync("/api/crm/customers");
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Identity.ApiKeys" } }, HttpStatusCode.NoContent);
        await WithKey(key).GetJsonAsync("/api/crm/customers", HttpStatusCode.Forbidden);
    }
}
