using System.Net;
using System.Text.Json;
using BizSuite.Identity;
using OtpNet;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class TwoFactorTests(BizSuiteFactory app)
{
    private static readonly object AdminLogin = new { userNameOrEmail = "admin", password = "Admin123!" };

    [Fact]
    public async Task Enrolled_user_logs_in_with_a_code_and_a_wrong_or_replayed_code_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var step = await CurrentStepAsync();
        var setup = await admin.PostJsonAsync("/api/account/two-factor/setup", new { });
        setup.Str("qrCodeDataUri").ShouldStartWith("data:image/png;base64,");
        var key = setup.Str("sharedKey");

        (await admin.PostJsonAsync("/api/account/two-factor/enable", new { code = WrongCode(key, step) }, HttpStatusCode.BadRequest))
            .FieldErrors("code").ShouldNotBeEmpty();
        var codes = (await admin.PostJsonAsync("/api/account/two-factor/enable", new { code = Code(key, step - 1) })).GetProperty("recoveryCodes");
        codes.GetArrayLength().ShouldBe(10);
        (await admin.GetJsonAsync("/api/account/two-factor")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        // Encrypted at rest: the key the app was given is nowhere in the row.
        (await app.ScalarAsync("SELECT COUNT(*) FROM identity_users WHERE TwoFactorSecret LIKE @key", ("key", "%" + key.Replace(" ", "")[..16] + "%"))).ShouldBe(0);

        var anonymous = app.Anonymous(tenant);
        var challenge = await anonymous.PostJsonAsync("/api/account/login", AdminLogin);
        challenge.GetProperty("accessToken").ValueKind.ShouldBe(JsonValueKind.Null, "the password alone gives no session");
        challenge.GetProperty("twoFactorEnrolmentRequired").GetBoolean().ShouldBeFalse();
        var token = challenge.Str("twoFactorToken");

        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = WrongCode(key, step) }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.InvalidTwoFactorCode);
        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token + "x", code = Code(key, step) }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.InvalidTwoFactorChallenge);
        var tokens = await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = Code(key, step) });
        (await Bearer(tenant, tokens).GetJsonAsync("/api/account/me")).Str("userName").ShouldBe("admin");

        // The same code again (a shoulder-surfer within its 30 s) is refused; the next one is accepted.
        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = Code(key, step) }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.InvalidTwoFactorCode);
        await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = Code(key, step + 1) });
    }

    [Fact]
    public async Task A_recovery_code_logs_in_once_and_disabling_takes_a_code()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var (key, recoveryCodes, step) = await EnrolAsync(admin);
        var anonymous = app.Anonymous(tenant);

        var token = (await anonymous.PostJsonAsync("/api/account/login", AdminLogin)).Str("twoFactorToken");
        await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, recoveryCode = recoveryCodes[0].ToUpperInvariant() });
        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, recoveryCode = recoveryCodes[0] }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.InvalidTwoFactorCode);
        (await admin.GetJsonAsync("/api/account/two-factor")).GetProperty("recoveryCodesLeft").GetInt32().ShouldBe(9);

        (await admin.PostJsonAsync("/api/account/two-factor/disable", new { code = WrongCode(key, step) }, HttpStatusCode.BadRequest))
            .FieldErrors("code").ShouldNotBeEmpty();
        (await admin.PostAsync("/api/account/two-factor/disable", JsonContent(new { code = Code(key, step) }))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.PostJsonAsync("/api/account/login", AdminLogin)).Str("accessToken").ShouldNotBeNullOrEmpty();
        (await app.ScalarAsync("SELECT COUNT(*) FROM identity_user_recovery_codes c JOIN identity_users u ON u.Id = c.UserId WHERE u.Email = @email",
            ("email", $"admin@{tenant}.test"))).ShouldBe(0);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords()
    {
        var tenant = await app.CreateTenantAsync();
        var (key, _, step) = await EnrolAsync(await app.LoginAsync(tenant, "admin", "Admin123!"));
        var anonymous = app.Anonymous(tenant);
        var token = (await anonymous.PostJsonAsync("/api/account/login", AdminLogin)).Str("twoFactorToken");

        for (var i = 0; i < 4; i++)
            await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = WrongCode(key, step) }, HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = WrongCode(key, step) }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.LockedOut);

        // Locked: neither the right code nor a fresh password step gets through.
        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = Code(key, step) }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.LockedOut);
        (await anonymous.PostJsonAsync("/api/account/login", AdminLogin, HttpStatusCode.Unauthorized)).Str("code").ShouldBe(IdentityErrors.LockedOut);
    }

    [Fact]
    public async Task A_tenant_that_requires_two_factor_makes_a_user_without_it_enrol_at_login()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { [IdentitySettings.TwoFactorRequired] = "true" }, HttpStatusCode.NoContent);
        var anonymous = app.Anonymous(tenant);

        var login = await anonymous.PostJsonAsync("/api/account/login", AdminLogin);
        login.GetProperty("accessToken").ValueKind.ShouldBe(JsonValueKind.Null);
        login.GetProperty("twoFactorEnrolmentRequired").GetBoolean().ShouldBeTrue();
        var token = login.Str("twoFactorToken");
        // Without enrolling, the code step has nothing to check.
        (await anonymous.PostJsonAsync("/api/account/login/two-factor", new { twoFactorToken = token, code = "123456" }, HttpStatusCode.Unauthorized))
            .Str("code").ShouldBe(IdentityErrors.InvalidTwoFactorChallenge);

        var step = await CurrentStepAsync();
        var key = (await anonymous.PostJsonAsync("/api/account/login/two-factor/setup", new { twoFactorToken = token })).Str("sharedKey");
        var enrolled = await anonymous.PostJsonAsync("/api/account/login/two-factor/enable", new { twoFactorToken = token, code = Code(key, step) });
        enrolled.GetProperty("recoveryCodes").GetArrayLength().ShouldBe(10);
        var user = Bearer(tenant, enrolled.GetProperty("tokens"));
        (await user.GetJsonAsync("/api/account/two-factor")).GetProperty("requiredByTenant").GetBoolean().ShouldBeTrue();

        (await user.PostJsonAsync("/api/account/two-factor/disable", new { code = Code(key, step + 1) }, HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe(IdentityErrors.TwoFactorRequiredByTenant);
        (await anonymous.PostJsonAsync("/api/account/login", AdminLogin)).GetProperty("twoFactorEnrolmentRequired").GetBoolean().ShouldBeFalse();
    }

    private async Task<(string Key, string[] RecoveryCodes, long Step)> EnrolAsync(HttpClient user)
    {
        var step = await CurrentStepAsync();
        var key = (await user.PostJsonAsync("/api/account/two-factor/setup", new { })).Str("sharedKey");
        var codes = (await user.PostJsonAsync("/api/account/two-factor/enable", new { code = Code(key, step - 1) })).GetProperty("recoveryCodes");
        return (key, codes.EnumerateArray().Select(c => c.GetString()!).ToArray(), step);
    }

    /// <summary>
    /// The server's current TOTP step; a test uses step-1 (enrol), step, step+1, all inside the ±1 window,
    /// so it waits out the last seconds of a step rather than straddle two.
    /// </summary>
    private async Task<long> CurrentStepAsync()
    {
        var now = app.Service<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        if (now % 30 > 22) await Task.Delay(TimeSpan.FromSeconds(31 - now % 30));
        return app.Service<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() / 30;
    }

    private static string Code(string sharedKey, long step) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", ""))).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    /// <summary>A six-digit code that is none of the window's valid ones.</summary>
    private static string WrongCode(string sharedKey, long step)
    {
        var valid = new[] { Code(sharedKey, step - 1), Code(sharedKey, step), Code(sharedKey, step + 1) };
        return Enumerable.Range(0, 4).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));
    }

    private HttpClient Bearer(string tenant, JsonElement tokens)
    {
        var client = app.Anonymous(tenant);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Str("accessToken"));
        return client;
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);
}
