using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Leave through OA: the department head decides, the balance follows; the rules that refuse a request.</summary>
[Collection(ApiCollection.Name)]
public sealed class LeaveTests(BizSuiteFactory app)
{
    private static async Task<string> AnnualLeaveAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/hr/leave-types")).EnumerateArray().Single(t => t.Str("name").StartsWith("年假")).Str("id");

    private static async Task<JsonElement> BalanceAsync(HttpClient client, string typeId) =>
        (await client.GetJsonAsync("/api/hr/leave-balances?year=2026")).EnumerateArray().Single(b => b.Str("leaveTypeId") == typeId);

    private static Task<JsonElement> RequestAsync(HttpClient client, string typeId, string from, string to, HttpStatusCode expected = HttpStatusCode.Created) =>
        client.PostJsonAsync("/api/hr/leave-requests", new { leaveTypeId = typeId, from, to, reason = "家中有事" }, expected);

    private static decimal Dec(JsonElement e, string property) => e.GetProperty(property).GetDecimal();

    [Fact]
    public async Task The_department_head_approves_in_the_inbox_and_the_working_days_leave_the_balance()
    {
        var team = await Team.CreateAsync(app);
        var annual = await AnnualLeaveAsync(team.Staff);
        var before = await BalanceAsync(team.Staff, annual);
        (Dec(before, "entitled"), Dec(before, "used"), Dec(before, "remaining")).ShouldBe((5m, 0m, 5m));

        // Thursday to Monday: the weekend does not count.
        var request = await RequestAsync(team.Staff, annual, "2026-12-10", "2026-12-14");
        (Dec(request, "days"), request.Str("status"), request.Str("number")).ShouldBe((3m, "Pending", "QJ2026000001"));
        Dec(await BalanceAsync(team.Staff, annual), "pending").ShouldBe(3m);

        var inbox = await team.Head.GetJsonAsync("/api/oa/approvals?box=assigned");
        inbox.GetProperty("items").EnumerateArray().Select(a => a.Str("id")).ShouldContain(request.Str("approvalId"));
        await team.Staff.PostJsonAsync($"/api/oa/approvals/{request.Str("approvalId")}/approve", new { }, HttpStatusCode.Forbidden);
        await team.Head.PostJsonAsync($"/api/oa/approvals/{request.Str("approvalId")}/approve", new { comment = "同意" });

        var approved = await team.Staff.GetJsonAsync($"/api/hr/leave-requests/{request.Str("id")}");
        (approved.Str("status"), approved.Str("decisionComment")).ShouldBe(("Approved", "同意"));
        var after = await BalanceAsync(team.Staff, annual);
        (Dec(after, "used"), Dec(after, "pending"), Dec(after, "remaining")).ShouldBe((3m, 0m, 2m));

        var calendar = await team.Head.GetJsonAsync($"/api/hr/leave-calendar?month=2026-12&departmentId={team.DepartmentId}");
        var entry = calendar.GetProperty("entries").EnumerateArray().ShouldHaveSingleItem();
        (entry.Str("employeeName"), entry.Str("from"), entry.Str("to"), entry.Str("status")).ShouldBe(("李销售", "2026-12-10", "2026-12-14", "Approved"));
        (await team.Head.GetJsonAsync("/api/hr/leave-calendar?month=2027-01")).GetProperty("entries").GetArrayLength().ShouldBe(0);
        (await team.Head.GetJsonAsync("/api/hr/leave-requests?scope=Team")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        (await team.Head.GetJsonAsync("/api/hr/leave-requests")).GetProperty("totalCount").GetInt32().ShouldBe(0, "the head's own requests");
        // The head sees the team member's balance; HR adjusts it.
        var staffBalance = (await team.Head.GetJsonAsync($"/api/hr/leave-balances?year=2026&employeeId={team.StaffEmployeeId}")).EnumerateArray()
            .Single(b => b.Str("leaveTypeId") == annual);
        await team.Head.PutJsonAsync($"/api/hr/leave-balances/{staffBalance.Str("id")}", new { entitled = 10 }, HttpStatusCode.Forbidden);
        var adjusted = await team.Admin.PutJsonAsync($"/api/hr/leave-balances/{staffBalance.Str("id")}", new { entitled = 10 });
        (Dec(adjusted, "entitled"), Dec(adjusted, "used"), Dec(adjusted, "remaining")).ShouldBe((10m, 3m, 7m));
    }

    [Fact]
    public async Task A_rejection_keeps_the_balance_and_the_applicant_may_withdraw_a_pending_request()
    {
        var team = await Team.CreateAsync(app);
        var annual = await AnnualLeaveAsync(team.Staff);
        var request = await RequestAsync(team.Staff, annual, "2026-12-07", "2026-12-08");
        (await team.Head.PostJsonAsync($"/api/oa/approvals/{request.Str("approvalId")}/reject", new { comment = "" }, HttpStatusCode.BadRequest))
            .FieldErrors("comment").ShouldNotBeEmpty();
        await team.Head.PostJsonAsync($"/api/oa/approvals/{request.Str("approvalId")}/reject", new { comment = "月底项目上线" });
        var rejected = await team.Staff.GetJsonAsync($"/api/hr/leave-requests/{request.Str("id")}");
        (rejected.Str("status"), rejected.Str("decisionComment")).ShouldBe(("Rejected", "月底项目上线"));
        Dec(await BalanceAsync(team.Staff, annual), "remaining").ShouldBe(5m);

        // The rejected request no longer blocks its dates.
        var again = await RequestAsync(team.Staff, annual, "2026-12-07", "2026-12-08");
        await team.Staff.PostJsonAsync($"/api/oa/approvals/{again.Str("approvalId")}/withdraw", new { });
        (await team.Staff.GetJsonAsync($"/api/hr/leave-requests/{again.Str("id")}")).Str("status").ShouldBe("Withdrawn");
        var balance = await BalanceAsync(team.Staff, annual);
        (Dec(balance, "used"), Dec(balance, "pending")).ShouldBe((0m, 0m));
        await team.Head.PostJsonAsync($"/api/oa/approvals/{again.Str("approvalId")}/approve", new { }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Too_many_days_overlaps_and_bad_dates_are_refused()
    {
        var team = await Team.CreateAsync(app);
        var annual = await AnnualLeaveAsync(team.Staff);
        var tooLong = await RequestAsync(team.Staff, annual, "2026-12-07", "2026-12-14", HttpStatusCode.UnprocessableEntity);
        tooLong.Str("code").ShouldBe("Hr:InsufficientLeaveBalance");
        tooLong.Str("detail").ShouldContain("6");

        await RequestAsync(team.Staff, annual, "2026-12-07", "2026-12-09");
        // Pending days count: 3 are waiting, so 3 more do not fit into 5.
        (await RequestAsync(team.Staff, annual, "2026-12-21", "2026-12-23", HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Hr:InsufficientLeaveBalance");
        (await RequestAsync(team.Staff, annual, "2026-12-09", "2026-12-10", HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:LeaveOverlap");
        (await RequestAsync(team.Staff, annual, "2026-12-10", "2026-12-09", HttpStatusCode.BadRequest)).FieldErrors("to").ShouldNotBeEmpty();
        (await RequestAsync(team.Staff, annual, "2026-12-12", "2026-12-13", HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Hr:NoWorkingDays");

        var zh = await app.LoginAsync(team.Tenant, "li", "Member123!", "zh-CN");
        (await RequestAsync(zh, annual, "2026-12-14", "2026-12-18", HttpStatusCode.UnprocessableEntity)).Str("detail").ShouldContain("只剩");
    }

    [Fact]
    public async Task Leave_stays_in_its_tenant_and_its_team_and_types_need_the_manage_permission()
    {
        var team = await Team.CreateAsync(app);
        var annual = await AnnualLeaveAsync(team.Staff);
        var request = await RequestAsync(team.Staff, annual, "2026-12-07", "2026-12-07");

        var other = await Team.CreateAsync(app);
        await other.Admin.GetJsonAsync($"/api/hr/leave-requests/{request.Str("id")}", HttpStatusCode.NotFound);
        await other.Head.GetJsonAsync($"/api/hr/leave-requests/{request.Str("id")}", HttpStatusCode.NotFound);
        await other.Staff.PostJsonAsync("/api/hr/leave-requests", new { leaveTypeId = annual, from = "2026-12-07", to = "2026-12-07" }, HttpStatusCode.NotFound);
        await other.Head.GetJsonAsync($"/api/hr/leave-calendar?month=2026-12&departmentId={team.DepartmentId}", HttpStatusCode.NotFound);
        await team.Staff.GetJsonAsync($"/api/hr/leave-calendar?month=2026-12&departmentId={team.DepartmentId}");

        await team.Staff.GetJsonAsync("/api/hr/leave-requests?scope=All", HttpStatusCode.Forbidden);
        await team.Staff.PostJsonAsync("/api/hr/leave-types", new { name = "婚假", yearlyDays = 3, paid = true }, HttpStatusCode.Forbidden);
        var created = await team.Admin.PostJsonAsync("/api/hr/leave-types", new { name = "婚假", yearlyDays = 3, paid = true }, HttpStatusCode.Created);
        (await team.Admin.PostJsonAsync("/api/hr/leave-types", new { name = "", yearlyDays = -1, paid = true }, HttpStatusCode.BadRequest))
            .FieldErrors("yearlyDays").ShouldNotBeEmpty();
        (await team.Staff.GetJsonAsync("/api/hr/leave-balances?year=2026")).EnumerateArray().Select(b => b.Str("leaveTypeId")).ShouldContain(created.Str("id"));
        (await team.Admin.GetJsonAsync("/api/hr/leave-requests?scope=All")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        // The admin has no employee record: self-service says so.
        (await RequestAsync(team.Admin, annual, "2026-12-08", "2026-12-08", HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Hr:NoEmployeeRecord");
    }
}
