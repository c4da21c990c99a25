using System.Net;
using System.Net.Http.Json;
using BizSuite.Hr;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class HrTests(BizSuiteFactory app)
{
    private const string NationalId = "110101199003071233";

    private static object Employee(string name, string? departmentId = null, string? email = null, string? nationalId = null, string? managerId = null,
        string? userId = null) =>
        new { name, departmentId, position = "工程师", managerId, hireDate = "2026-01-05", status = "Active", phone = "13800000000", email, nationalId, userId };

    private static object Department(string name, string code, string? parentId = null, string? headEmployeeId = null) =>
        new { name, code, parentId, headEmployeeId };

    private async Task<(string Tenant, HttpClient Admin)> TenantAsync()
    {
        var tenant = await app.CreateTenantAsync("h");
        return (tenant, await app.LoginAsync(tenant, "admin", "Admin123!"));
    }

    /// <summary>A user of the tenant with only the member role; returns their id and a signed-in client.</summary>
    private async Task<(string UserId, HttpClient Client)> MemberAsync(string tenant, HttpClient admin, string userName)
    {
        var user = await admin.PostJsonAsync("/api/identity/users", new
        {
            userName, email = $"{userName}@example.test", name = userName, password = "Member123!", isActive = true, roleNames = new[] { "member" },
        }, HttpStatusCode.Created);
        return (user.Str("id"), await app.LoginAsync(tenant, userName, "Member123!"));
    }

    [Fact]
    public async Task Departments_form_a_tree_without_cycles_and_are_deleted_only_when_empty()
    {
        var (_, admin) = await TenantAsync();
        var office = await admin.PostJsonAsync("/api/hr/departments", Department("总经办", "gm"), HttpStatusCode.Created);
        office.Str("code").ShouldBe("GM");
        var sales = await admin.PostJsonAsync("/api/hr/departments", Department("销售部", "SALES", office.Str("id")), HttpStatusCode.Created);
        var east = await admin.PostJsonAsync("/api/hr/departments", Department("华东区", "EAST", sales.Str("id")), HttpStatusCode.Created);

        var cycle = await admin.PutJsonAsync($"/api/hr/departments/{office.Str("id")}", Department("总经办", "GM", east.Str("id")),
            HttpStatusCode.UnprocessableEntity);
        cycle.Str("code").ShouldBe("Hr:DepartmentCycle");
        cycle.FieldErrors("parentId").ShouldNotBeEmpty();
        (await admin.PutJsonAsync($"/api/hr/departments/{sales.Str("id")}", Department("销售部", "SALES", sales.Str("id")), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("Hr:DepartmentCycle");
        (await admin.PostJsonAsync("/api/hr/departments", Department("重复", "east"), HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:DuplicateDepartmentCode");
        (await admin.PostJsonAsync("/api/hr/departments", Department("", "X"), HttpStatusCode.BadRequest)).FieldErrors("name").ShouldNotBeEmpty();

        var employee = await admin.PostJsonAsync("/api/hr/employees", Employee("周工", east.Str("id")), HttpStatusCode.Created);
        (await (await admin.DeleteAsync($"/api/hr/departments/{sales.Str("id")}")).JsonAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:DepartmentNotEmpty");
        (await (await admin.DeleteAsync($"/api/hr/departments/{east.Str("id")}")).JsonAsync(HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:DepartmentNotEmpty");
        await admin.PutJsonAsync($"/api/hr/departments/{east.Str("id")}", Department("华东区", "EAST", sales.Str("id"), employee.Str("id")));

        var list = await admin.GetJsonAsync("/api/hr/departments");
        var eastRow = list.EnumerateArray().Single(d => d.Str("code") == "EAST");
        eastRow.Str("parentId").ShouldBe(sales.Str("id"));
        eastRow.Str("headName").ShouldBe("周工");
        eastRow.GetProperty("employeeCount").GetInt32().ShouldBe(1);

        var chart = await admin.GetJsonAsync("/api/hr/org-chart");
        var root = chart.EnumerateArray().Single();
        root.Str("name").ShouldBe("总经办");
        var eastNode = root.GetProperty("children").EnumerateArray().Single().GetProperty("children").EnumerateArray().Single();
        eastNode.GetProperty("head").Str("name").ShouldBe("周工");
        eastNode.GetProperty("employees").EnumerateArray().Select(e => e.Str("name")).ShouldBe(["周工"]);

        var empty = await admin.PostJsonAsync("/api/hr/departments", Department("临时", "TMP", office.Str("id")), HttpStatusCode.Created);
        (await admin.DeleteAsync($"/api/hr/departments/{empty.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await admin.GetJsonAsync($"/api/hr/departments/{empty.Str("id")}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Employees_get_gapless_numbers_checked_national_ids_and_unique_emails()
    {
        var (_, admin) = await TenantAsync();
        var first = await admin.PostJsonAsync("/api/hr/employees", Employee("甲", email: "a@example.test"), HttpStatusCode.Created);
        first.Str("number").ShouldBe("E000001");

        var badId = await admin.PostJsonAsync("/api/hr/employees", Employee("乙", nationalId: "110101199003071234"), HttpStatusCode.BadRequest);
        badId.Str("code").ShouldBe("Hr:InvalidNationalId");
        badId.FieldErrors("nationalId").ShouldNotBeEmpty();
        (await admin.PostJsonAsync("/api/hr/employees", Employee("丙", email: "A@example.test"), HttpStatusCode.Conflict)).Str("code")
            .ShouldBe("Hr:DuplicateEmployeeEmail");
        (await admin.PostJsonAsync("/api/hr/employees", Employee("", email: "not-an-email"), HttpStatusCode.BadRequest)).FieldErrors("email").ShouldNotBeEmpty();

        // The refused ones took no number.
        var second = await admin.PostJsonAsync("/api/hr/employees", Employee("丁", managerId: first.Str("id")), HttpStatusCode.Created);
        second.Str("number").ShouldBe("E000002");
        second.Str("managerName").ShouldBe("甲");
        (await admin.PutJsonAsync($"/api/hr/employees/{second.Str("id")}", Employee("丁", managerId: second.Str("id")), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("Hr:OwnManager");

        var list = await admin.GetJsonAsync("/api/hr/employees?filter=丁");
        list.GetProperty("totalCount").GetInt64().ShouldBe(1);
        list.GetProperty("items")[0].Str("number").ShouldBe("E000002");
    }

    [Fact]
    public async Task The_national_id_is_stored_encrypted_shown_masked_and_revealed_only_with_the_permission()
    {
        var (tenant, admin) = await TenantAsync();
        var employee = await admin.PostJsonAsync("/api/hr/employees", Employee("钱", nationalId: NationalId), HttpStatusCode.Created);
        var id = employee.Str("id");
        employee.Str("nationalIdMasked").ShouldBe("110101********1233");
        (await admin.GetJsonAsync($"/api/hr/employees/{id}")).Str("nationalIdMasked").ShouldBe("110101********1233");
        (await app.ScalarAsync("SELECT COUNT(*) FROM hr_employees WHERE EncryptedNationalId LIKE @n", ("n", $"%{NationalId}%"))).ShouldBe(0);
        (await admin.GetJsonAsync($"/api/hr/employees/{id}/national-id")).Str("nationalId").ShouldBe(NationalId);

        // Updating without a number keeps it; a new one replaces it.
        await admin.PutJsonAsync($"/api/hr/employees/{id}", Employee("钱"));
        (await admin.GetJsonAsync($"/api/hr/employees/{id}/national-id")).Str("nationalId").ShouldBe(NationalId);
        await admin.PutJsonAsync($"/api/hr/employees/{id}", Employee("钱", nationalId: "11010519491231002x"));
        (await admin.GetJsonAsync($"/api/hr/employees/{id}/national-id")).Str("nationalId").ShouldBe("11010519491231002X");

        // A role that may see employees but not their numbers.
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "hr-viewer" }, HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { HrPermissions.Employees } }))
            .EnsureSuccessStatusCode();
        await admin.PostJsonAsync("/api/identity/users", new
        {
            userName = "viewer", email = "viewer@example.test", name = "Viewer", password = "Viewer123!", isActive = true, roleNames = new[] { "hr-viewer" },
        }, HttpStatusCode.Created);
        var viewer = await app.LoginAsync(tenant, "viewer", "Viewer123!");
        (await viewer.GetJsonAsync($"/api/hr/employees/{id}")).Str("nationalIdMasked").ShouldBe("110105********002X");
        (await viewer.GetAsync($"/api/hr/employees/{id}/national-id")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/hr/employees", Employee("孙"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_tenants_departments_and_employees_are_not_found()
    {
        var (_, admin) = await TenantAsync();
        var department = await admin.PostJsonAsync("/api/hr/departments", Department("研发部", "RD"), HttpStatusCode.Created);
        var employee = await admin.PostJsonAsync("/api/hr/employees", Employee("李", department.Str("id"), nationalId: NationalId), HttpStatusCode.Created);
        var (_, other) = await TenantAsync();

        await other.GetJsonAsync($"/api/hr/employees/{employee.Str("id")}", HttpStatusCode.NotFound);
        await other.GetJsonAsync($"/api/hr/employees/{employee.Str("id")}/national-id", HttpStatusCode.NotFound);
        await other.GetJsonAsync($"/api/hr/departments/{department.Str("id")}", HttpStatusCode.NotFound);
        await other.PutJsonAsync($"/api/hr/departments/{department.Str("id")}", Department("x", "X"), HttpStatusCode.NotFound);
        await other.PostJsonAsync("/api/hr/employees", Employee("王", department.Str("id")), HttpStatusCode.NotFound);
        await other.PostJsonAsync("/api/hr/departments", Department("x", "X", headEmployeeId: employee.Str("id")), HttpStatusCode.NotFound);
        (await other.GetJsonAsync("/api/hr/employees")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_member_without_hr_permissions_sees_only_their_own_record()
    {
        var (tenant, admin) = await TenantAsync();
        var (userId, member) = await MemberAsync(tenant, admin, "member1");
        (await member.GetAsync("/api/hr/employees")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/hr/departments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetJsonAsync("/api/hr/employees/me", HttpStatusCode.NotFound)).Str("code").ShouldBe("Hr:NoEmployeeRecord");

        await admin.PostJsonAsync("/api/custom-fields/hr.employee",
            new { key = "appraisal", type = "Text", labelZh = "考评", labelEn = "Appraisal", defaultValue = "B" }, HttpStatusCode.Created);
        var employee = await admin.PostJsonAsync("/api/hr/employees", Employee("孙", userId: userId), HttpStatusCode.Created);
        (await admin.GetJsonAsync($"/api/hr/employees/{employee.Str("id")}")).GetProperty("customFields").Str("appraisal").ShouldBe("B");
        var mine = await member.GetJsonAsync("/api/hr/employees/me");
        mine.Str("id").ShouldBe(employee.Str("id"));
        mine.GetProperty("customFields").EnumerateObject().ShouldBeEmpty("HR's own fields are not self-service");
        (await admin.PostJsonAsync("/api/hr/employees", Employee("孙二", userId: userId), HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:UserAlreadyLinked");
    }

    [Fact]
    public async Task The_department_head_of_a_user_is_found_up_the_tree()
    {
        var (tenant, admin) = await TenantAsync();
        var (bossUser, _) = await MemberAsync(tenant, admin, "boss");
        var (headUser, _) = await MemberAsync(tenant, admin, "head");
        var (staffUser, _) = await MemberAsync(tenant, admin, "staff");
        var (loneUser, _) = await MemberAsync(tenant, admin, "lone");
        var office = await admin.PostJsonAsync("/api/hr/departments", Department("总经办", "GM"), HttpStatusCode.Created);
        var sales = await admin.PostJsonAsync("/api/hr/departments", Department("销售部", "SALES", office.Str("id")), HttpStatusCode.Created);
        var east = await admin.PostJsonAsync("/api/hr/departments", Department("华东区", "EAST", sales.Str("id")), HttpStatusCode.Created);
        var boss = await admin.PostJsonAsync("/api/hr/employees", Employee("赵总", office.Str("id"), userId: bossUser), HttpStatusCode.Created);
        var head = await admin.PostJsonAsync("/api/hr/employees", Employee("王经理", sales.Str("id"), userId: headUser), HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/hr/employees", Employee("李销售", east.Str("id"), userId: staffUser), HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/hr/employees", Employee("无部门", userId: loneUser), HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/hr/departments/{office.Str("id")}", Department("总经办", "GM", null, boss.Str("id")));
        await admin.PutJsonAsync($"/api/hr/departments/{sales.Str("id")}", Department("销售部", "SALES", office.Str("id"), head.Str("id")));

        var tenantId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        Guid? staffHead = null, headsHead = null, bossHead = null, loneHead = null;
        IReadOnlyList<Guid> path = [];
        await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenantId);
            var org = sp.GetRequiredService<IOrgDirectory>();
            staffHead = await org.FindDepartmentHeadAsync(Guid.Parse(staffUser), ct);   // 华东区 has no head: 销售部's
            headsHead = await org.FindDepartmentHeadAsync(Guid.Parse(headUser), ct);    // the head's own request goes up
            bossHead = await org.FindDepartmentHeadAsync(Guid.Parse(bossUser), ct);     // nobody above the top
            loneHead = await org.FindDepartmentHeadAsync(Guid.Parse(loneUser), ct);
            path = await org.DepartmentPathAsync(Guid.Parse(staffUser), ct);
        });
        staffHead.ShouldBe(Guid.Parse(headUser));
        headsHead.ShouldBe(Guid.Parse(bossUser));
        bossHead.ShouldBeNull();
        loneHead.ShouldBeNull();
        path.ShouldBe([Guid.Parse(east.Str("id")), Guid.Parse(sales.Str("id")), Guid.Parse(office.Str("id"))]);
    }

    [Fact]
    public async Task A_candidate_goes_through_interviews_and_an_approved_offer_to_an_employee_with_account_tasks_and_welcome()
    {
        var (tenant, admin) = await TenantAsync();
        await admin.PutAsync("/api/settings", JsonContent.Create(new Dictionary<string, string>
        {
            ["Kernel.Smtp.Host"] = "127.0.0.1", ["Kernel.Smtp.Port"] = app.Smtp.Port.ToString(), ["Kernel.Smtp.Security"] = "None",
            ["Kernel.Smtp.From"] = "人事 <hr@h.test>", [HrSettings.OnboardingTasks] = "签署劳动合同\n\n领取办公设备\n完成入职培训",
        }));
        var rd = await admin.PostJsonAsync("/api/hr/departments", Department("研发部", "RD"), HttpStatusCode.Created);
        var (colleagueUser, colleague) = await MemberAsync(tenant, admin, "colleague");
        var lead = await admin.PostJsonAsync("/api/hr/employees", Employee("周主管", rd.Str("id"), userId: colleagueUser), HttpStatusCode.Created);
        var opening = await admin.PostJsonAsync("/api/hr/job-openings", new { title = "后端工程师", departmentId = rd.Str("id"), headcount = 2 },
            HttpStatusCode.Created);
        var candidate = await admin.PostJsonAsync("/api/hr/candidates",
            new { name = "吴新人", email = "Newbie@Example.test", phone = "13900000000", openingId = opening.Str("id") }, HttpStatusCode.Created);
        var id = candidate.Str("id");
        candidate.Str("stage").ShouldBe("Applied");

        (await admin.PostJsonAsync($"/api/hr/candidates/{id}/move", new { stage = "Offer" }, HttpStatusCode.Conflict)).Str("code")
            .ShouldBe("Hr:CandidateStageNotAllowed");
        await admin.PostJsonAsync($"/api/hr/candidates/{id}/move", new { stage = "Screening" });
        await admin.PostJsonAsync($"/api/hr/candidates/{id}/move", new { stage = "Interview" });
        var interviewed = await admin.PostJsonAsync($"/api/hr/candidates/{id}/interviews",
            new { at = "2026-11-20T02:00:00Z", interviewer = "周主管", result = "Pass", notes = "基础扎实" });
        interviewed.GetProperty("interviews").EnumerateArray().Single().Str("result").ShouldBe("Pass");
        (await admin.PostJsonAsync($"/api/hr/candidates/{id}/hire", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:OfferNotApproved");

        // The tenant's default offer flow asks the admin role; the first offer is refused, the second approved.
        object Offer(decimal salary) => new { monthlySalary = salary, startDate = "2026-12-01", position = "后端工程师", departmentId = rd.Str("id"),
            managerId = lead.Str("id") };
        var offered = await admin.PostJsonAsync($"/api/hr/candidates/{id}/offer", Offer(30000m));
        offered.Str("stage").ShouldBe("Offer");
        offered.GetProperty("offer").Str("status").ShouldBe("Pending");
        (await admin.PostJsonAsync($"/api/hr/candidates/{id}/offer", Offer(28000m), HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:OfferPending");
        (await admin.PostJsonAsync($"/api/hr/candidates/{id}/move", new { stage = "Rejected", reason = "x" }, HttpStatusCode.Conflict)).Str("code")
            .ShouldBe("Hr:OfferPending");
        await admin.PostJsonAsync($"/api/oa/approvals/{await PendingOfferApprovalAsync(admin)}/reject", new { comment = "薪资高于预算" });
        var refused = await admin.GetJsonAsync($"/api/hr/candidates/{id}");
        refused.GetProperty("offer").Str("status").ShouldBe("Rejected");
        refused.GetProperty("offer").Str("decisionComment").ShouldBe("薪资高于预算");

        var second = await admin.PostJsonAsync($"/api/hr/candidates/{id}/offer", Offer(25000m));
        var approval = await admin.GetJsonAsync($"/api/oa/approvals/{await PendingOfferApprovalAsync(admin)}");
        approval.GetProperty("summary").GetProperty("amount").GetDecimal().ShouldBe(25000m);
        approval.GetProperty("summary").Str("documentNumber").ShouldBe(second.GetProperty("offer").Str("number"));
        await admin.PostJsonAsync($"/api/oa/approvals/{approval.GetProperty("summary").Str("id")}/approve", new { comment = "同意" });
        (await admin.GetJsonAsync($"/api/hr/candidates/{id}")).GetProperty("offer").Str("status").ShouldBe("Approved");

        var hired = await admin.PostJsonAsync($"/api/hr/candidates/{id}/hire", new { });
        var employee = hired.GetProperty("employee");
        employee.Str("name").ShouldBe("吴新人");
        employee.Str("status").ShouldBe("Probation");
        employee.Str("hireDate").ShouldBe("2026-12-01");
        employee.Str("managerName").ShouldBe("周主管");
        employee.Str("departmentName").ShouldBe("研发部");
        hired.Str("userName").ShouldBe("newbie");
        var password = hired.Str("initialPassword");
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        (await admin.GetJsonAsync($"/api/hr/employees/{employee.Str("id")}")).Str("userId").ShouldBe(employee.Str("userId"));
        (await admin.GetJsonAsync($"/api/hr/candidates/{id}")).Str("stage").ShouldBe("Hired");
        (await admin.PostJsonAsync($"/api/hr/candidates/{id}/hire", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:CandidateStageNotAllowed");
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE Payload LIKE @p", ("p", $"%{password}%"))).ShouldBe(0);

        // The new employee signs in with the initial password and finds their onboarding and the welcome.
        var newbie = await app.LoginAsync(tenant, "newbie", password);
        (await newbie.GetJsonAsync("/api/hr/employees/me")).Str("id").ShouldBe(employee.Str("id"));
        var tasks = (await newbie.GetJsonAsync("/api/oa/tasks?box=mine")).GetProperty("items").EnumerateArray().ToList();
        tasks.Select(t => t.Str("title")).Order().ShouldBe(new[] { "签署劳动合同", "领取办公设备", "完成入职培训" }.Order());
        tasks.ShouldAllBe(t => t.Str("dueOn") == DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(7).ToString("yyyy-MM-dd"));
        var welcome = (await newbie.GetJsonAsync("/api/oa/announcements")).GetProperty("items").EnumerateArray().Single();
        welcome.Str("title").ShouldContain("吴新人");
        welcome.GetProperty("departmentIds").EnumerateArray().Select(d => d.GetString()).ShouldBe([rd.Str("id")]);
        (await colleague.GetJsonAsync("/api/oa/announcements")).GetProperty("totalCount").GetInt64().ShouldBe(1);

        // The password also goes out by mail, through the job store.
        await app.RunDueJobsAsync();
        // (OA also mails the new employee about their tasks.)
        var mail = app.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == "newbie@example.test")).Single(m => m.TextBody!.Contains(password));
        mail.TextBody!.ShouldContain("newbie");
    }

    [Fact]
    public async Task Recruitment_needs_its_permission_and_stays_in_its_tenant()
    {
        var (tenant, admin) = await TenantAsync();
        var opening = await admin.PostJsonAsync("/api/hr/job-openings", new { title = "出纳", headcount = 1 }, HttpStatusCode.Created);
        var candidate = await admin.PostJsonAsync("/api/hr/candidates", new { name = "郑", email = "zheng@example.test", openingId = opening.Str("id") },
            HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/hr/candidates", new { name = "无邮箱", email = "", openingId = opening.Str("id") }, HttpStatusCode.BadRequest))
            .FieldErrors("email").ShouldNotBeEmpty();
        await admin.PutJsonAsync($"/api/hr/job-openings/{opening.Str("id")}", new { title = "出纳", headcount = 1, status = "Closed" });
        (await admin.PostJsonAsync("/api/hr/candidates", new { name = "晚到", email = "late@example.test", openingId = opening.Str("id") },
            HttpStatusCode.Conflict)).Str("code").ShouldBe("Hr:OpeningClosed");

        var (_, member) = await MemberAsync(tenant, admin, "member2");
        (await member.GetAsync("/api/hr/candidates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync($"/api/hr/candidates/{candidate.Str("id")}/hire", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (_, other) = await TenantAsync();
        await other.GetJsonAsync($"/api/hr/candidates/{candidate.Str("id")}", HttpStatusCode.NotFound);
        await other.GetJsonAsync($"/api/hr/job-openings/{opening.Str("id")}", HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/hr/candidates/{candidate.Str("id")}/move", new { stage = "Screening" }, HttpStatusCode.NotFound);
        await other.PostJsonAsync("/api/hr/candidates", new { name = "x", email = "x@example.test", openingId = opening.Str("id") }, HttpStatusCode.NotFound);
    }

    internal static async Task<string> PendingOfferApprovalAsync(HttpClient approver) =>
        (await approver.GetJsonAsync("/api/oa/approvals?box=assigned&documentType=offer")).GetProperty("items").EnumerateArray()
        .Single(a => a.Str("status") == "Pending").Str("id");
}
