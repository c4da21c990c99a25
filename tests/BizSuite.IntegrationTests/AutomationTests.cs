using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BizSuite.Automation;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Automation rules on real business events: conditions, each action, isolation of failures, blocking, guards, tenants.</summary>
[Collection(ApiCollection.Name)]
public sealed class AutomationTests(BizSuiteFactory app)
{
    private const string StageChanged = "crm.opportunity.stage_changed";

    private async Task<(string Tenant, HttpClient Admin, string AdminId)> TenantAsync()
    {
        var tenant = await app.CreateTenantAsync("au");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        return (tenant, admin, (await admin.GetJsonAsync("/api/account/me")).Str("id"));
    }

    private static object Rule(string name, object[] conditions, object[] actions, string match = "All", bool isBlocking = false, string? blockingMessage = null,
        string eventType = StageChanged) =>
        new { name, isEnabled = true, eventType, match, conditions, actions, isBlocking, blockingMessage };

    private static object Condition(string field, string op, string? value) => new { field, @operator = op, value };

    private static object TaskFor(string userId, string title, int? dueInDays = null) =>
        new { type = "CreateTask", recipient = "User", userId, title, dueInDays };

    /// <summary>The business action of these tests: an opportunity of <paramref name="amount"/> moves to <paramref name="stage"/>.</summary>
    private static async Task<(string OpportunityId, JsonElement Answer)> MoveAsync(HttpClient admin, decimal amount, string stage = "Negotiation",
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = $"客户 {Guid.NewGuid():N}"[..12] }, HttpStatusCode.Created)).Str("id");
        var id = (await admin.PostJsonAsync("/api/crm/opportunities", new { customerId, name = "仓储系统", amount }, HttpStatusCode.Created)).Str("id");
        return (id, await admin.PostJsonAsync($"/api/crm/opportunities/{id}/move", new { stage }, expected));
    }

    private static async Task<string> StageOfAsync(HttpClient admin, string opportunityId) =>
        (await admin.GetJsonAsync($"/api/crm/opportunities/{opportunityId}")).Str("stage");

    private static async Task<string[]> MyTaskTitlesAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/oa/tasks?box=mine&take=100")).GetProperty("items").EnumerateArray().Select(t => t.Str("title")).Order().ToArray();

    private static async Task<JsonElement[]> RunsAsync(HttpClient admin, string ruleId) =>
        (await admin.GetJsonAsync($"/api/automation/runs?ruleId={ruleId}")).GetProperty("items").EnumerateArray().ToArray();

    [Theory]
    [InlineData("Equals", "grossTotal", "12000", true)] [InlineData("Equals", "name", "acme", true)] [InlineData("Equals", "grossTotal", "12001", false)]
    [InlineData("NotEquals", "name", "Other", true)] [InlineData("NotEquals", "name", "ACME", false)]
    [InlineData("GreaterThan", "grossTotal", "11999.99", true)] [InlineData("GreaterThan", "grossTotal", "12000", false)]
    [InlineData("GreaterOrEqual", "grossTotal", "12000", true)] [InlineData("GreaterOrEqual", "grossTotal", "12000.01", false)]
    [InlineData("LessThan", "grossTotal", "9000", false)] [InlineData("LessThan", "dueOn", "2027-01-01", true)]
    [InlineData("LessOrEqual", "grossTotal", "12000", true)] [InlineData("LessOrEqual", "dueOn", "2026-12-30", false)]
    [InlineData("Contains", "name", "cm", true)] [InlineData("Contains", "name", "xyz", false)]
    [InlineData("IsEmpty", "email", null, true)] [InlineData("IsEmpty", "missing", null, true)] [InlineData("IsEmpty", "name", null, false)]
    [InlineData("Equals", "customer.level", "A", true)] [InlineData("GreaterThan", "missing", "1", false)]
    public async Task Each_operator_compares_a_payload_field_as_a_number_or_as_text(string op, string field, string? value, bool matched)
    {
        var (_, admin, adminId) = await TenantAsync();
        var sample = new { name = "Acme", grossTotal = 12000.00m, dueOn = "2026-12-31", email = "", customer = new { level = "A" } };
        var result = await admin.PostJsonAsync("/api/automation/rules/test",
            new { rule = Rule("r", [Condition(field, op, value)], [TaskFor(adminId, "t")], eventType: "finance.invoice.issued"), sample });
        result.GetProperty("matched").GetBoolean().ShouldBe(matched);
        result.GetProperty("conditions")[0].GetProperty("matched").GetBoolean().ShouldBe(matched);
    }

    [Fact]
    public async Task Testing_a_rule_shows_the_conditions_outcome_and_what_each_action_would_do_without_doing_it()
    {
        var (_, admin, adminId) = await TenantAsync();
        var rule = Rule("大额发票", [Condition("grossTotal", "GreaterOrEqual", "10000"), Condition("customerName", "Contains", "云帆")],
        [
            TaskFor(adminId, "跟进 {invoiceNumber}（{customerName}）", dueInDays: 3),
            new { type = "Notify", recipient = "Role", role = "admin", message = "大额发票 {invoiceNumber}" },
            new { type = "Notify", recipient = "Owner", message = "x" },
            new { type = "CallWebhook", url = "https://example.com/hook" },
        ], match: "Any", eventType: "finance.invoice.issued");
        var sample = new { invoiceNumber = "INV-1", customerName = "北京云帆", grossTotal = 500 };
        var result = await admin.PostJsonAsync("/api/automation/rules/test", new { rule, sample });
        result.GetProperty("matched").GetBoolean().ShouldBeTrue("any: the customer matches though the amount does not");
        result.GetProperty("conditions").EnumerateArray().Select(c => (c.Str("actual"), c.GetProperty("matched").GetBoolean())).ShouldBe([("500", false), ("北京云帆", true)]);
        var actions = result.GetProperty("actions").EnumerateArray().ToArray();
        actions[0].Str("text").ShouldBe("跟进 INV-1（北京云帆）");
        actions[0].GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).ShouldBe([(await admin.GetJsonAsync("/api/account/me")).Str("name")]);
        actions[0].Str("dueOn").ShouldBe(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd"));
        actions[1].Str("text").ShouldBe("大额发票 INV-1");
        actions[2].Str("error").ShouldBe(AutomationErrors.NoOwner);
        actions[3].Str("url").ShouldBe("https://example.com/hook");
        (await MyTaskTitlesAsync(admin)).ShouldBeEmpty("a test does nothing");
        (await admin.GetJsonAsync("/api/automation/runs")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_matching_rule_creates_a_task_and_notifies_in_the_business_transaction_and_logs_its_run()
    {
        var (_, admin, adminId) = await TenantAsync();
        var rule = await admin.PostJsonAsync("/api/automation/rules", Rule("大单进入谈判", [Condition("amount", "GreaterOrEqual", "100000"), Condition("to", "Equals", "Negotiation")],
        [
            TaskFor(adminId, "跟进 {amount} {currency} 的商机（{from} → {to}）", dueInDays: 3),
            new { type = "Notify", recipient = "Role", role = "admin", message = "大单 {amount} 进入谈判" },
        ]), HttpStatusCode.Created);

        await MoveAsync(admin, 120000m);
        await MoveAsync(admin, 5000m);
        await MoveAsync(admin, 150000m, "Proposal");

        var tasks = (await admin.GetJsonAsync("/api/oa/tasks?box=mine")).GetProperty("items").EnumerateArray().ToArray();
        tasks.Select(t => t.Str("title")).ShouldBe(["跟进 120000.00 CNY 的商机（Prospecting → Negotiation）"]);
        tasks[0].Str("dueOn").ShouldBe(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd"));
        (await admin.GetJsonAsync("/api/oa/notifications")).ToString().ShouldContain("大单 120000.00 进入谈判");
        var runs = await RunsAsync(admin, rule.Str("id"));
        runs.Length.ShouldBe(1, "the small one and the proposal did not match");
        runs[0].Str("result").ShouldBe("Succeeded");
        runs[0].Str("eventType").ShouldBe(StageChanged);
        runs[0].GetProperty("durationMs").GetInt32().ShouldBeGreaterThanOrEqualTo(0);

        // Switched off, it does nothing.
        await admin.PostJsonAsync($"/api/automation/rules/{rule.Str("id")}/enabled", new { isEnabled = false });
        await MoveAsync(admin, 200000m);
        (await MyTaskTitlesAsync(admin)).Length.ShouldBe(1);

        var export = await admin.GetAsync($"/api/automation/runs?ruleId={rule.Str("id")}&format=xlsx");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task A_webhook_action_calls_the_url_only_after_the_commit_signed_with_the_rules_secret()
    {
        var (_, admin, _) = await TenantAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var rule = await admin.PostJsonAsync("/api/automation/rules", Rule("通知外部系统", [], [new { type = "CallWebhook", url = receiver.Url }]),
            HttpStatusCode.Created);
        var secret = (await admin.GetJsonAsync($"/api/automation/rules/{rule.Str("id")}/secret")).Str("secret");

        var (opportunityId, _) = await MoveAsync(admin, 1000m);
        receiver.Received.ShouldBeEmpty("nothing leaves inside the transaction");
        await app.RunDueJobsAsync();

        var call = receiver.Received.ShouldHaveSingleItem();
        call.Event.ShouldBe(StageChanged);
        WebhookReceiver.Verify(secret, call.Signature, call.Body, DateTimeOffset.UtcNow).ShouldBeTrue();
        call.Json.Str("type").ShouldBe(StageChanged);
        call.Json.GetProperty("data").Str("opportunityId").ShouldBe(opportunityId);
    }

    [Fact]
    public async Task A_failing_rule_is_logged_with_its_error_while_the_business_change_and_the_other_rules_commit()
    {
        var (_, admin, adminId) = await TenantAsync();
        // The task title outgrows its column once the id is filled in: the database refuses the insert behind the rule's savepoint.
        var tooLong = await admin.PostJsonAsync("/api/automation/rules", Rule("太长", [], [TaskFor(adminId, new string('长', 180) + "{opportunityId}")]),
            HttpStatusCode.Created);
        var noOwner = await admin.PostJsonAsync("/api/automation/rules", Rule("无负责人", [], [new { type = "CreateTask", recipient = "Owner", title = "x" }]),
            HttpStatusCode.Created);
        var fine = await admin.PostJsonAsync("/api/automation/rules", Rule("正常", [], [TaskFor(adminId, "跟进 {to}")]), HttpStatusCode.Created);

        var (opportunityId, _) = await MoveAsync(admin, 1000m);

        (await StageOfAsync(admin, opportunityId)).ShouldBe("Negotiation");
        (await MyTaskTitlesAsync(admin)).ShouldBe(["跟进 Negotiation"]);
        var failed = (await RunsAsync(admin, tooLong.Str("id"))).ShouldHaveSingleItem();
        failed.Str("result").ShouldBe("Failed");
        failed.Str("error").ShouldContain("Data too long");
        var owner = (await RunsAsync(admin, noOwner.Str("id"))).ShouldHaveSingleItem();
        owner.Str("result").ShouldBe("Failed");
        owner.Str("error").ShouldBe("The event names no owner for the document.");
        (await RunsAsync(admin, fine.Str("id"))).ShouldHaveSingleItem().Str("result").ShouldBe("Succeeded");
    }

    [Fact]
    public async Task A_blocking_rule_refuses_the_business_action_with_the_admins_message()
    {
        var (_, admin, _) = await TenantAsync();
        var rule = await admin.PostJsonAsync("/api/automation/rules",
            Rule("大单赢单须确认", [Condition("amount", "GreaterOrEqual", "1000000"), Condition("to", "Equals", "Won")], [], isBlocking: true,
                blockingMessage: "百万以上的赢单请先经总经理确认。"), HttpStatusCode.Created);

        var (big, problem) = await MoveAsync(admin, 2000000m, "Won", HttpStatusCode.UnprocessableEntity);
        problem.Str("code").ShouldBe(AutomationErrors.Blocked);
        problem.Str("detail").ShouldBe("百万以上的赢单请先经总经理确认。");
        (await StageOfAsync(admin, big)).ShouldBe("Prospecting", "the refused move rolled back");
        (await RunsAsync(admin, rule.Str("id"))).ShouldHaveSingleItem().Str("result").ShouldBe("Blocked");

        var (small, _) = await MoveAsync(admin, 1000m, "Won");
        (await StageOfAsync(admin, small)).ShouldBe("Won");
    }

    [Fact]
    public async Task Runs_beyond_the_tenants_limit_per_minute_are_logged_as_rate_limited_and_do_nothing()
    {
        var (_, admin, adminId) = await TenantAsync();
        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { [AutomationSettings.MaxRunsPerMinute] = "2" }, HttpStatusCode.NoContent);
        var rule = await admin.PostJsonAsync("/api/automation/rules", Rule("每次一个任务", [], [TaskFor(adminId, "任务 {amount}")]), HttpStatusCode.Created);

        foreach (var amount in new[] { 1m, 2m, 3m }) await MoveAsync(admin, amount);

        (await MyTaskTitlesAsync(admin)).ShouldBe(["任务 1.00", "任务 2.00"]);
        (await RunsAsync(admin, rule.Str("id"))).Select(r => r.Str("result")).Order().ShouldBe(["RateLimited", "Succeeded", "Succeeded"]);
    }

    [Fact]
    public async Task Rules_belong_to_their_tenant_and_need_the_manage_permission()
    {
        var (tenantA, adminA, adminAId) = await TenantAsync();
        var (_, adminB, _) = await TenantAsync();
        var rule = await adminA.PostJsonAsync("/api/automation/rules", Rule("A 的规则", [], [TaskFor(adminAId, "A {name}")]), HttpStatusCode.Created);

        await adminB.GetJsonAsync($"/api/automation/rules/{rule.Str("id")}", HttpStatusCode.NotFound);
        (await adminB.GetJsonAsync("/api/automation/rules")).GetArrayLength().ShouldBe(0);
        await MoveAsync(adminB, 1000m);
        (await RunsAsync(adminA, rule.Str("id"))).ShouldBeEmpty("another tenant's event does not run A's rules");
        (await adminB.GetJsonAsync("/api/automation/runs")).GetProperty("totalCount").GetInt64().ShouldBe(0);

        await adminA.PostJsonAsync("/api/identity/users", new
        {
            userName = "member", email = "member@example.test", name = "member", password = "Member123!", isActive = true, roleNames = new[] { "member" },
        }, HttpStatusCode.Created);
        var member = await app.LoginAsync(tenantA, "member", "Member123!");
        await member.GetJsonAsync("/api/automation/rules", HttpStatusCode.Forbidden);
        await member.GetJsonAsync("/api/automation/runs", HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync("/api/automation/rules", Rule("x", [], [TaskFor(adminAId, "x")]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_rule_is_validated_field_by_field()
    {
        var (_, admin, _) = await TenantAsync();
        var problem = await admin.PostJsonAsync("/api/automation/rules", Rule("", [Condition("", "Equals", null)],
            [new { type = "CreateTask", recipient = "Role", title = "" }, new { type = "CallWebhook", url = "http://example.com/plain" }], eventType: "no.such.event"),
            HttpStatusCode.BadRequest);
        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("eventType").ShouldNotBeEmpty();
        problem.FieldErrors("conditions[0].field").ShouldNotBeEmpty();
        problem.FieldErrors("conditions[0].value").ShouldNotBeEmpty();
        problem.FieldErrors("actions[0].role").ShouldNotBeEmpty();
        problem.FieldErrors("actions[0].title").ShouldNotBeEmpty();
        problem.FieldErrors("actions[1].url").ShouldNotBeEmpty();
        (await admin.PostJsonAsync("/api/automation/rules", Rule("拦截", [], [], isBlocking: true), HttpStatusCode.BadRequest))
            .FieldErrors("blockingMessage").ShouldNotBeEmpty();
    }
}
