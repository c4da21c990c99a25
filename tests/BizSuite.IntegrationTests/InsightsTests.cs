using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Process KPIs measured on a small history made by hand through the API, the clock moved between the steps so every
/// expected figure can be worked out on paper (they are, next to each assertion).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InsightsTests(BizSuiteFactory app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    /// <summary>What the history left: the tenant, its admin, the contracts (C1 delivered and paid, C2 invoiced on signing, unpaid).</summary>
    private sealed record History(string Tenant, HttpClient Admin, string C1, string C2, string Query);

    private void At(double hours) => app.Clock.Offset = TimeSpan.FromHours(hours);

    /// <summary>
    /// h0 three leads and two draft contracts; h4 L1 qualified; h6 C1 submitted; h8 C2 submitted; h10 L2 qualified, C2 approved;
    /// h12 L3 disqualified, C1 approved; h24 O1 won, C1 (100 % on delivery, 11,300.00) and C2 (100 % on signing, 5,300.00) signed;
    /// h48 O2 lost, C1 delivered (its invoice issued); h120 C1's invoice paid in full.
    /// </summary>
    private async Task<History> MakeHistoryAsync()
    {
        At(0);
        var tenant = await app.CreateTenantAsync("in");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        async Task<string> Lead(string name) => (await admin.PostJsonAsync("/api/crm/leads",
            new { name, contactPerson = "张三", source = "Website" }, HttpStatusCode.Created)).Str("id");
        var (l1, l2, l3) = (await Lead("甲公司"), await Lead("乙公司"), await Lead("丙公司"));
        var customer = (await admin.PostJsonAsync("/api/crm/customers", new { name = "杭州洞察科技有限公司" }, HttpStatusCode.Created)).Str("id");
        async Task<string> Contract(decimal price, decimal vat, string trigger) => (await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "洞察合同",
            customerId = customer,
            lines = new[] { new { description = "服务", quantity = 1m, unitPrice = price, discountRate = 0m, vatRate = vat } },
            installments = new[] { new { trigger, percentage = 100m } },
        }, HttpStatusCode.Created)).Str("id");
        var c1 = await Contract(10000m, 0.13m, "OnDelivery");
        var c2 = await Contract(5000m, 0.06m, "OnSigning");

        At(4);
        var o1 = (await admin.PostJsonAsync($"/api/crm/leads/{l1}/qualify", new { })).Str("opportunityId");
        At(6);
        await admin.PostJsonAsync($"/api/crm/contracts/{c1}/submit", new { });
        At(8);
        await admin.PostJsonAsync($"/api/crm/contracts/{c2}/submit", new { });
        At(10);
        var o2 = (await admin.PostJsonAsync($"/api/crm/leads/{l2}/qualify", new { })).Str("opportunityId");
        await SignedContract.ApproveAsync(admin, c2);
        At(12);
        await admin.PostJsonAsync($"/api/crm/leads/{l3}/disqualify", new { reason = "无预算" });
        await SignedContract.ApproveAsync(admin, c1);
        At(24);
        await admin.PostJsonAsync($"/api/crm/opportunities/{o1}/move", new { stage = "Won" });
        await admin.PostJsonAsync($"/api/crm/contracts/{c1}/sign", new { });
        await admin.PostJsonAsync($"/api/crm/contracts/{c2}/sign", new { });
        At(48);
        await admin.PostJsonAsync($"/api/crm/opportunities/{o2}/move", new { stage = "Lost", lostReason = "价格" });
        var order = (await admin.GetJsonAsync($"/api/orders/sales-orders?contractId={c1}")).GetProperty("items")[0];
        await admin.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", new
        {
            lines = new[] { new { orderLineId = order.GetProperty("lines")[0].Str("id"), quantity = 1m } },
        });
        At(120);
        var invoice = (await SignedContract.InvoicesAsync(admin, c1)).Single();
        await admin.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments", new { amount = 11300m, method = "BankTransfer" });

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        return new History(tenant, admin, c1, c2, $"from={today.AddDays(-10):yyyy-MM-dd}&to={today.AddDays(40):yyyy-MM-dd}&period=week");
    }

    private static Dictionary<string, JsonElement> ByKey(JsonElement kpis) => kpis.EnumerateArray().ToDictionary(k => k.Str("key"));

    private static decimal? Value(Dictionary<string, JsonElement> kpis, string key) =>
        kpis[key].GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    [Fact]
    public async Task Lead_to_cash_and_approval_KPIs_follow_a_hand_made_history()
    {
        var h = await MakeHistoryAsync();
        var kpis = ByKey(await h.Admin.GetJsonAsync($"/api/insights/kpis?process=lead-to-cash&{h.Query}"));
        kpis.Values.ShouldAllBe(k => k.Str("process") == "lead-to-cash");
        Value(kpis, "l2c.lead-qualification-time").ShouldBe(7.00m);        // (4 h + 10 h) / 2
        Value(kpis, "l2c.lead-qualification-rate").ShouldBe(66.67m);      // 2 qualified of 3 decided
        Value(kpis, "l2c.opportunity-win-rate").ShouldBe(50.00m);          // O1 won, O2 lost
        Value(kpis, "l2c.opportunity-cycle").ShouldBe(0.83m);              // O1 opened h4, won h24: 20 h = 0.83 days
        Value(kpis, "l2c.contract-approval-time").ShouldBe(4.00m);         // C1 6 h, C2 2 h
        Value(kpis, "l2c.sign-to-first-invoice").ShouldBe(12.00m);         // C1 24 h (invoiced on delivery), C2 0 h (on signing)
        Value(kpis, "l2c.order-to-delivery").ShouldBe(1.00m);              // C1's order h24 → h48
        Value(kpis, "l2c.dso").ShouldBe(3.00m);                            // issued h48's date, paid three days later
        Value(kpis, "l2c.sign-to-collected").ShouldBe(4.00m);              // C1 signed h24, collected h120
        Value(kpis, "l2c.collection-rate").ShouldBe(68.07m);               // 11,300 of 11,300 + 5,300 due in the range
        Value(kpis, "l2c.overdue-share").ShouldBe(0.00m);                  // C2's invoice is open but not due yet
        var approval = kpis["l2c.contract-approval-time"];
        approval.Str("unit").ShouldBe("hours");
        approval.GetProperty("previous").ValueKind.ShouldBe(JsonValueKind.Null);
        approval.GetProperty("target").ValueKind.ShouldBe(JsonValueKind.Null);
        approval.GetProperty("breached").GetBoolean().ShouldBeFalse();
        var series = approval.GetProperty("series").EnumerateArray().ToList();
        series.Count.ShouldBeGreaterThan(1);
        series.Select(p => p.GetProperty("value")).Where(v => v.ValueKind == JsonValueKind.Number).Single().GetDecimal().ShouldBe(4.00m);
        series.ShouldAllBe(p => DateOnly.Parse(p.Str("periodStart")).DayOfWeek == DayOfWeek.Monday);

        var oa = ByKey(await h.Admin.GetJsonAsync($"/api/insights/kpis?process=oa&{h.Query}"));
        Value(oa, "oa.approval-time").ShouldBe(4.00m);
        Value(oa, "oa.approval-rejection-rate").ShouldBe(0.00m);
        Value(oa, "oa.expense-submit-to-paid").ShouldBeNull();

        var slowest = (await h.Admin.GetJsonAsync($"/api/insights/kpis/l2c.contract-approval-time/slowest?take=10&{h.Query}")).EnumerateArray().ToList();
        slowest.Select(s => (s.Str("documentId"), s.GetProperty("hours").GetDecimal())).ShouldBe([(h.C1, 6.00m), (h.C2, 2.00m)]);
        (slowest[0].Str("documentType"), slowest[0].Str("link"), slowest[0].Str("documentNumber")).ShouldBe(("contract", $"/crm/contracts/{h.C1}",
            (await h.Admin.GetJsonAsync($"/api/crm/contracts/{h.C1}")).Str("number")));

        var funnel = (await h.Admin.GetJsonAsync($"/api/insights/funnel?process=lead-to-cash&{h.Query}")).EnumerateArray()
            .Select(s => (s.Str("stage"), s.GetProperty("count").GetInt32())).ToList();
        funnel.ShouldBe([("leads", 3), ("qualified", 2), ("opportunities", 2), ("proposal", 0), ("negotiation", 0), ("won", 1),
            ("contracts-signed", 2), ("fully-delivered", 1), ("fully-collected", 1)]);

        var step = (await h.Admin.GetJsonAsync($"/api/insights/approval-steps?{h.Query}")).EnumerateArray().ShouldHaveSingleItem();
        (step.Str("documentType"), step.GetProperty("stepNumber").GetInt32(), step.GetProperty("completed").GetInt32()).ShouldBe(("contract", 1, 2));
        (step.GetProperty("averageHours").GetDecimal(), step.GetProperty("p90Hours").GetDecimal(), step.GetProperty("waiting").GetInt32()).ShouldBe((4.00m, 6.00m, 0));
        step.Str("flowName").ShouldNotBeNullOrEmpty();

        var forecast = (await h.Admin.GetJsonAsync("/api/insights/cash-forecast?days=90")).EnumerateArray().ToList();
        forecast.Sum(w => w.GetProperty("amount").GetDecimal()).ShouldBe(5300m);  // C2's unpaid invoice, due in 30 days
        forecast.ShouldAllBe(w => w.Str("currency") == "CNY");
    }

    [Fact]
    public async Task The_overdue_share_is_the_share_of_open_invoices_past_due_at_the_end_of_each_day()
    {
        var h = await MakeHistoryAsync();
        var due = DateOnly.Parse((await SignedContract.InvoicesAsync(h.Admin, h.C2)).Single().Str("dueOn"));
        At(24 * 120); // long after C2's invoice fell due, still unpaid; C1's was paid on day 5
        var share = ByKey(await h.Admin.GetJsonAsync(
            $"/api/insights/kpis?process=lead-to-cash&from={due.AddDays(-3):yyyy-MM-dd}&to={due.AddDays(3):yyyy-MM-dd}&period=day"))["l2c.overdue-share"];
        share.GetProperty("value").GetDecimal().ShouldBe(100.00m);        // at the range's end C2's invoice is the one open, and past due
        share.GetProperty("previous").GetDecimal().ShouldBe(0.00m);       // four days before its due date: open, not yet due
        share.GetProperty("count").GetInt32().ShouldBe(1);
        share.GetProperty("series").EnumerateArray().Select(p => (DateOnly.Parse(p.Str("periodStart")), p.GetProperty("value").GetDecimal()))
            .ShouldBe(Enumerable.Range(-3, 7).Select(d => (due.AddDays(d), d < 0 ? 0.00m : 100.00m)));  // due on its due date's end

        var slowest = (await h.Admin.GetJsonAsync("/api/insights/kpis/l2c.overdue-share/slowest?take=10")).EnumerateArray().ToList();
        slowest.Select(s => s.Str("documentType")).ShouldBe(["invoice"]);
    }

    [Fact]
    public async Task Rebuilding_from_the_journal_gives_what_the_handlers_wrote()
    {
        var h = await MakeHistoryAsync();
        async Task<string> Snapshot() => string.Join("\n",
            (await h.Admin.GetJsonAsync($"/api/insights/kpis?{h.Query}")).GetRawText(),
            (await h.Admin.GetJsonAsync($"/api/insights/funnel?{h.Query}")).GetRawText(),
            (await h.Admin.GetJsonAsync($"/api/insights/approval-steps?{h.Query}")).GetRawText(),
            (await h.Admin.GetJsonAsync($"/api/insights/kpis/l2c.sign-to-first-invoice/slowest?{h.Query}")).GetRawText(),
            (await h.Admin.GetJsonAsync("/api/insights/cash-forecast")).GetRawText());
        var tenantId = await TenantIdAsync(h.Tenant);
        const string rows = """
            SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT(i.DocumentType, i.DocumentId, i.Number, i.Title, COALESCE(i.ParentId, ''), COALESCE(i.Amount, ''),
              COALESCE(i.DueOn, ''), i.Settled, m.Name, DATE_FORMAT(m.At, '%Y-%m-%d %H:%i:%s.%f')))), 0)
            FROM insights_milestones m JOIN insights_process_instances i ON i.Id = m.InstanceId WHERE m.TenantId = @t
            """;
        const string steps = """
            SELECT COALESCE(SUM(CRC32(CONCAT(ApprovalId, StepNumber, Approvers, DATE_FORMAT(AssignedAt, '%Y-%m-%d %H:%i:%s.%f'),
              COALESCE(DATE_FORMAT(EndedAt, '%Y-%m-%d %H:%i:%s.%f'), ''), COALESCE(Outcome, '')))), 0) FROM insights_approval_steps WHERE TenantId = @t
            """;
        var before = (await Snapshot(), await app.ScalarAsync(rows, ("t", tenantId)), await app.ScalarAsync(steps, ("t", tenantId)));
        (await app.ScalarAsync("SELECT COUNT(*) FROM insights_milestones WHERE TenantId = @t", ("t", tenantId))).ShouldBeGreaterThan(20);

        var result = await h.Admin.PostJsonAsync("/api/insights/rebuild", new { });
        result.GetProperty("events").GetInt32().ShouldBeGreaterThan(20);
        result.GetProperty("instances").GetInt32().ShouldBe(
            (int)await app.ScalarAsync("SELECT COUNT(*) FROM insights_process_instances WHERE TenantId = @t", ("t", tenantId)));
        var after = (await Snapshot(), await app.ScalarAsync(rows, ("t", tenantId)), await app.ScalarAsync(steps, ("t", tenantId)));
        after.ShouldBe(before);

        // A tenant whose rows were lost (or that existed before the module) gets them back from its journal.
        await app.ScalarAsync("DELETE FROM insights_approval_steps WHERE TenantId = @t", ("t", tenantId));
        await app.ScalarAsync("DELETE FROM insights_process_instances WHERE TenantId = @t", ("t", tenantId));
        (await h.Admin.GetJsonAsync($"/api/insights/kpis?process=lead-to-cash&{h.Query}")).EnumerateArray()
            .ShouldAllBe(k => k.GetProperty("value").ValueKind == JsonValueKind.Null);
        await h.Admin.PostJsonAsync("/api/insights/rebuild", new { });
        (await Snapshot(), await app.ScalarAsync(rows, ("t", tenantId)), await app.ScalarAsync(steps, ("t", tenantId))).ShouldBe(before);
    }

    [Fact]
    public async Task Another_tenant_never_sees_the_figures()
    {
        // Created first: a token issued on the moved clock is not valid yet for the real one.
        var other = await app.LoginAsync(await app.CreateTenantAsync("io"), "admin", "Admin123!");
        var h = await MakeHistoryAsync();
        (await other.GetJsonAsync($"/api/insights/kpis?{h.Query}")).EnumerateArray()
            .ShouldAllBe(k => k.GetProperty("value").ValueKind == JsonValueKind.Null || k.GetProperty("value").GetDecimal() == 0m);
        (await other.GetJsonAsync($"/api/insights/funnel?{h.Query}")).EnumerateArray().ShouldAllBe(s => s.GetProperty("count").GetInt32() == 0);
        (await other.GetJsonAsync($"/api/insights/approval-steps?{h.Query}")).EnumerateArray().ShouldBeEmpty();
        (await other.GetJsonAsync($"/api/insights/kpis/l2c.contract-approval-time/slowest?{h.Query}")).EnumerateArray().ShouldBeEmpty();
        (await other.GetJsonAsync("/api/insights/cash-forecast")).EnumerateArray().Sum(w => w.GetProperty("amount").GetDecimal()).ShouldBe(0m);
        // Its own rebuild reads only its own journal.
        (await other.PostJsonAsync("/api/insights/rebuild", new { })).GetProperty("instances").GetInt32().ShouldBe(0);
        Value(ByKey(await h.Admin.GetJsonAsync($"/api/insights/kpis?process=lead-to-cash&{h.Query}")), "l2c.contract-approval-time").ShouldBe(4.00m);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_field_errors_and_permissions_hold()
    {
        var team = await Team.CreateAsync(app);
        var admin = team.Admin;
        (await admin.GetJsonAsync("/api/insights/kpis?period=year", HttpStatusCode.BadRequest)).Str("code").ShouldBe("Insights:InvalidPeriod");
        (await admin.GetJsonAsync("/api/insights/kpis?from=2026-05-02&to=2026-05-01", HttpStatusCode.BadRequest)).FieldErrors("from").ShouldNotBeEmpty();
        (await admin.GetJsonAsync("/api/insights/kpis?from=someday", HttpStatusCode.BadRequest)).FieldErrors("from").ShouldNotBeEmpty();
        (await admin.GetJsonAsync("/api/insights/kpis?process=sell-to-nobody", HttpStatusCode.BadRequest)).FieldErrors("process").ShouldNotBeEmpty();
        (await admin.GetJsonAsync("/api/insights/kpis/no.such-kpi/slowest", HttpStatusCode.NotFound)).Str("code").ShouldBe("Insights:UnknownKpi");
        (await admin.GetJsonAsync("/api/insights/kpis/l2c.dso/slowest?take=0", HttpStatusCode.BadRequest)).FieldErrors("take").ShouldNotBeEmpty();
        (await admin.GetJsonAsync("/api/insights/cash-forecast?days=1000", HttpStatusCode.BadRequest)).FieldErrors("days").ShouldNotBeEmpty();
        (await admin.PutJsonAsync("/api/insights/targets/l2c.dso", new { target = -1m, ownerRole = "admin" }, HttpStatusCode.BadRequest))
            .FieldErrors("target").ShouldNotBeEmpty();
        (await admin.PutJsonAsync("/api/insights/targets/l2c.collection-rate", new { target = 120m, ownerRole = "admin" }, HttpStatusCode.BadRequest))
            .FieldErrors("target").ShouldNotBeEmpty();
        (await admin.PutJsonAsync("/api/insights/targets/l2c.dso", new { target = 30m, ownerRole = "" }, HttpStatusCode.BadRequest))
            .FieldErrors("ownerRole").ShouldNotBeEmpty();
        await admin.PutJsonAsync("/api/insights/targets/no.such-kpi", new { target = 1m, ownerRole = "admin" }, HttpStatusCode.NotFound);

        // A member has neither permission; the admin role has both.
        (await team.Staff.GetAsync("/api/insights/kpis")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await team.Staff.PutJsonAsync("/api/insights/targets/l2c.dso", new { target = 30m, ownerRole = "admin" }, HttpStatusCode.Forbidden);
        (await team.Staff.PostAsync("/api/insights/rebuild", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var saved = await admin.PutJsonAsync("/api/insights/targets/l2c.dso", new { target = 30m, ownerRole = "finance" });
        (saved.Str("key"), saved.GetProperty("target").GetDecimal(), saved.Str("ownerRole"), saved.Str("direction")).ShouldBe(("l2c.dso", 30m, "finance", "max"));
        var targets = (await admin.GetJsonAsync("/api/insights/targets")).EnumerateArray().ToList();
        targets.Single(t => t.Str("key") == "l2c.dso").GetProperty("target").GetDecimal().ShouldBe(30m);
        targets.Count.ShouldBeGreaterThan(15);
        (await admin.GetJsonAsync("/api/insights/kpis?process=lead-to-cash")).EnumerateArray().Single(k => k.Str("key") == "l2c.dso")
            .GetProperty("target").GetDecimal().ShouldBe(30m);
    }

    [Fact]
    public async Task Every_table_exports_to_excel()
    {
        var admin = await app.LoginAsync(await app.CreateTenantAsync("ix"), "admin", "Admin123!");
        foreach (var table in new[] { "kpis", "kpis/l2c.dso/slowest", "funnel", "approval-steps", "cash-forecast", "targets" })
        {
            var response = await admin.GetAsync($"/api/insights/{table}/export");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, table);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            (await response.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        }
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await (await admin.GetAsync("/api/insights/targets?format=xlsx")).Content.ReadAsByteArrayAsync()),
            useHeaderRow: true).ToList();
        rows.Count.ShouldBeGreaterThan(15);
    }

    [Fact]
    public async Task A_missed_target_notifies_the_owner_role_and_the_group_robot_once_per_period_and_goes_out_as_a_webhook_event()
    {
        var h = await MakeHistoryAsync();
        var tenantId = await TenantIdAsync(h.Tenant);
        await h.Admin.PutJsonAsync("/api/insights/targets/l2c.contract-approval-time", new { target = 3m, ownerRole = "admin" });  // 4 h misses it
        await h.Admin.PutJsonAsync("/api/insights/targets/l2c.dso", new { target = 5m, ownerRole = "admin" });                      // 3 days meets it
        await h.Admin.PutJsonAsync("/api/insights/targets/l2c.opportunity-win-rate", new { target = null as decimal?, ownerRole = "admin" });
        (await app.ScalarAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'insights-kpi-targets' AND TRIGGER_TYPE = 'CRON'")).ShouldBe(1);
        await using var receiver = await WebhookReceiver.StartAsync();
        await h.Admin.PostJsonAsync("/api/webhooks/subscriptions",
            new { url = receiver.Url, description = "BI", eventTypes = new[] { "insights.kpi.breached" }, isEnabled = true }, HttpStatusCode.Created);
        // The group robot plugin is loaded: a robot that listens for breaches hears of this one once, in the tenant's language.
        await using var robots = await GroupRobots.StartAsync();
        var robotKey = Guid.NewGuid().ToString("N");
        await h.Admin.PostJsonAsync("/api/plugins/robot-notifier/robots", new
        {
            name = "管理层群", kind = "WeCom", webhookUrl = robots.WeComUrl(robotKey), secret = (string?)null, events = new[] { "KpiBreached" }, enabled = true,
        }, HttpStatusCode.Created);

        async Task EvaluateAsync()
        {
            const string sql = "SELECT COUNT(*) FROM kernel_background_jobs WHERE TenantId = @t AND JobName LIKE '%.EvaluateKpiTargets' AND Status = 0";
            var scheduler = await app.Service<Quartz.ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(new Quartz.JobKey("insights-kpi-targets"));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await app.ScalarAsync(sql, ("t", tenantId)) == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
            (await app.ScalarAsync(sql, ("t", tenantId))).ShouldBeGreaterThan(0);
            await app.RunDueJobsAsync();
        }
        async Task<List<JsonElement>> AlertsAsync() => (await h.Admin.GetJsonAsync("/api/oa/notifications?take=100")).GetProperty("items").EnumerateArray()
            .Where(n => n.Str("kind") == "Alert").ToList();

        await EvaluateAsync();
        var alert = (await AlertsAsync()).ShouldHaveSingleItem();
        alert.Str("title").ShouldContain("合同提交→审批通过时长");  // in the tenant's language
        alert.Str("title").ShouldContain("4");
        alert.Str("link").ShouldBe("/insights?kpi=l2c.contract-approval-time");
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE TenantId = @t AND EventType = 'KpiBreached'", ("t", tenantId))).ShouldBe(1);
        var sent = receiver.Received.ShouldHaveSingleItem();
        sent.Event.ShouldBe("insights.kpi.breached");
        var data = sent.Json.GetProperty("data");
        (data.Str("key"), data.GetProperty("value").GetDecimal(), data.GetProperty("target").GetDecimal(), data.Str("period")).ShouldBe(
            ("l2c.contract-approval-time", 4.00m, 3m, "month"));
        var post = robots.To(robotKey).ShouldHaveSingleItem();
        post.Text.ShouldContain("流程指标未达标：l2c.contract-approval-time");
        post.Text.ShouldContain("**实际**：4 小时");
        post.Text.ShouldContain("**目标（不高于）**：3 小时");

        // Still missed the next day: the same period, so nobody is told again.
        app.Clock.Offset += TimeSpan.FromDays(1);
        await EvaluateAsync();
        (await AlertsAsync()).Count.ShouldBe(1);
        receiver.Received.Count.ShouldBe(1);
        robots.To(robotKey).Count().ShouldBe(1);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE TenantId = @t AND EventType = 'KpiBreached'", ("t", tenantId))).ShouldBe(1);
        var kpi = (await h.Admin.GetJsonAsync($"/api/insights/kpis?process=lead-to-cash&{h.Query}")).EnumerateArray().Single(k => k.Str("key") == "l2c.contract-approval-time");
        (kpi.GetProperty("target").GetDecimal(), kpi.GetProperty("breached").GetBoolean()).ShouldBe((3m, true));
    }

    private async Task<string> TenantIdAsync(string name)
    {
        await using var connection = new MySqlConnector.MySqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SELECT Id FROM saas_tenants WHERE Name = @n", connection);
        command.Parameters.AddWithValue("n", name);
        return (await command.ExecuteScalarAsync())!.ToString()!;
    }
}
