using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Employees;

internal static class EmployeeEndpoints
{
    public static void MapEmployeeEndpoints(this IEndpointRouteBuilder api)
    {
        // /me before /{id}: the self-service route needs only the member permission.
        api.MapGet("/hr/employees/me", GetMyProfile).WithTags("Employees").RequirePermission(HrPermissions.MyProfile);
        var employees = api.MapGroup("/hr/employees").WithTags("Employees").RequirePermission(HrPermissions.Employees);
        employees.MapGet("/", ListEmployees).WithExcelExport();
        employees.MapGet("/{id:guid}", GetEmployee);
        employees.MapGet("/{id:guid}/national-id", GetNationalId).RequirePermission(HrPermissions.EmployeesNationalId);
        employees.MapPost("/", CreateEmployee).RequirePermission(HrPermissions.EmployeesManage);
        employees.MapPut("/{id:guid}", UpdateEmployee).RequirePermission(HrPermissions.EmployeesManage);
        employees.MapImport<EmployeeImporter>(HrPermissions.EmployeesManage);
    }

    private static async Task<Ok<EmployeeDto>> GetMyProfile(EmployeeAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetMineAsync(ct));

    private static async Task<Ok<PagedResult<EmployeeDto>>> ListEmployees(EmployeeAppService s, [AsParameters] PageRequest page, Guid? departmentId,
        EmployeeStatus? status, string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, departmentId, status, customField, customValue, ct));

    private static async Task<Ok<EmployeeDto>> GetEmployee(EmployeeAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Ok<NationalIdDto>> GetNationalId(EmployeeAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetNationalIdAsync(id, ct));

    private static async Task<Created<EmployeeDto>> CreateEmployee(EmployeeAppService s, SaveEmployeeRequest request, CancellationToken ct)
    {
        var employee = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/hr/employees/{employee.Id}", employee);
    }

    private static async Task<Ok<EmployeeDto>> UpdateEmployee(EmployeeAppService s, Guid id, SaveEmployeeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));
}
