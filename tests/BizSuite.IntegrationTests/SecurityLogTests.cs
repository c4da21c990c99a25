using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class SecurityLogTests(BizSuiteFactory app)
{
    [Fact]
    public async Task Logins_failures_lockouts_password_changes_and_revocations_are_in_the_tenants_security_log()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var anonymous = app.Anonymous(tenant);
        await anonymous.PostJsonAsync("/api/account/login", new { userNameOrEmail = "nobody", password = "x" }, HttpStatusCode.Unauthorized);
        var created = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "clerk", email = $"clerk@{tenant}.test", name = "Clerk", password = "Clerk123!", isActive = true, roleNames = new[] { "member" } }, HttpStatusCode.Created);
        for (var i = 0; i < 5; i++)
            await anonymous.PostJsonAsync("/api/account/login", new { userNameOrEmail = "clerk", password = "wrong" + i }, HttpStatusCode.Unauthorized);
        await admin.PutJsonAsync($"/api/identity/users/{created.Str("id")}",
            new { email = $"clerk@{tenant}.test", name = "Clerk", isActive = true, roleNames = new[] { "member" }, password = "Clerk456!" });
        (await admin.PostAsJsonAsync($"/api/identity/users/{created.Str("id")}/revoke-sessions", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var clerk = await admin.GetJsonAsync("/api/identity/security-log?userName=clerk&take=50");
        Kinds(clerk).ShouldBe(["SessionsRevoked", "PasswordChanged", "LockedOut", "LoginFailed", "LoginFailed", "LoginFailed", "LoginFailed"]);
        clerk.GetProperty("items")[1].Str("detail").ShouldBe("by admin");
        Kinds(await admin.GetJsonAsync("/api/identity/security-log?userName=nobody")).ShouldBe(["LoginFailed"]);
        Kinds(await admin.GetJsonAsync("/api/identity/security-log?kind=LoginSucceeded")).ShouldBe(["LoginSucceeded"], "the admin's own login");

        var page = await admin.GetJsonAsync("/api/identity/security-log?take=2&skip=2");
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("totalCount").GetInt64().ShouldBe(9);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("O");
        (await admin.GetJsonAsync($"/api/identity/security-log?from={Uri.EscapeDataString(tomorrow)}")).GetProperty("totalCount").GetInt64().ShouldBe(0);

        // Another tenant sees none of it; a member without the permission is refused.
        var other = await app.LoginAsync(await app.CreateTenantAsync(), "admin", "Admin123!");
        (await other.GetJsonAsync("/api/identity/security-log?userName=clerk")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "viewer", email = $"viewer@{tenant}.test", name = "Viewer", password = "Viewer123!", isActive = true, roleNames = new[] { "member" } }, HttpStatusCode.Created);
        var member = await app.LoginAsync(tenant, "viewer", "Viewer123!");
        await member.GetJsonAsync("/api/identity/security-log", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_api_keys_use_is_logged_once_an_hour_not_on_every_call()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var key = (await admin.PostJsonAsync("/api/identity/api-keys", new { name = "ERP", permissions = new[] { "Crm.Customers" } }, HttpStatusCode.Created)).Str("key");
        var system = app.Anonymous();
        system.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (var i = 0; i < 3; i++) (await system.GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var used = await admin.GetJsonAsync("/api/identity/security-log?kind=ApiKeyUsed");
        used.GetProperty("totalCount").GetInt64().ShouldBe(1);
        used.GetProperty("items")[0].Str("userName").ShouldBe("api-key:ERP");
    }

    private static string[] Kinds(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.Str("kind")).ToArray();
}
