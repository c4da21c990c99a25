using System.Net;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class SaasTests(BizSuiteFactory app)
{
    [Fact]
    public async Task Host_admin_creates_a_tenant_whose_admin_and_default_roles_exist_at_once()
    {
        var host = await app.HostAdminAsync();
        var name = "acme" + Guid.NewGuid().ToString("N")[..6];
        var tenant = await host.PostJsonAsync("/api/saas/tenants",
            new { name = name.ToUpperInvariant(), displayName = "艾克米 Acme", adminEmail = "boss@acme.cn", adminPassword = "Boss1234!" }, HttpStatusCode.Created);
        tenant.Str("name").ShouldBe(name, "tenant names are stored in lower case");

        var admin = await app.LoginAsync(name, "boss@acme.cn", "Boss1234!");
        var roles = await admin.GetJsonAsync("/api/identity/roles");
        roles.GetProperty("items").EnumerateArray().Select(r => r.Str("name")).ShouldBe(["admin", "member"]);

        (await host.PostJsonAsync("/api/saas/tenants",
            new { name, displayName = "again", adminEmail = "x@acme.cn", adminPassword = "Boss1234!" }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe("Saas:DuplicateTenantName");
    }

    [Fact]
    public async Task A_failing_handler_in_Identity_rolls_back_the_tenant_Saas_just_created()
    {
        var host = await app.HostAdminAsync();
        var name = "weak" + Guid.NewGuid().ToString("N")[..6];
        var tenantsBefore = await app.ScalarAsync("SELECT COUNT(*) FROM saas_tenants");

        // Saas accepts the request; Identity's handler of TenantCreated rejects the admin password.
        var problem = await host.PostJsonAsync("/api/saas/tenants",
            new { name, displayName = "Weak", adminEmail = "a@weak.cn", adminPassword = "short" }, HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe("Identity:PasswordTooWeak");
        problem.FieldErrors("adminPassword").ShouldNotBeEmpty();

        (await app.ScalarAsync("SELECT COUNT(*) FROM saas_tenants")).ShouldBe(tenantsBefore);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE EventType = 'TenantCreated' AND Payload LIKE @name", ("@name", $"%{name}%"))).ShouldBe(0);
        await app.Anonymous(name).PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "short" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_journal_keeps_the_tenant_created_event_without_the_admin_password()
    {
        var name = await app.CreateTenantAsync("j");
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE EventType = 'TenantCreated' AND Payload LIKE @name AND Payload LIKE '%\"adminPassword\":\"***\"%'",
            ("@name", $"%\"{name}\"%"))).ShouldBe(1);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE Payload LIKE '%Admin123!%'")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_host_admin_manages_tenants()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantAdmin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await tenantAdmin.GetJsonAsync("/api/saas/tenants", HttpStatusCode.Forbidden);
        await tenantAdmin.PostJsonAsync("/api/saas/tenants",
            new { name = "sneaky", displayName = "x", adminEmail = "x@x.cn", adminPassword = "Passw0rd!" }, HttpStatusCode.Forbidden);

        var host = await app.HostAdminAsync();
        var invalid = await host.PostJsonAsync("/api/saas/tenants", new { name = "bad name!", displayName = "", adminEmail = "nope", adminPassword = "" }, HttpStatusCode.BadRequest);
        invalid.FieldErrors("name").ShouldNotBeEmpty();
        invalid.FieldErrors("displayName").ShouldNotBeEmpty();
        invalid.FieldErrors("adminEmail").ShouldNotBeEmpty();
    }
}
