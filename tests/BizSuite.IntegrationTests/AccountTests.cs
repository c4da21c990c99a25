using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class AccountTests(BizSuiteFactory app)
{
    [Fact]
    public async Task Tenant_admin_logs_in_and_sees_own_tenant_and_permissions()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.LoginAsync(tenant, "admin", "Admin123!");

        var me = await client.GetJsonAsync("/api/account/me");

        me.Str("tenantName").ShouldBe(tenant);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        permissions.ShouldContain("Identity.Users.Create");
        permissions.ShouldNotContain("Saas.Tenants", "a tenant admin never holds host permissions");
    }

    [Fact]
    public async Task Refresh_token_rotates_and_a_reused_token_ends_the_whole_session_family()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous(tenant);
        var login = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "Admin123!" });
        var first = login.Str("refreshToken");

        var rotated = await client.PostJsonAsync("/api/account/refresh", new { refreshToken = first });
        var second = rotated.Str("refreshToken");
        second.ShouldNotBe(first);

        // The first token was replaced: presenting it again is a replay.
        var replay = await client.PostJsonAsync("/api/account/refresh", new { refreshToken = first }, HttpStatusCode.Unauthorized);
        replay.Str("code").ShouldBe("Identity:InvalidRefreshToken");
        // ...which also revoked the token issued from it.
        await client.PostJsonAsync("/api/account/refresh", new { refreshToken = second }, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous(tenant);
        var login = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "Admin123!" });

        (await client.PostAsJsonAsync("/api/account/logout", new { refreshToken = login.Str("refreshToken") })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await client.PostJsonAsync("/api/account/refresh", new { refreshToken = login.Str("refreshToken") }, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous(tenant);
        for (var i = 0; i < 4; i++)
            (await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "wrong-" + i }, HttpStatusCode.Unauthorized))
                .Str("code").ShouldBe("Identity:InvalidCredentials");

        var fifth = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "wrong-5" }, HttpStatusCode.Unauthorized);
        fifth.Str("code").ShouldBe("Identity:LockedOut");

        var right = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "Admin123!" }, HttpStatusCode.Unauthorized);
        right.Str("code").ShouldBe("Identity:LockedOut");
    }

    [Fact]
    public async Task Login_with_an_unknown_tenant_is_404_and_with_a_disabled_tenant_is_403()
    {
        (await app.Anonymous("no-such-tenant").PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "x" }, HttpStatusCode.NotFound))
            .Str("code").ShouldBe("Kernel:TenantNotFound");

        var tenant = await app.CreateTenantAsync();
        var user = await app.LoginAsync(tenant, "admin", "Admin123!");
        var host = await app.HostAdminAsync();
        var list = await host.GetJsonAsync($"/api/saas/tenants?filter={tenant}");
        var id = list.GetProperty("items")[0].Str("id");
        (await host.PostJsonAsync($"/api/saas/tenants/{id}/disable", new { })).GetProperty("isActive").GetBoolean().ShouldBeFalse();

        (await app.Anonymous(tenant).PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "Admin123!" }, HttpStatusCode.Forbidden))
            .Str("code").ShouldBe("Kernel:TenantDisabled");
        // A token issued before the tenant was disabled stops working too.
        (await user.GetJsonAsync("/api/account/me", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Kernel:TenantDisabled");
    }

    [Fact]
    public async Task Requests_without_a_token_are_401_and_a_forged_token_is_refused()
    {
        (await app.Anonymous().GetJsonAsync("/api/identity/users", HttpStatusCode.Unauthorized)).Str("code").ShouldBe("Kernel:Unauthorized");

        var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwibmFtZSI6ImFkbWluIn0.c2lnbmF0dXJlLW5vdC12YWxpZA");
        (await forged.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
