using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BizSuite.Identity;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class ImpersonationTests(BizSuiteFactory app)
{
    private const string Reason = "Ticket 4711: customer cannot save an invoice";

    [Fact]
    public async Task A_host_admin_acts_as_the_tenants_admin_every_change_names_them_and_ending_stops_the_session()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantId = await TenantIdAsync(tenant);
        var host = await app.HostAdminAsync();

        var candidates = (await host.GetJsonAsync($"/api/identity/impersonations/candidates?tenantId={tenantId}")).EnumerateArray().ToList();
        candidates.Single(c => c.GetProperty("isAdmin").GetBoolean()).Str("userName").ShouldBe("admin");
        var started = await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = Reason, minutes = 20 });
        started.GetProperty("impersonation").Str("userName").ShouldBe("admin", "the tenant's admin by default");
        var endsAt = started.GetProperty("impersonation").GetProperty("endsAt").GetDateTime();
        endsAt.ShouldBe(DateTime.UtcNow.AddMinutes(20), TimeSpan.FromMinutes(1));
        var (acting, refresh) = Client(started);

        var me = await acting.GetJsonAsync("/api/account/me");
        me.Str("tenantName").ShouldBe(tenant);
        me.GetProperty("impersonation").Str("impersonatorName").ShouldBe("admin");
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldNotContain(IdentityPermissions.Impersonate);
        await acting.GetJsonAsync("/api/saas/tenants", HttpStatusCode.Forbidden);
        (await acting.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = Reason, minutes = 5 }, HttpStatusCode.Forbidden))
            .ShouldNotBe(default, "host permissions do not travel into the tenant");

        // A write while acting: the audit row names the host admin beside the user.
        var customer = await acting.PostJsonAsync("/api/crm/customers", new { name = "代客操作客户" }, HttpStatusCode.Created);
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var row = (await admin.GetJsonAsync($"/api/audit/entity-changes?entityId={customer.Str("id")}")).GetProperty("items")[0];
        row.Str("impersonatorName").ShouldBe("admin");
        row.Str("userName").ShouldBe("admin");
        // The admin's own change is theirs alone.
        await admin.PutJsonAsync($"/api/crm/customers/{customer.Str("id")}", new { name = "本人修改" });
        var own = (await admin.GetJsonAsync($"/api/audit/entity-changes?entityId={customer.Str("id")}")).GetProperty("items")[0];
        own.GetProperty("impersonatorName").ValueKind.ShouldBe(JsonValueKind.Null);

        // The refresh keeps the marking; ending revokes the session.
        var rotated = await app.Anonymous().PostJsonAsync("/api/account/refresh", new { refreshToken = refresh });
        var (again, _) = Client(rotated);
        (await again.GetJsonAsync("/api/account/me")).GetProperty("impersonation").Str("id").ShouldBe(started.GetProperty("impersonation").Str("id"));
        (await again.PostAsJsonAsync("/api/identity/impersonations/end", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Anonymous().PostJsonAsync("/api/account/refresh", new { refreshToken = rotated.Str("refreshToken") }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.InvalidRefreshToken);

        // The tenant's admin sees who, whom, why and until in the security log; another tenant and a member do not.
        var log = (await admin.GetJsonAsync("/api/identity/security-log?take=50")).GetProperty("items").EnumerateArray()
            .Where(e => e.Str("kind").StartsWith("Impersonation")).ToList();
        log.Select(e => e.Str("kind")).ShouldBe(["ImpersonationEnded", "ImpersonationStarted"]);
        log[1].Str("userName").ShouldBe("admin");
        log[1].Str("detail").ShouldContain("by host admin admin");
        log[1].Str("detail").ShouldContain(Reason);
        log[1].Str("detail").ShouldContain($"until {endsAt:yyyy-MM-dd HH:mm} UTC");
        var other = await app.LoginAsync(await app.CreateTenantAsync(), "admin", "Admin123!");
        (await other.GetJsonAsync("/api/identity/security-log?kind=ImpersonationStarted")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "clerk", email = $"clerk@{tenant}.test", name = "Clerk", password = "Clerk123!", isActive = true, roleNames = new[] { "member" } }, HttpStatusCode.Created);
        await (await app.LoginAsync(tenant, "clerk", "Clerk123!")).GetJsonAsync("/api/identity/security-log", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_request_needs_a_reason_at_most_an_hour_a_user_of_that_tenant_and_a_host_admin()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantId = await TenantIdAsync(tenant);
        var otherTenantId = await TenantIdAsync(await app.CreateTenantAsync());
        var host = await app.HostAdminAsync();

        var problem = await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = "", minutes = 30 }, HttpStatusCode.BadRequest);
        problem.FieldErrors("reason").ShouldNotBeEmpty();
        (await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = "short", minutes = 30 }, HttpStatusCode.BadRequest))
            .FieldErrors("reason").ShouldNotBeEmpty();
        (await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = Reason, minutes = 61 }, HttpStatusCode.BadRequest))
            .FieldErrors("minutes").ShouldNotBeEmpty();

        var otherAdminId = (await host.GetJsonAsync($"/api/identity/impersonations/candidates?tenantId={otherTenantId}"))[0].Str("id");
        await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, userId = otherAdminId, reason = Reason }, HttpStatusCode.NotFound);
        await host.PostJsonAsync("/api/identity/impersonations", new { tenantId = Guid.NewGuid(), reason = Reason }, HttpStatusCode.NotFound);

        var tenantAdmin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await tenantAdmin.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = Reason }, HttpStatusCode.Forbidden);
        await tenantAdmin.GetJsonAsync($"/api/identity/impersonations/candidates?tenantId={tenantId}", HttpStatusCode.Forbidden);
        // Nothing was started by the refused requests.
        (await tenantAdmin.GetJsonAsync("/api/identity/security-log?kind=ImpersonationStarted")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_tenant_may_forbid_it_and_an_impersonation_cannot_be_refreshed_past_its_end()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantId = await TenantIdAsync(tenant);
        var host = await app.HostAdminAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");

        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { [IdentitySettings.ImpersonationAllowed] = "false" }, HttpStatusCode.NoContent);
        (await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = Reason }, HttpStatusCode.Forbidden))
            .Str("code").ShouldBe(IdentityErrors.ImpersonationNotAllowed);
        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { [IdentitySettings.ImpersonationAllowed] = "true" }, HttpStatusCode.NoContent);

        var started = await host.PostJsonAsync("/api/identity/impersonations", new { tenantId, reason = Reason, minutes = 5 });
        started.GetProperty("tokens").GetProperty("expiresIn").GetInt32().ShouldBeLessThanOrEqualTo(5 * 60, "the access token ends with it too");
        try
        {
            app.Clock.Offset = TimeSpan.FromMinutes(6);
            (await app.Anonymous().PostJsonAsync("/api/account/refresh", new { refreshToken = started.GetProperty("tokens").Str("refreshToken") }, HttpStatusCode.Unauthorized))
                .Str("code").ShouldBe(IdentityErrors.InvalidRefreshToken);
        }
        finally { app.Clock.Offset = TimeSpan.Zero; }
    }

    private (HttpClient Client, string RefreshToken) Client(JsonElement startedOrTokens)
    {
        var tokens = startedOrTokens.TryGetProperty("tokens", out var inner) ? inner : startedOrTokens;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Str("accessToken"));
        return (client, tokens.Str("refreshToken"));
    }

    private async Task<string> TenantIdAsync(string name)
    {
        var host = await app.HostAdminAsync();
        return (await host.GetJsonAsync($"/api/saas/tenants?filter={name}")).GetProperty("items").EnumerateArray().Single(t => t.Str("name") == name).Str("id");
    }
}
