using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Departments;

internal static class DepartmentEndpoints
{
    public static void MapDepartmentEndpoints(this IEndpointRouteBuilder api)
    {
        var departments = api.MapGroup("/hr/departments").WithTags("Departments").RequirePermission(HrPermissions.Departments);
        departments.MapGet("/", ListDepartments);
        departments.MapGet("/{id:guid}", GetDepartment);
        departments.MapPost("/", CreateDepartment).RequirePermission(HrPermissions.DepartmentsManage);
        departments.MapPut("/{id:guid}", UpdateDepartment).RequirePermission(HrPermissions.DepartmentsManage);
        departments.MapDelete("/{id:guid}", DeleteDepartment).RequirePermission(HrPermissions.DepartmentsManage);
        api.MapGet("/hr/org-chart", GetOrgChart).WithTags("Departments").RequirePermission(HrPermissions.Departments);
    }

    private static async Task<Ok<IReadOnlyList<DepartmentDto>>> ListDepartments(DepartmentAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetListAsync(ct));

    private static async Task<Ok<DepartmentDto>> GetDepartment(DepartmentAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<DepartmentDto>> CreateDepartment(DepartmentAppService s, SaveDepartmentRequest request, CancellationToken ct)
    {
        var department = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/hr/departments/{department.Id}", department);
    }

    private static async Task<Ok<DepartmentDto>> UpdateDepartment(DepartmentAppService s, Guid id, SaveDepartmentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    private static async Task<NoContent> DeleteDepartment(DepartmentAppService s, Guid id, CancellationToken ct)
    {
        await s.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<OrgChartNode>>> GetOrgChart(DepartmentAppService s, CancellationToken ct) => TypedResults.Ok(await s.OrgChartAsync(ct));
}
