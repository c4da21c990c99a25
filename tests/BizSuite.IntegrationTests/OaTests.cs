using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>The OA approval engine over HTTP with real users and roles, requested the way modules do: inside a unit of work.</summary>
[Collection(ApiCollection.Name)]
public sealed class OaTests(BizSuiteFactory app)
{
    /// <summary>A tenant whose "approvers" role has two users (wang, zhou) and an applicant li who is only a member.</summary>
    private sealed record Office(string Tenant, Guid TenantId, HttpClient Admin, HttpClient Wang, HttpClient Zhou, HttpClient Li, Guid LiId, Guid WangId);

    private async Task<Office> OfficeAsync()
    {
        var tenant = await app.CreateTenantAsync("oa");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/identity/roles", new { name = "approvers" }, HttpStatusCode.Created);
        var ids = new Dictionary<string, Guid>();
        foreach (var (user, roles) in new[] { ("wang", new[] { "approvers", "member" }), ("zhou", ["approvers", "member"]), ("li", ["member"]) })
            ids[user] = Guid.Parse((await admin.PostJsonAsync("/api/identity/users", new
            {
                userName = user, email = $"{user}@{tenant}.test", name = user.ToUpperInvariant(), password = "Passw0rd!", isActive = true, roleNames = roles,
            }, HttpStatusCode.Created)).Str("id"));
        var tenantId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        return new Office(tenant, tenantId, admin, await app.LoginAsync(tenant, "wang", "Passw0rd!"), await app.LoginAsync(tenant, "zhou", "Passw0rd!"),
            await app.LoginAsync(tenant, "li", "Passw0rd!"), ids["li"], ids["wang"]);
    }

    /// <summary>What a module does: asks for approval inside its own unit of work.</summary>
    private async Task<Guid> RequestAsync(Office office, string documentType, decimal? amount = null, string number = "CG0001")
    {
        var id = Guid.Empty;
        await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(office.TenantId);
            id = await sp.GetRequiredService<IApprovalService>().RequestAsync(
                new ApprovalRequest(documentType, Guid.NewGuid(), number, "采购笔记本电脑", office.LiId, amount, "CNY", Link: "/purchases/1"), ct);
        });
        return id;
    }

    /// <summary>Anyone of the approvers role, then wang alone above the threshold.</summary>
    private static object PurchaseFlow(Office office, decimal threshold = 10000m) => new
    {
        documentType = ApprovalDocumentTypes.PurchaseRequest, name = "采购审批",
        steps = new object[]
        {
            new { rule = "Role", roleName = "approvers", condition = "Always" },
            new { rule = "User", userId = office.WangId, condition = "AmountAbove", threshold },
        },
    };

    private async Task<string> DefinePurchaseFlowAsync(Office office, decimal threshold = 10000m) =>
        (await office.Admin.PostJsonAsync("/api/oa/approval-flows", PurchaseFlow(office, threshold), HttpStatusCode.Created)).Str("id");

    private async Task<long> JournalCountAsync(Office office, string eventType) =>
        await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE TenantId = @t AND EventType = @e", ("@t", office.TenantId), ("@e", eventType));

    [Fact]
    public async Task A_new_tenant_has_default_flows_and_flows_are_validated()
    {
        var office = await OfficeAsync();
        var seeded = await office.Admin.GetJsonAsync("/api/oa/approval-flows");
        seeded.EnumerateArray().Select(f => f.Str("documentType")).ShouldBe(["contract", "expense-claim", "leave-request", "offer"]);
        var expense = seeded.EnumerateArray().Single(f => f.Str("documentType") == "expense-claim").GetProperty("steps");
        expense[1].Str("condition").ShouldBe("AmountAbove");
        expense[1].GetProperty("threshold").GetDecimal().ShouldBe(5000m);

        var bad = await office.Admin.PostJsonAsync("/api/oa/approval-flows", new
        {
            documentType = "holiday", name = "",
            steps = new object[] { new { rule = "Role", roleName = "", condition = "AmountAbove", threshold = -1 }, new { rule = "User", condition = "Always" } },
        }, HttpStatusCode.BadRequest);
        bad.FieldErrors("documentType").ShouldNotBeEmpty();
        bad.FieldErrors("name").ShouldNotBeEmpty();
        bad.FieldErrors("steps[0].roleName").ShouldNotBeEmpty();
        bad.FieldErrors("steps[0].threshold").ShouldNotBeEmpty();
        bad.FieldErrors("steps[1].userId").ShouldNotBeEmpty();
        (await office.Admin.PostJsonAsync("/api/oa/approval-flows", new { documentType = "offer", name = "x", steps = Array.Empty<object>() },
            HttpStatusCode.BadRequest)).FieldErrors("steps").ShouldNotBeEmpty();

        var id = await DefinePurchaseFlowAsync(office);
        (await office.Admin.PostJsonAsync("/api/oa/approval-flows", PurchaseFlow(office), HttpStatusCode.Conflict)).Str("code").ShouldBe(OaErrors.DuplicateFlow);
        var updated = await office.Admin.PutJsonAsync($"/api/oa/approval-flows/{id}", new
        {
            documentType = ApprovalDocumentTypes.PurchaseRequest, name = "采购审批（简）",
            steps = new object[] { new { rule = "DepartmentHead", condition = "Always" } },
        });
        updated.GetProperty("steps").GetArrayLength().ShouldBe(1);
        (await office.Admin.DeleteAsync($"/api/oa/approval-flows/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await office.Admin.GetJsonAsync($"/api/oa/approval-flows/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_goes_through_role_and_conditional_user_steps_with_history_and_durations()
    {
        var office = await OfficeAsync();
        await DefinePurchaseFlowAsync(office, threshold: 10000m);
        var id = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest, amount: 12000m);

        (await office.Zhou.GetJsonAsync("/api/oa/approvals?box=assigned")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        var submitted = await office.Li.GetJsonAsync("/api/oa/approvals?box=submitted");
        submitted.GetProperty("items")[0].Str("status").ShouldBe("Pending");
        (await office.Li.GetJsonAsync("/api/oa/approvals?box=assigned")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await JournalCountAsync(office, "ApprovalStepAssigned")).ShouldBe(1);

        // Zhou decides two hours after the request, wang one hour later.
        app.Clock.Offset = TimeSpan.FromHours(2);
        JsonElement done;
        try
        {
            var afterFirst = await office.Zhou.PostJsonAsync($"/api/oa/approvals/{id}/approve", new { comment = "同意" });
            afterFirst.GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(2);
            afterFirst.GetProperty("canDecide").GetBoolean().ShouldBeFalse("the second step is wang's alone");
            (await office.Zhou.GetJsonAsync("/api/oa/approvals?box=done")).GetProperty("totalCount").GetInt64().ShouldBe(1);
            (await office.Zhou.PostJsonAsync($"/api/oa/approvals/{id}/approve", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe(OaErrors.AlreadyDecided);
            app.Clock.Offset = TimeSpan.FromHours(3);
            done = await office.Wang.PostJsonAsync($"/api/oa/approvals/{id}/approve", new { });
        }
        finally { app.Clock.Offset = TimeSpan.Zero; }
        done.GetProperty("summary").Str("status").ShouldBe("Approved");
        var history = done.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.Str("action")).ShouldBe(["Submitted", "Approved", "Approved"]);
        history[1].Str("userName").ShouldBe("ZHOU");
        history[1].GetProperty("durationSeconds").GetInt64().ShouldBeInRange(7190, 7210);
        history[2].GetProperty("durationSeconds").GetInt64().ShouldBeInRange(3590, 3610);
        (await JournalCountAsync(office, "ApprovalCompleted")).ShouldBe(1);

        var detail = await office.Li.GetJsonAsync($"/api/oa/approvals/{id}");
        detail.GetProperty("steps")[0].GetProperty("approvers").GetArrayLength().ShouldBe(2);
        (await office.Wang.PostJsonAsync($"/api/oa/approvals/{id}/reject", new { comment = "晚了" }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe(OaErrors.ApprovalNotPending);
    }

    [Fact]
    public async Task Rejection_needs_a_comment_and_withdrawal_is_the_applicants()
    {
        var office = await OfficeAsync();
        await DefinePurchaseFlowAsync(office);
        var id = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest, number: "CG0002");

        (await office.Wang.PostJsonAsync($"/api/oa/approvals/{id}/reject", new { comment = "" }, HttpStatusCode.BadRequest)).FieldErrors("comment").ShouldNotBeEmpty();
        var rejected = await office.Wang.PostJsonAsync($"/api/oa/approvals/{id}/reject", new { comment = "预算不足" });
        rejected.GetProperty("summary").Str("status").ShouldBe("Rejected");
        (await JournalCountAsync(office, "ApprovalRejected")).ShouldBe(1);

        var again = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest, number: "CG0003");
        (await office.Wang.PostJsonAsync($"/api/oa/approvals/{again}/withdraw", new { }, HttpStatusCode.Forbidden)).Str("code").ShouldBe(OaErrors.NotTheApplicant);
        (await office.Li.PostJsonAsync($"/api/oa/approvals/{again}/withdraw", new { })).GetProperty("summary").Str("status").ShouldBe("Withdrawn");
        (await office.Wang.GetJsonAsync("/api/oa/approvals?box=assigned")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await office.Li.GetJsonAsync("/api/oa/approvals?box=nonsense", HttpStatusCode.BadRequest)).FieldErrors("box").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task One_pending_approval_per_document_and_no_approver_rolls_the_request_back()
    {
        var office = await OfficeAsync();
        var documentId = Guid.NewGuid();
        async Task Request(string type) => await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(office.TenantId);
            await sp.GetRequiredService<IApprovalService>().RequestAsync(new ApprovalRequest(type, documentId, "QJ0001", "年假", office.LiId, Days: 2m), ct);
        });
        // The seeded leave flow asks the department head; this tenant has no HR data, so nobody can decide.
        (await Should.ThrowAsync<BusinessException>(() => Request(ApprovalDocumentTypes.LeaveRequest))).Code.ShouldBe(OaErrors.NoApprover);
        (await app.ScalarAsync("SELECT COUNT(*) FROM oa_approvals WHERE TenantId = @t", ("@t", office.TenantId))).ShouldBe(0);

        await DefinePurchaseFlowAsync(office);
        await Request(ApprovalDocumentTypes.PurchaseRequest);
        (await Should.ThrowAsync<BusinessException>(() => Request(ApprovalDocumentTypes.PurchaseRequest))).Code.ShouldBe(OaErrors.AlreadyRequested);
    }

    [Fact]
    public async Task Without_a_flow_the_request_is_approved_in_the_same_transaction()
    {
        var office = await OfficeAsync();
        var id = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest);
        (await office.Li.GetJsonAsync($"/api/oa/approvals/{id}")).GetProperty("summary").Str("status").ShouldBe("Approved");
        (await JournalCountAsync(office, "ApprovalCompleted")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_approvers_deciding_at_once_decide_once()
    {
        var office = await OfficeAsync();
        await DefinePurchaseFlowAsync(office);
        var id = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest);

        var responses = await Task.WhenAll(
            office.Wang.PostAsJsonAsync($"/api/oa/approvals/{id}/approve", new { comment = "wang" }),
            office.Zhou.PostAsJsonAsync($"/api/oa/approvals/{id}/reject", new { comment = "zhou" }));
        responses.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var history = (await office.Li.GetJsonAsync($"/api/oa/approvals/{id}")).GetProperty("history").EnumerateArray();
        history.Count(h => h.Str("action") is "Approved" or "Rejected").ShouldBe(1);
    }

    [Fact]
    public async Task Others_see_nothing_and_members_cannot_define_flows()
    {
        var office = await OfficeAsync();
        await DefinePurchaseFlowAsync(office);
        var id = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest);

        var stranger = await OfficeAsync();
        await stranger.Admin.GetJsonAsync($"/api/oa/approvals/{id}", HttpStatusCode.NotFound);
        await stranger.Wang.PostJsonAsync($"/api/oa/approvals/{id}/approve", new { }, HttpStatusCode.NotFound);
        (await office.Admin.GetJsonAsync($"/api/oa/approvals/{id}")).GetProperty("canDecide").GetBoolean().ShouldBeFalse("admin reads it as flow administrator");

        await office.Li.GetJsonAsync("/api/oa/approval-flows", HttpStatusCode.Forbidden);
        await office.Li.PostJsonAsync("/api/oa/approval-flows", PurchaseFlow(office), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tasks_are_assigned_worked_and_notified_to_the_assignee()
    {
        var office = await OfficeAsync();
        var task = await office.Admin.PostJsonAsync("/api/oa/tasks",
            new { title = "准备入职资料", description = "工牌、电脑", assigneeUserId = office.LiId, dueOn = "2026-12-01" }, HttpStatusCode.Created);
        await office.Li.PostJsonAsync("/api/oa/tasks", new { title = "x", assigneeUserId = office.WangId }, HttpStatusCode.Forbidden);
        (await office.Admin.PostJsonAsync("/api/oa/tasks", new { title = "", assigneeUserId = Guid.Empty }, HttpStatusCode.BadRequest))
            .FieldErrors("title").ShouldNotBeEmpty();

        var mine = await office.Li.GetJsonAsync("/api/oa/tasks?box=mine");
        mine.GetProperty("items")[0].Str("assignedByName").ShouldBe("Administrator");
        (await office.Admin.GetJsonAsync("/api/oa/tasks?box=assigned-by-me")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await office.Wang.PostJsonAsync($"/api/oa/tasks/{task.Str("id")}/status", new { status = "Done" }, HttpStatusCode.NotFound))
            .Str("code").ShouldBe("Kernel:EntityNotFound");
        (await office.Li.PostJsonAsync($"/api/oa/tasks/{task.Str("id")}/status", new { status = "Done" })).Str("status").ShouldBe("Done");

        var notifications = await office.Li.GetJsonAsync("/api/oa/notifications");
        notifications.GetProperty("unreadCount").GetInt32().ShouldBe(1);
        var note = notifications.GetProperty("items")[0];
        (note.Str("kind"), note.Str("title")).ShouldBe(("TaskAssigned", "准备入职资料"));
        (await office.Li.PostAsync($"/api/oa/notifications/{note.Str("id")}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await office.Li.GetJsonAsync("/api/oa/notifications/unread-count")).GetProperty("count").GetInt32().ShouldBe(0);
        (await office.Wang.PostAsync($"/api/oa/notifications/{note.Str("id")}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Announcements_to_everyone_keep_read_receipts()
    {
        var office = await OfficeAsync();
        var published = await office.Admin.PostJsonAsync("/api/oa/announcements", new { title = "国庆放假通知", body = "10 月 1 日至 7 日放假。" },
            HttpStatusCode.Created);
        var id = published.Str("id");
        await office.Li.PostJsonAsync("/api/oa/announcements", new { title = "x", body = "y" }, HttpStatusCode.Forbidden);

        var list = await office.Li.GetJsonAsync("/api/oa/announcements");
        list.GetProperty("items")[0].GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var first = (await office.Li.PostJsonAsync($"/api/oa/announcements/{id}/read", new { })).GetProperty("readAt").GetDateTime();
        app.Clock.Offset = TimeSpan.FromMinutes(5);
        try
        {
            var second = (await office.Li.PostJsonAsync($"/api/oa/announcements/{id}/read", new { })).GetProperty("readAt").GetDateTime();
            (second - first).ShouldBeLessThan(TimeSpan.FromSeconds(1), "the first reading counts");
        }
        finally { app.Clock.Offset = TimeSpan.Zero; }
        await office.Wang.PostJsonAsync($"/api/oa/announcements/{id}/read", new { });

        await office.Li.GetJsonAsync($"/api/oa/announcements/{id}/receipts", HttpStatusCode.Forbidden);
        var receipts = await office.Admin.GetJsonAsync($"/api/oa/announcements/{id}/receipts");
        receipts.GetProperty("readCount").GetInt32().ShouldBe(2);
        receipts.GetProperty("audienceCount").GetInt32().ShouldBe(4, "admin, wang, zhou and li");
        receipts.GetProperty("reads").EnumerateArray().Select(r => r.Str("name")).ShouldBe(["LI", "WANG"]);

        var stranger = await OfficeAsync();
        await stranger.Admin.GetJsonAsync($"/api/oa/announcements/{id}/receipts", HttpStatusCode.NotFound);
        (await stranger.Li.GetJsonAsync("/api/oa/announcements")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Approvers_are_notified_in_app_and_by_mail_through_the_tenants_smtp_server()
    {
        var office = await OfficeAsync();
        await office.Admin.PutAsync("/api/settings", JsonContent.Create(new Dictionary<string, string>
        {
            ["Kernel.Smtp.Host"] = "127.0.0.1",
            ["Kernel.Smtp.Port"] = app.Smtp.Port.ToString(),
            ["Kernel.Smtp.Security"] = "None",
            ["Kernel.Smtp.From"] = "OA <oa@oa.test>",
        }));
        await DefinePurchaseFlowAsync(office);
        var before = app.Smtp.Messages.Count;
        var id = await RequestAsync(office, ApprovalDocumentTypes.PurchaseRequest, number: "CG0100");

        var note = (await office.Wang.GetJsonAsync("/api/oa/notifications")).GetProperty("items")[0];
        (note.Str("kind"), note.Str("link")).ShouldBe(("ApprovalAssigned", $"/oa/approvals/{id}"));
        note.Str("title").ShouldContain("CG0100");

        await app.RunDueJobsAsync();
        var mails = app.Smtp.Messages.Skip(before).ToList();
        mails.Select(m => m.To.Mailboxes.Single().Address).Order().ShouldBe([$"wang@{office.Tenant}.test", $"zhou@{office.Tenant}.test"]);
        mails[0].Subject!.ShouldContain("CG0100");

        await office.Wang.PostJsonAsync($"/api/oa/approvals/{id}/reject", new { comment = "不需要" });
        (await office.Li.GetJsonAsync("/api/oa/notifications")).GetProperty("items")[0].Str("kind").ShouldBe("ApprovalRejected");
        await app.RunDueJobsAsync();
        app.Smtp.Messages.Skip(before + 2).ShouldHaveSingleItem().To.Mailboxes.Single().Address.ShouldBe($"li@{office.Tenant}.test");
    }
}
