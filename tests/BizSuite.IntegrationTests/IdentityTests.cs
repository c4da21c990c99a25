using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class IdentityTests(BizSuiteFactory app)
{
    [Fact]
    public async Task Admin_creates_a_user_with_a_role_who_then_has_exactly_that_roles_permissions()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "viewer" }, HttpStatusCode.Created);
        (await admin.PutAsync($"/api/identity/roles/{role.Str("id")}/permissions",
            JsonContent(new { grantedPermissions = new[] { "Identity.Users" } }))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var user = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "zhang", email = "zhang@example.cn", name = "张三", password = "Passw0rd!", isActive = true, roleNames = new[] { "viewer" } },
            HttpStatusCode.Created);
        user.GetProperty("roleNames").EnumerateArray().Select(r => r.GetString()).ShouldBe(["viewer"]);

        var zhang = await app.LoginAsync(tenant, "zhang@example.cn", "Passw0rd!");
        (await zhang.GetJsonAsync("/api/account/me")).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Identity.Users"]);
        (await zhang.GetJsonAsync("/api/identity/users")).GetProperty("totalCount").GetInt64().ShouldBe(2);
        (await zhang.GetJsonAsync("/api/identity/roles", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Kernel:Forbidden");
        await zhang.PostJsonAsync("/api/identity/users",
            new { userName = "li", email = "li@example.cn", name = "李四", password = "Passw0rd!", isActive = true }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Permission_changes_apply_to_the_next_request()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "clerk" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "wang", email = "wang@example.cn", name = "王五", password = "Passw0rd!", isActive = true, roleNames = new[] { "clerk" } },
            HttpStatusCode.Created);
        var wang = await app.LoginAsync(tenant, "wang", "Passw0rd!");
        await wang.GetJsonAsync("/api/identity/users", HttpStatusCode.Forbidden);

        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Identity.Users" } }, HttpStatusCode.NoContent);

        await wang.GetJsonAsync("/api/identity/users");
    }

    [Fact]
    public async Task User_lists_page_filter_and_sort_on_the_server()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        foreach (var name in new[] { "carol", "alice", "bob" })
            await admin.PostJsonAsync("/api/identity/users",
                new { userName = name, email = $"{name}@example.cn", name, password = "Passw0rd!", isActive = true }, HttpStatusCode.Created);

        string Names(JsonElement page) => string.Join(",", page.GetProperty("items").EnumerateArray().Select(u => u.Str("userName")));
        Names(await admin.GetJsonAsync("/api/identity/users?sort=-createdAt&take=2")).ShouldBe("bob,alice");
        Names(await admin.GetJsonAsync("/api/identity/users?sort=email")).ShouldBe("admin,alice,bob,carol");
        Names(await admin.GetJsonAsync("/api/identity/users?sort=userName&skip=1&take=2")).ShouldBe("alice,bob");
        var filtered = await admin.GetJsonAsync("/api/identity/users?filter=ar");
        filtered.GetProperty("totalCount").GetInt64().ShouldBe(1);
        Names(filtered).ShouldBe("carol");
    }

    [Fact]
    public async Task Bad_input_is_400_with_localized_field_errors()
    {
        var tenant = await app.CreateTenantAsync();
        var english = await app.LoginAsync(tenant, "admin", "Admin123!", "en");
        var problem = await english.PostJsonAsync("/api/identity/users",
            new { userName = "", email = "not-an-email", name = "", password = "", isActive = true }, HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe("Kernel:ValidationFailed");
        problem.FieldErrors("userName").ShouldContain("'User name' must not be empty.");
        problem.FieldErrors("email").ShouldContain("'E-mail' is not a valid email address.");

        var chinese = await app.LoginAsync(tenant, "admin", "Admin123!", "zh-CN");
        var zh = await chinese.PostJsonAsync("/api/identity/users",
            new { userName = "ok", email = "ok@example.cn", name = "好", password = "short", isActive = true }, HttpStatusCode.BadRequest);
        zh.Str("code").ShouldBe("Identity:PasswordTooWeak");
        zh.FieldErrors("password").ShouldBe(["密码至少需要 8 个字符，且包含字母和数字。"]);

        var malformed = await english.PostAsync("/api/identity/users", new StringContent("{\"userName\":", System.Text.Encoding.UTF8, "application/json"));
        (await malformed.JsonAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("Kernel:BadRequestBody");

        (await english.GetJsonAsync("/api/identity/users?take=100000", HttpStatusCode.BadRequest)).FieldErrors("take").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_tenant_that_asks_for_upper_case_letters_and_symbols_refuses_passwords_without_them_beside_the_field()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!", "zh-CN");
        object User(string name, string password) => new { userName = name, email = $"{name}@example.cn", name, password, isActive = true };
        (await admin.PostJsonAsync("/api/identity/users", User("before", "passw0rd1"), HttpStatusCode.Created)).Str("userName").ShouldBe("before");

        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string>
        {
            ["Identity.Password.RequireUppercase"] = "true", ["Identity.Password.RequireSymbol"] = "true",
        }, HttpStatusCode.NoContent);
        var lower = await admin.PostJsonAsync("/api/identity/users", User("lower", "passw0rd1"), HttpStatusCode.BadRequest);
        (lower.Str("code"), lower.FieldErrors("password").Single()).ShouldBe(("Identity:PasswordNeedsUppercase", "密码需要包含大写字母。"));
        var plain = await admin.PostJsonAsync("/api/identity/users", User("plain", "Passw0rd1"), HttpStatusCode.BadRequest);
        (plain.Str("code"), plain.FieldErrors("password").Single()).ShouldBe(("Identity:PasswordNeedsSymbol", "密码需要包含符号（字母和数字以外的字符）。"));
        await admin.PostJsonAsync("/api/identity/users", User("strong", "Passw0rd!"), HttpStatusCode.Created);
        (await admin.GetJsonAsync("/api/identity/users?filter=lower")).GetProperty("totalCount").GetInt64().ShouldBe(0, "a refused user is not stored");

        // The rules are the tenant's: another tenant keeps the defaults.
        var other = await app.LoginAsync(await app.CreateTenantAsync(), "admin", "Admin123!");
        await other.PostJsonAsync("/api/identity/users", User("lower", "passw0rd1"), HttpStatusCode.Created);
        var strong = await app.LoginAsync(tenant, "strong", "Passw0rd!");
        (await strong.GetJsonAsync("/api/account/me")).Str("userName").ShouldBe("strong");
    }

    [Fact]
    public async Task Duplicate_user_names_and_built_in_roles_are_refused_with_clear_errors()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var duplicate = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "ADMIN", email = "other@example.cn", name = "x", password = "Passw0rd!", isActive = true }, HttpStatusCode.Conflict);
        duplicate.Str("code").ShouldBe("Identity:DuplicateUserName");
        duplicate.FieldErrors("userName").ShouldNotBeEmpty();

        var roles = await admin.GetJsonAsync("/api/identity/roles");
        var adminRole = roles.GetProperty("items").EnumerateArray().Single(r => r.Str("name") == "admin");
        (await admin.DeleteAsync($"/api/identity/roles/{adminRole.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var unknownRole = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "zhao", email = "zhao@example.cn", name = "赵", password = "Passw0rd!", isActive = true, roleNames = new[] { "ghost" } }, HttpStatusCode.BadRequest);
        unknownRole.FieldErrors("roleNames").ShouldNotBeEmpty();
        await admin.PutJsonAsync($"/api/identity/roles/{adminRole.Str("id")}/permissions", new { grantedPermissions = new[] { "Saas.Tenants" } }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Tenant_A_can_never_read_or_change_tenant_B_data()
    {
        var tenantA = await app.CreateTenantAsync("a");
        var tenantB = await app.CreateTenantAsync("b");
        var adminA = await app.LoginAsync(tenantA, "admin", "Admin123!");
        var adminB = await app.LoginAsync(tenantB, "admin", "Admin123!");
        var userOfB = await adminB.PostJsonAsync("/api/identity/users",
            new { userName = "bee", email = "bee@example.cn", name = "B", password = "Passw0rd!", isActive = true }, HttpStatusCode.Created);
        var id = userOfB.Str("id");

        await adminA.GetJsonAsync($"/api/identity/users/{id}", HttpStatusCode.NotFound);
        await adminA.PutJsonAsync($"/api/identity/users/{id}", new { email = "x@example.cn", name = "hacked", isActive = false }, HttpStatusCode.NotFound);
        (await adminA.DeleteAsync($"/api/identity/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await adminA.GetJsonAsync("/api/identity/users")).GetProperty("items").EnumerateArray().ShouldNotContain(u => u.Str("id") == id);

        // A header naming tenant B does not move A's token into B.
        adminA.DefaultRequestHeaders.Add("__tenant", tenantB);
        await adminA.GetJsonAsync($"/api/identity/users/{id}", HttpStatusCode.NotFound);

        (await adminB.GetJsonAsync($"/api/identity/users/{id}")).Str("name").ShouldBe("B");
        // Same user name in two tenants is fine: names are unique per tenant.
        await adminA.PostJsonAsync("/api/identity/users",
            new { userName = "bee", email = "bee@example.cn", name = "A's bee", password = "Passw0rd!", isActive = true }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task User_changes_are_in_the_audit_log_without_the_password_hash()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var user = await admin.PostJsonAsync("/api/identity/users",
            new { userName = "audited", email = "audited@example.cn", name = "Audited", password = "Passw0rd!", isActive = true }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/users/{user.Str("id")}", new { email = "audited@example.cn", name = "Renamed", isActive = true });

        var changes = await admin.GetJsonAsync($"/api/audit/entity-changes?entityType=User&entityId={user.Str("id")}");
        var items = changes.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.Str("changeType")).ShouldBe(["Modified", "Added"]);
        items[0].Str("changes").ShouldContain("Renamed");
        items[1].Str("changes").ShouldContain("\"PasswordHash\":{\"old\":\"***\",\"new\":\"***\"}");
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
