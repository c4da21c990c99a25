using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class SessionTests(BizSuiteFactory app)
{
    [Fact]
    public async Task A_user_sees_their_sessions_with_device_and_revokes_one_whose_refresh_then_fails()
    {
        var tenant = await app.CreateTenantAsync();
        var (laptop, laptopRefresh) = await SignInAsync(tenant, "Laptop browser");
        var (_, phoneRefresh) = await SignInAsync(tenant, "Phone browser");

        var sessions = (await laptop.GetJsonAsync("/api/account/sessions")).EnumerateArray().ToList();
        sessions.Count.ShouldBe(2);
        var current = sessions.Single(s => s.GetProperty("isCurrent").GetBoolean());
        current.Str("userAgent").ShouldBe("Laptop-browser");
        // The in-memory test server has no client address; a real host records it (seen in the e2e host's list).
        current.TryGetProperty("ipAddress", out _).ShouldBeTrue();
        var phone = sessions.Single(s => !s.GetProperty("isCurrent").GetBoolean());
        phone.Str("userAgent").ShouldBe("Phone-browser");

        (await laptop.DeleteAsync($"/api/account/sessions/{phone.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Anonymous(tenant).PostJsonAsync("/api/account/refresh", new { refreshToken = phoneRefresh }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe("Identity:InvalidRefreshToken");
        // The laptop's own session goes on, rotating under the same id.
        var rotated = await app.Anonymous(tenant).PostJsonAsync("/api/account/refresh", new { refreshToken = laptopRefresh });
        rotated.Str("accessToken").ShouldNotBeNullOrEmpty();
        (await laptop.GetJsonAsync("/api/account/sessions")).EnumerateArray().Single().Str("id").ShouldBe(current.Str("id"));
        // Someone else's (or an unknown) session id is 404.
        (await laptop.DeleteAsync($"/api/account/sessions/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signing_out_all_other_sessions_keeps_this_one_and_the_admin_can_end_all_of_a_users_sessions()
    {
        var tenant = await app.CreateTenantAsync();
        var (first, firstRefresh) = await SignInAsync(tenant, "One");
        var (_, secondRefresh) = await SignInAsync(tenant, "Two");
        var (_, thirdRefresh) = await SignInAsync(tenant, "Three");

        (await first.PostAsJsonAsync("/api/account/sessions/revoke-others", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.Anonymous(tenant).PostJsonAsync("/api/account/refresh", new { refreshToken = secondRefresh }, HttpStatusCode.Unauthorized);
        await app.Anonymous(tenant).PostJsonAsync("/api/account/refresh", new { refreshToken = thirdRefresh }, HttpStatusCode.Unauthorized);
        var kept = await app.Anonymous(tenant).PostJsonAsync("/api/account/refresh", new { refreshToken = firstRefresh });

        var users = await first.GetJsonAsync("/api/identity/users?filter=admin");
        var adminId = users.GetProperty("items")[0].Str("id");
        (await first.PostAsJsonAsync($"/api/identity/users/{adminId}/revoke-sessions", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.Anonymous(tenant).PostJsonAsync("/api/account/refresh", new { refreshToken = kept.Str("refreshToken") }, HttpStatusCode.Unauthorized);
        (await first.PostAsJsonAsync($"/api/identity/users/{Guid.NewGuid()}/revoke-sessions", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Client, string RefreshToken)> SignInAsync(string tenant, string userAgent)
    {
        var client = app.Anonymous(tenant);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent.Replace(' ', '-'));
        var tokens = await client.PostJsonAsync("/api/account/login", new { userNameOrEmail = "admin", password = "Admin123!" });
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Str("accessToken"));
        return (client, tokens.Str("refreshToken"));
    }
}
