using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Oa.Approvals;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The approval actions over HTTP against MariaDB: 会签 and 或签 under concurrency, 加签, 转交, 退回 and resubmission, 催办,
/// 抄送, 委托 and a step's timeout with a moved clock.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalActionsTests(BizSuiteFactory app)
{
    /// <summary>wang and zhou hold "managers", chen "auditors"; li applies; xu is another member.</summary>
    private sealed record Office(Guid TenantId, HttpClient Admin, Dictionary<string, HttpClient> Users, Dictionary<string, Guid> Ids)
    {
        public HttpClient this[string user] => Users[user];
    }

    private async Task<Office> OfficeAsync()
    {
        var tenant = await app.CreateTenantAsync("ap");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        foreach (var role in new[] { "managers", "auditors" }) await admin.PostJsonAsync("/api/identity/roles", new { name = role }, HttpStatusCode.Created);
        var ids = new Dictionary<string, Guid>();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (user, roles) in new[] { ("wang", new[] { "managers", "member" }), ("zhou", ["managers", "member"]), ("chen", ["auditors", "member"]),
                     ("li", ["member"]), ("xu", ["member"]) })
        {
            ids[user] = Guid.Parse((await admin.PostJsonAsync("/api/identity/users", new
            {
                userName = user, email = $"{user}@{tenant}.test", name = user.ToUpperInvariant(), password = "Passw0rd!", isActive = true, roleNames = roles,
            }, HttpStatusCode.Created)).Str("id"));
            clients[user] = await app.LoginAsync(tenant, user, "Passw0rd!");
        }
        var tenantId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        return new Office(tenantId, admin, clients, ids);
    }

    /// <summary>Managers in the given mode, then chen alone; a copy to xu at completion.</summary>
    private static Task DefineFlowAsync(Office office, string mode, string resubmitFrom = "ReturningStep", object? firstStepExtra = null) =>
        office.Admin.PostJsonAsync("/api/oa/approval-flows", new
        {
            documentType = ApprovalDocumentTypes.PurchaseRequest, name = "采购审批", resubmitFrom,
            steps = new object[]
            {
                firstStepExtra ?? new { rule = "Role", roleName = "managers", condition = "Always", mode },
                new { rule = "User", userId = office.Ids["chen"], condition = "Always" },
            },
            cc = new object[] { new { moment = "Completion", rule = "User", userId = office.Ids["xu"] } },
        }, HttpStatusCode.Created);

    private async Task<Guid> RequestAsync(Office office, string number = "CG0001")
    {
        var id = Guid.Empty;
        await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(office.TenantId);
            id = await sp.GetRequiredService<IApprovalService>().RequestAsync(
                new ApprovalRequest(ApprovalDocumentTypes.PurchaseRequest, Guid.NewGuid(), number, "采购服务器", office.Ids["li"], 80_000m, "CNY"), ct);
        });
        return id;
    }

    private Task<long> JournalCountAsync(Office office, string eventType) =>
        app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE TenantId = @t AND EventType = @e", ("@t", office.TenantId), ("@e", eventType));

    private static async Task<long> BoxCountAsync(HttpClient client, string box) =>
        (await client.GetJsonAsync($"/api/oa/approvals?box={box}")).GetProperty("totalCount").GetInt64();

    [Fact]
    public async Task Countersign_with_an_added_signer_a_return_to_the_applicant_and_a_resubmission()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "All");
        var id = await RequestAsync(office);
        var url = $"/api/oa/approvals/{id}";

        (await BoxCountAsync(office["wang"], "assigned")).ShouldBe(1);
        (await BoxCountAsync(office["zhou"], "assigned")).ShouldBe(1);
        await office["xu"].PostJsonAsync($"{url}/approve", new { }, HttpStatusCode.Forbidden);

        (await office["wang"].PostJsonAsync($"{url}/add-signer", new { userId = office.Ids["xu"], position = "After", reason = "" }, HttpStatusCode.BadRequest))
            .FieldErrors("reason").ShouldNotBeEmpty();
        (await office["wang"].PostJsonAsync($"{url}/add-signer", new { userId = Guid.NewGuid(), position = "After", reason = "x" },
            HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe(OaErrors.UnknownUser);
        await office["wang"].PostJsonAsync($"{url}/add-signer", new { userId = office.Ids["xu"], position = "After", reason = "请IT评估配置" });
        await office["wang"].PostJsonAsync($"{url}/approve", new { comment = "同意" });
        (await office["wang"].PostJsonAsync($"{url}/approve", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe(OaErrors.AlreadyDecided);

        var forXu = await office["xu"].GetJsonAsync(url);
        forXu.GetProperty("canDecide").GetBoolean().ShouldBeTrue();
        forXu.GetProperty("steps")[0].GetProperty("round").EnumerateArray().Single(a => a.Str("name") == "XU").Str("reason").ShouldBe("请IT评估配置");
        await office["xu"].PostJsonAsync($"{url}/approve", new { });
        var afterZhou = await office["zhou"].PostJsonAsync($"{url}/approve", new { });
        afterZhou.GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(2);

        var returnable = (await office["chen"].GetJsonAsync(url)).GetProperty("returnableSteps").EnumerateArray().Select(e => e.GetInt32());
        returnable.ShouldBe([0, 1]);
        (await office["chen"].PostJsonAsync($"{url}/return", new { toStep = 2, comment = "x" }, HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe(OaErrors.InvalidReturnStep);
        var returned = await office["chen"].PostJsonAsync($"{url}/return", new { toStep = 0, comment = "请补充报价单" });
        returned.GetProperty("summary").Str("status").ShouldBe("Returned");
        (await BoxCountAsync(office["chen"], "assigned")).ShouldBe(0);
        (await office["li"].GetJsonAsync(url)).GetProperty("canResubmit").GetBoolean().ShouldBeTrue();
        await office["wang"].PostJsonAsync($"{url}/resubmit", new { }, HttpStatusCode.Forbidden);

        var resubmitted = await office["li"].PostJsonAsync($"{url}/resubmit", new { comment = "已补充" });
        resubmitted.GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(2, "it resumes at the step that returned it");
        var done = await office["chen"].PostJsonAsync($"{url}/approve", new { });
        done.GetProperty("summary").Str("status").ShouldBe("Approved");
        done.GetProperty("history").EnumerateArray().Select(h => h.Str("action")).ShouldBe(
            ["Submitted", "SignerAdded", "Approved", "Approved", "Approved", "Returned", "Resubmitted", "Approved"]);

        (await BoxCountAsync(office["xu"], "cc")).ShouldBe(1, "xu gets the copy at completion");
        (await BoxCountAsync(office["chen"], "done")).ShouldBe(1);
        foreach (var type in new[] { "ApprovalSignerAdded", "ApprovalReturned", "ApprovalResubmitted", "ApprovalCopied", "ApprovalCompleted" })
            (await JournalCountAsync(office, type)).ShouldBe(1, type);
    }

    /// <summary>A signed-in tab of <paramref name="user"/>: the inbox counts pushed to it, in order.</summary>
    private async Task<(HubConnection Tab, ChannelReader<long> Counts)> InboxTabAsync(HttpClient user)
    {
        var counts = Channel.CreateUnbounded<long>();
        var tab = TwoHostTests.Connect(app, user);
        tab.On<JsonElement>("approvalInbox", c => counts.Writer.TryWrite(c.GetProperty("count").GetInt64()));
        await tab.StartAsync();
        return (tab, counts.Reader);
    }

    /// <summary>Waits until the tab hears <paramref name="expected"/> (fails after 10 s).</summary>
    private static async Task HearsAsync(ChannelReader<long> counts, long expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await counts.ReadAsync(timeout.Token) != expected) { }
    }

    [Fact]
    public async Task Each_assignee_tab_hears_its_inbox_count_when_an_approval_reaches_it_and_when_it_moves_on()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "Any");
        var (wangTab, wang) = await InboxTabAsync(office["wang"]);
        await using var _ = wangTab;
        var (chenTab, chen) = await InboxTabAsync(office["chen"]);
        await using var __ = chenTab;

        var id = await RequestAsync(office);
        await HearsAsync(wang, 1);

        await office["wang"].PostJsonAsync($"/api/oa/approvals/{id}/approve", new { comment = "同意" });
        await HearsAsync(wang, 0);
        await HearsAsync(chen, 1);
        (await office["chen"].GetJsonAsync("/api/oa/approvals/inbox-count")).GetProperty("count").GetInt64().ShouldBe(1, "the fallback reads the same count");
    }

    [Fact]
    public async Task On_any_sign_two_approvers_at_once_exactly_one_wins()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "Any");
        var id = await RequestAsync(office);

        var responses = await Task.WhenAll(
            office["wang"].PostAsJsonAsync($"/api/oa/approvals/{id}/approve", new { comment = "wang" }),
            office["zhou"].PostAsJsonAsync($"/api/oa/approvals/{id}/reject", new { comment = "zhou" }));
        responses.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var history = (await office["li"].GetJsonAsync($"/api/oa/approvals/{id}")).GetProperty("history").EnumerateArray();
        history.Count(h => h.Str("action") is "Approved" or "Rejected").ShouldBe(1);
    }

    [Fact]
    public async Task On_countersign_two_approvals_at_once_are_both_counted_once_the_loser_retries()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "All");
        var id = await RequestAsync(office);
        var url = $"/api/oa/approvals/{id}/approve";

        var responses = await Task.WhenAll(office["wang"].PostAsJsonAsync(url, new { }), office["zhou"].PostAsJsonAsync(url, new { }));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        foreach (var (response, user) in responses.Zip(new[] { "wang", "zhou" }))
            if (response.StatusCode == HttpStatusCode.Conflict) await office[user].PostJsonAsync(url, new { });

        var approval = await office["li"].GetJsonAsync($"/api/oa/approvals/{id}");
        approval.GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(2);
        approval.GetProperty("history").EnumerateArray().Count(h => h.Str("action") == "Approved").ShouldBe(2);
        (await JournalCountAsync(office, "ApprovalStepAssigned")).ShouldBe(2, "step 1 once, step 2 once");
    }

    [Fact]
    public async Task Transfer_moves_the_item_to_another_inbox_and_reminders_are_limited_to_one_an_hour()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "All");
        var id = await RequestAsync(office);
        var url = $"/api/oa/approvals/{id}";

        (await office["wang"].PostJsonAsync($"{url}/transfer", new { userId = office.Ids["zhou"] }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe(OaErrors.AlreadyApprover);
        var transferred = await office["wang"].PostJsonAsync($"{url}/transfer", new { userId = office.Ids["xu"], comment = "我休假" });
        transferred.GetProperty("canDecide").GetBoolean().ShouldBeFalse();
        (await BoxCountAsync(office["wang"], "assigned")).ShouldBe(0);
        (await BoxCountAsync(office["xu"], "assigned")).ShouldBe(1);

        await office["wang"].PostJsonAsync($"{url}/remind", new { }, HttpStatusCode.Forbidden);
        await office["li"].PostJsonAsync($"{url}/remind", new { });
        (await office["li"].PostJsonAsync($"{url}/remind", new { }, (HttpStatusCode)429)).Str("code").ShouldBe(OaErrors.RemindedTooOften);
        (await app.ScalarAsync("SELECT COUNT(*) FROM oa_notifications WHERE TenantId = @t AND Kind = 'ApprovalReminded'", ("@t", office.TenantId)))
            .ShouldBe(2, "zhou and xu, the current approvers");
        app.Clock.Offset = TimeSpan.FromMinutes(61);
        try { await office["li"].PostJsonAsync($"{url}/remind", new { }); }
        finally { app.Clock.Offset = TimeSpan.Zero; }
        (await JournalCountAsync(office, "ApprovalReminded")).ShouldBe(2);
    }

    [Fact]
    public async Task A_substitute_receives_what_reaches_the_delegating_approver_and_acts_for_them()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "Any");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        (await office["wang"].PostJsonAsync("/api/oa/delegations", new
        {
            substituteUserId = office.Ids["xu"], startsAt = now.AddHours(1), endsAt = now, documentTypes = new[] { "holiday" },
        }, HttpStatusCode.BadRequest)).FieldErrors("endsAt").ShouldNotBeEmpty();
        await office["wang"].PostJsonAsync("/api/oa/delegations", new
        {
            substituteUserId = office.Ids["xu"], startsAt = now.AddMinutes(-1), endsAt = now.AddDays(3), documentTypes = new[] { "purchase-request" }, reason = "出差",
        }, HttpStatusCode.Created);
        (await office["xu"].GetJsonAsync("/api/oa/delegations")).GetArrayLength().ShouldBe(1);

        var id = await RequestAsync(office);
        (await BoxCountAsync(office["wang"], "assigned")).ShouldBe(0);
        var decided = await office["xu"].PostJsonAsync($"/api/oa/approvals/{id}/approve", new { comment = "代批" });
        var entry = decided.GetProperty("history").EnumerateArray().Single(h => h.Str("action") == "Approved");
        (entry.Str("userName"), entry.GetProperty("onBehalfOf").Str("name")).ShouldBe(("XU", "WANG"));

        // Only the delegating user may end a delegation: to the substitute it does not exist.
        var delegation = (await office["wang"].GetJsonAsync("/api/oa/delegations")).EnumerateArray().Single().Str("id");
        (await office["xu"].DeleteAsync($"/api/oa/delegations/{delegation}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office["wang"].DeleteAsync($"/api/oa/delegations/{delegation}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await office["xu"].GetJsonAsync("/api/oa/delegations")).EnumerateArray().Single().GetProperty("cancelledAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Past_its_deadline_a_step_approves_itself_when_the_job_runs_and_says_so_in_the_history()
    {
        var office = await OfficeAsync();
        await DefineFlowAsync(office, "All", firstStepExtra: new
        {
            rule = "Role", roleName = "managers", condition = "Always", mode = "All", deadlineHours = 2, timeoutAction = "AutoApprove",
        });
        var id = await RequestAsync(office);
        var due = (await office["li"].GetJsonAsync($"/api/oa/approvals/{id}")).GetProperty("steps")[0].GetProperty("dueAt").GetDateTime();
        due.ShouldBeGreaterThan(app.Clock.GetUtcNow().UtcDateTime.AddHours(1.9));

        async Task RunTimeoutsAsync()
        {
            await app.Service<UnitOfWorkRunner>().RunAsync((sp, _) =>
            {
                using (sp.GetRequiredService<ICurrentTenant>().Change(office.TenantId)) sp.GetRequiredService<JobQueue>().Enqueue(new ApplyApprovalTimeouts());
                return Task.CompletedTask;
            });
            await app.RunDueJobsAsync();
        }

        await RunTimeoutsAsync();
        (await office["li"].GetJsonAsync($"/api/oa/approvals/{id}")).GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(1);
        app.Clock.Offset = due - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1);
        try { await RunTimeoutsAsync(); }
        finally { app.Clock.Offset = TimeSpan.Zero; }

        var approval = await office["li"].GetJsonAsync($"/api/oa/approvals/{id}");
        approval.GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(2);
        approval.GetProperty("history").EnumerateArray().Select(h => h.Str("action")).ShouldContain("AutoApproved");
    }

    [Fact]
    public async Task Flows_keep_modes_copies_and_deadlines_and_refuse_incomplete_ones()
    {
        var office = await OfficeAsync();
        var bad = await office.Admin.PostJsonAsync("/api/oa/approval-flows", new
        {
            documentType = ApprovalDocumentTypes.PurchaseRequest, name = "x",
            steps = new object[] { new { rule = "Role", roleName = "managers", condition = "Always", mode = "Quorum", timeoutAction = "Escalate" } },
            cc = new object[] { new { moment = "Step", rule = "User" } },
        }, HttpStatusCode.BadRequest);
        bad.FieldErrors("steps[0].requiredApprovals").ShouldNotBeEmpty();
        bad.FieldErrors("steps[0].deadlineHours").ShouldNotBeEmpty();
        bad.FieldErrors("cc[0].userId").ShouldNotBeEmpty();
        bad.FieldErrors("cc[0].stepNumber").ShouldNotBeEmpty();

        await DefineFlowAsync(office, "Quorum", "Start", new
        {
            rule = "Role", roleName = "managers", condition = "Always", mode = "Quorum", requiredApprovals = 2, deadlineHours = 8, timeoutAction = "Escalate",
        });
        var flow = (await office.Admin.GetJsonAsync("/api/oa/approval-flows")).EnumerateArray().Single(f => f.Str("documentType") == "purchase-request");
        flow.Str("resubmitFrom").ShouldBe("Start");
        var first = flow.GetProperty("steps")[0];
        (first.Str("mode"), first.GetProperty("requiredApprovals").GetInt32(), first.Str("timeoutAction")).ShouldBe(("Quorum", 2, "Escalate"));
        flow.GetProperty("cc")[0].Str("moment").ShouldBe("Completion");
    }

    [Fact]
    public async Task An_approved_leave_hands_the_employees_approvals_to_their_department_head_for_its_days()
    {
        var team = await Team.CreateAsync(app);
        var staffId = Guid.Parse((await team.Staff.GetJsonAsync("/api/account/me")).Str("id"));
        var tenantId = Guid.Parse((await team.Admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        var annual = (await team.Staff.GetJsonAsync("/api/hr/leave-types")).EnumerateArray().Single(t => t.Str("name").StartsWith("年假")).Str("id");
        await team.Admin.PostJsonAsync("/api/oa/approval-flows", new
        {
            documentType = ApprovalDocumentTypes.PurchaseRequest, name = "采购审批",
            steps = new object[] { new { rule = "User", userId = staffId, condition = "Always" } },
        }, HttpStatusCode.Created);

        async Task<Guid> RequestPurchaseAsync()
        {
            var id = Guid.Empty;
            await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
            {
                using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenantId);
                id = await sp.GetRequiredService<IApprovalService>().RequestAsync(
                    new ApprovalRequest(ApprovalDocumentTypes.PurchaseRequest, Guid.NewGuid(), "CG0009", "采购打印机", staffId, 3000m, "CNY"), ct);
            });
            return id;
        }

        // Wednesday 9 December 2026 (Beijing): the leave runs Thursday 10 to Monday 14.
        app.Clock.Offset = new DateTime(2026, 12, 9, 2, 0, 0, DateTimeKind.Utc) - DateTime.UtcNow;
        try
        {
            var leave = await team.Staff.PostJsonAsync("/api/hr/leave-requests", new { leaveTypeId = annual, from = "2026-12-10", to = "2026-12-14", reason = "探亲" },
                HttpStatusCode.Created);
            await team.Head.PostJsonAsync($"/api/oa/approvals/{leave.Str("approvalId")}/approve", new { });
            var delegation = (await team.Staff.GetJsonAsync("/api/oa/delegations")).EnumerateArray().Single();
            delegation.Str("leaveRequestId").ShouldBe(leave.Str("id"));

            var before = await RequestPurchaseAsync();
            (await team.Staff.GetJsonAsync($"/api/oa/approvals/{before}")).GetProperty("canDecide").GetBoolean().ShouldBeTrue("the leave has not begun");

            app.Clock.Offset = new DateTime(2026, 12, 14, 8, 0, 0, DateTimeKind.Utc) - DateTime.UtcNow;
            var during = await RequestPurchaseAsync();
            var decided = await team.Head.PostJsonAsync($"/api/oa/approvals/{during}/approve", new { comment = "代批" });
            decided.GetProperty("history").EnumerateArray().Single(h => h.Str("action") == "Approved").GetProperty("onBehalfOf").Str("id")
                .ShouldBe(staffId.ToString());

            app.Clock.Offset = new DateTime(2026, 12, 14, 16, 0, 0, DateTimeKind.Utc) - DateTime.UtcNow; // Tuesday 00:00 in Beijing
            var after = await RequestPurchaseAsync();
            (await team.Staff.GetJsonAsync($"/api/oa/approvals/{after}")).GetProperty("canDecide").GetBoolean().ShouldBeTrue("the leave is over");
        }
        finally { app.Clock.Offset = TimeSpan.Zero; }
    }
}
