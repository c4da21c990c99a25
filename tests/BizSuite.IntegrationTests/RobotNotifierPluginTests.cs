using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The group robot plugin, loaded from the plugins folder (the host does not reference it): robots configured through
/// its API hear about contracts signed, invoices paid and approvals waiting, through the job store, from a local
/// WeCom/DingTalk stand-in.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RobotNotifierPluginTests(BizSuiteFactory app) : IAsyncLifetime
{
    private const string Robots = "/api/plugins/robot-notifier/robots";
    private const string JobName = "BizSuite.Plugins.RobotNotifier.SendRobotMessage";
    private GroupRobots _receiver = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        _receiver = await GroupRobots.StartAsync();
    }

    public async Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        await _receiver.DisposeAsync();
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private Task<JsonElement> AddRobotAsync(HttpClient admin, string name, string kind, string url, string[] events, string? secret = null) =>
        admin.PostJsonAsync(Robots, new { name, kind, webhookUrl = url, secret, events, enabled = true }, HttpStatusCode.Created);

    private Task<long> RobotJobsAsync(string tenant, string? correlation = null) => app.ScalarAsync(
        "SELECT COUNT(*) FROM kernel_background_jobs j JOIN saas_tenants t ON t.Id = j.TenantId WHERE t.Name = @t AND j.JobName = @j AND (@c IS NULL OR j.CorrelationId = @c)",
        ("@t", tenant), ("@j", JobName), ("@c", correlation));

    [Fact]
    public async Task The_plugin_is_listed_for_any_signed_in_user_with_its_version_and_description()
    {
        var tenant = await app.CreateTenantAsync("rn");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!", "zh-CN");
        var plugins = (await admin.GetJsonAsync("/api/plugins")).EnumerateArray().ToList();
        var robots = plugins.Single(p => p.Str("name") == "RobotNotifier");
        robots.Str("version").ShouldBe("1.0.0");
        robots.Str("description").ShouldContain("群机器人");
        (await app.Anonymous(tenant).GetAsync("/api/plugins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var roles = await admin.GetJsonAsync("/api/identity/roles");
        var adminRole = roles.GetProperty("items").EnumerateArray().Single(r => r.Str("name") == "admin");
        var groups = (await admin.GetJsonAsync($"/api/identity/roles/{adminRole.Str("id")}/permissions")).GetProperty("groups").EnumerateArray();
        var manage = groups.SelectMany(g => g.GetProperty("permissions").EnumerateArray()).Single(p => p.Str("name") == "RobotNotifier.Manage");
        manage.Str("displayName").ShouldBe("管理群机器人");
        manage.GetProperty("isGranted").GetBoolean().ShouldBeTrue(); // a tenant's admin holds every permission, plugins' too
    }

    [Fact]
    public async Task Signing_a_contract_and_collecting_its_invoice_post_markdown_to_WeCom_and_signed_DingTalk_robots_through_the_job_store()
    {
        var tenant = await app.CreateTenantAsync("rn");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        string weCom = Key(), dingTalk = Key(), otherTenants = Key();
        _receiver.DingTalkSecrets[dingTalk] = "SEC" + Key();
        await AddRobotAsync(admin, "销售群", "WeCom", _receiver.WeComUrl(weCom), ["ContractSigned", "ApprovalWaiting"]);
        var ding = await AddRobotAsync(admin, "财务群", "DingTalk", _receiver.DingTalkUrl(dingTalk), ["ContractSigned", "InvoicePaid"], _receiver.DingTalkSecrets[dingTalk]);
        ding.GetProperty("hasSecret").GetBoolean().ShouldBeTrue();
        (await app.ScalarAsync("SELECT COUNT(*) FROM rn_robots WHERE EncryptedSecret LIKE @s", ("@s", "%" + _receiver.DingTalkSecrets[dingTalk] + "%"))).ShouldBe(0);
        var other = await app.LoginAsync(await app.CreateTenantAsync("rn"), "admin", "Admin123!");
        var otherRobot = await AddRobotAsync(other, "别家的群", "WeCom", _receiver.WeComUrl(otherTenants), ["ContractSigned", "InvoicePaid", "ApprovalWaiting"]);

        // The plugin's own tenant setting: links in messages lead back to the document.
        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { ["RobotNotifier.LinkBaseUrl"] = "https://acme.bizsuite.test/" }, HttpStatusCode.NoContent);

        var signed = await SignedContract.CreateAsync(app, tenant: tenant);
        var contract = await admin.GetJsonAsync($"/api/crm/contracts/{signed.ContractId}");
        // Enqueued by the signing transaction itself (same correlation as the ContractSigned journal entry), nothing posted yet.
        (await app.ScalarAsync(
            """
            SELECT COUNT(*) FROM kernel_background_jobs j JOIN kernel_event_journal e ON e.CorrelationId = j.CorrelationId AND e.TenantId = j.TenantId
            WHERE j.JobName = @j AND e.AggregateId = @id AND e.EventType LIKE '%ContractSigned'
            """, ("@j", JobName), ("@id", signed.ContractId))).ShouldBe(2);
        _receiver.To(weCom).Where(p => p.Text.Contains("合同已签订")).ShouldBeEmpty();

        await app.RunDueJobsAsync();
        var weComPosts = _receiver.To(weCom).ToList();
        weComPosts.ShouldAllBe(p => p.MsgType == "markdown");
        weComPosts.ShouldContain(p => p.Text.Contains("待审批") && p.Text.Contains(contract.Str("number")));
        var signedPost = weComPosts.Single(p => p.Text.Contains("合同已签订"));
        signedPost.Text.ShouldContain(contract.Str("number"));
        signedPost.Text.ShouldContain("杭州某某科技有限公司");
        signedPost.Text.ShouldContain("CNY 121,480.00");
        signedPost.Text.ShouldContain($"[查看合同](https://acme.bizsuite.test/crm/contracts/{signed.ContractId})");
        var dingPost = _receiver.To(dingTalk).Single();
        dingPost.SignatureValid.ShouldBeTrue();
        dingPost.Body.GetProperty("markdown").Str("title").ShouldBe($"合同已签订：{contract.Str("number")}");
        dingPost.Text.ShouldContain(contract.Str("number"));

        var invoice = (await SignedContract.InvoicesAsync(admin, signed.ContractId)).Single();
        await admin.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments", new { amount = invoice.GetProperty("grossTotal").GetDecimal(), method = "BankTransfer" });
        await app.RunDueJobsAsync();
        var paid = _receiver.To(dingTalk).Single(p => p.Text.Contains("发票已收款"));
        paid.Text.ShouldContain(invoice.Str("number"));
        paid.Text.ShouldContain(contract.Str("number"));
        paid.Text.ShouldContain("CNY 36,444.00");
        paid.SignatureValid.ShouldBeTrue();

        var log = await admin.GetJsonAsync("/api/plugins/robot-notifier/messages");
        log.GetProperty("totalCount").GetInt64().ShouldBe(_receiver.To(weCom).Count() + _receiver.To(dingTalk).Count());
        log.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.Str("status") == "Sent");

        _receiver.To(otherTenants).ShouldBeEmpty();
        var otherId = otherRobot.Str("id");
        await admin.GetJsonAsync($"{Robots}/{otherId}", HttpStatusCode.NotFound);
        await admin.PutJsonAsync($"{Robots}/{otherId}", new { name = "x", kind = "WeCom", webhookUrl = _receiver.WeComUrl(weCom), events = new[] { "InvoicePaid" } }, HttpStatusCode.NotFound);
        await admin.PostJsonAsync($"{Robots}/{otherId}/test", new { }, HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"{Robots}/{otherId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetJsonAsync(Robots)).GetProperty("totalCount").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_post_leaves_the_job_for_retry_and_a_failed_signing_enqueues_nothing()
    {
        var tenant = await app.CreateTenantAsync("rn");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        string down = Key(), badSign = Key();
        _receiver.Down[down] = true;
        _receiver.DingTalkSecrets[badSign] = "SEC-the-right-one";
        await AddRobotAsync(admin, "宕机的群", "WeCom", _receiver.WeComUrl(down), ["ContractSigned"]);
        await AddRobotAsync(admin, "密钥错的群", "DingTalk", _receiver.DingTalkUrl(badSign), ["ContractSigned"], "SEC-a-wrong-one");

        var signed = await SignedContract.CreateAsync(app, tenant: tenant);
        await app.RunDueJobsAsync();
        _receiver.To(down).Count().ShouldBe(1);
        _receiver.To(badSign).Single().SignatureValid.ShouldBeFalse();
        (await app.ScalarAsync(
            "SELECT COUNT(*) FROM kernel_background_jobs j JOIN saas_tenants t ON t.Id = j.TenantId WHERE t.Name = @t AND j.JobName = @j AND j.Status = 0 AND j.TryCount = 1 AND j.LastError IS NOT NULL",
            ("@t", tenant), ("@j", JobName))).ShouldBe(2);
        var log = (await admin.GetJsonAsync("/api/plugins/robot-notifier/messages")).GetProperty("items").EnumerateArray().ToList();
        log.Count.ShouldBe(2);
        log.ShouldAllBe(m => m.Str("status") == "Failed");
        log.ShouldContain(m => m.Str("response").Contains("310000"));
        log.ShouldContain(m => m.Str("response").StartsWith("500"));

        // The group is back: the retry (after the backoff) gets through.
        _receiver.Down.TryRemove(down, out _);
        app.Clock.Offset = TimeSpan.FromHours(2);
        await app.RunDueJobsAsync();
        _receiver.To(down).Count().ShouldBe(2);
        _receiver.To(down).Last().Text.ShouldContain("合同已签订");

        // A signing that fails after the handlers ran (its sales order number collides) takes its robot jobs with it.
        var next = await SignedContract.ApprovedAsync(admin);
        await app.ScalarAsync("UPDATE kernel_counters c JOIN saas_tenants t ON t.Id = c.TenantId SET c.Next = 0 WHERE t.Name = @t AND c.Kind = 'sales-order'", ("@t", tenant));
        var jobsBefore = await RobotJobsAsync(tenant);
        var correlation = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/crm/contracts/{next}/sign") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Correlation-Id", correlation);
        (await admin.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RobotJobsAsync(tenant, correlation)).ShouldBe(0);
        (await RobotJobsAsync(tenant)).ShouldBe(jobsBefore);
        (await admin.GetJsonAsync($"/api/crm/contracts/{next}")).Str("status").ShouldBe("Approved");
        signed.ContractId.ShouldNotBe(next);
    }

    [Fact]
    public async Task Robots_need_the_plugins_permission_valid_webhooks_and_answer_a_test_message_at_once()
    {
        var team = await Team.CreateAsync(app);
        var weCom = Key();
        await team.Staff.GetJsonAsync(Robots, HttpStatusCode.Forbidden);
        (await team.Staff.PostAsync(Robots, JsonContent.Create(new { name = "x", kind = "WeCom", webhookUrl = _receiver.WeComUrl(weCom), events = new[] { "ContractSigned" } })))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var problem = await team.Admin.PostJsonAsync(Robots, new { name = "", kind = "WeCom", webhookUrl = "https://evil.example/hook", secret = "SEC1", events = Array.Empty<string>() },
            HttpStatusCode.BadRequest);
        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("webhookUrl").Single().ShouldContain("qyapi.weixin.qq.com");
        problem.FieldErrors("secret").Single().ShouldContain("DingTalk");
        problem.FieldErrors("events").ShouldNotBeEmpty();

        var robot = await AddRobotAsync(team.Admin, "测试群", "WeCom", _receiver.WeComUrl(weCom), ["InvoicePaid"]);
        var sent = await team.Admin.PostJsonAsync($"{Robots}/{robot.Str("id")}/test", new { });
        sent.Str("status").ShouldBe("Sent");
        _receiver.To(weCom).Single().Text.ShouldContain("测试群");

        _receiver.Down[weCom] = true;
        (await team.Admin.PostJsonAsync($"{Robots}/{robot.Str("id")}/test", new { })).Str("status").ShouldBe("Failed");
        var updated = await team.Admin.PutJsonAsync($"{Robots}/{robot.Str("id")}",
            new { name = "改名的群", kind = "WeCom", webhookUrl = _receiver.WeComUrl(weCom), events = new[] { "ContractSigned", "InvoicePaid" }, enabled = false });
        updated.Str("name").ShouldBe("改名的群");
        updated.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        (await team.Admin.DeleteAsync($"{Robots}/{robot.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await team.Admin.GetJsonAsync(Robots)).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }
}
