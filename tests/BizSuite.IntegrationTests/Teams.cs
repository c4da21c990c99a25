using System.Net;

namespace BizSuite.IntegrationTests;

/// <summary>
/// A tenant with a sales department: its head and one of its staff are employees with member accounts (self-service
/// leave and expense claims, the approval inbox); the tenant's default flows send their requests to the head.
/// </summary>
internal sealed record Team(string Tenant, HttpClient Admin, HttpClient Head, HttpClient Staff, string DepartmentId, string StaffEmployeeId)
{
    public static async Task<Team> CreateAsync(BizSuiteFactory app)
    {
        var tenant = await app.CreateTenantAsync("tm");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var department = await admin.PostJsonAsync("/api/hr/departments", new { name = "销售部", code = "SALES" }, HttpStatusCode.Created);
        async Task<(HttpClient Client, string EmployeeId)> Member(string userName, string name)
        {
            var user = await admin.PostJsonAsync("/api/identity/users", new
            {
                userName, email = $"{userName}@example.test", name, password = "Member123!", isActive = true, roleNames = new[] { "member" },
            }, HttpStatusCode.Created);
            var employee = await admin.PostJsonAsync("/api/hr/employees", new
            {
                name, departmentId = department.Str("id"), position = "销售", hireDate = "2025-01-06", status = "Active", userId = user.Str("id"),
            }, HttpStatusCode.Created);
            return (await app.LoginAsync(tenant, userName, "Member123!"), employee.Str("id"));
        }
        var (head, headId) = await Member("wang", "王经理");
        var (staff, staffId) = await Member("li", "李销售");
        await admin.PutJsonAsync($"/api/hr/departments/{department.Str("id")}", new { name = "销售部", code = "SALES", headEmployeeId = headId });
        return new Team(tenant, admin, head, staff, department.Str("id"), staffId);
    }
}
