using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Leave;

internal static class LeaveRequestEndpoints
{
    public static void MapLeaveRequestEndpoints(this IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/hr/leave-requests").WithTags("Leave").RequirePermission(HrPermissions.Leave);
        requests.MapGet("/", ListLeaveRequests).WithExcelExport();
        requests.MapGet("/{id:guid}", GetLeaveRequest);
        requests.MapPost("/", SubmitLeaveRequest);
        api.MapGet("/hr/leave-calendar", GetLeaveCalendar).WithTags("Leave").RequirePermission(HrPermissions.Leave);
    }

    private static async Task<Ok<PagedResult<LeaveRequestDto>>> ListLeaveRequests(LeaveAppService s, [AsParameters] PageRequest page, ListScope? scope,
        LeaveRequestStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await s.GetRequestsAsync(page, scope ?? ListScope.Mine, status, ct));

    private static async Task<Ok<LeaveRequestDto>> GetLeaveRequest(LeaveAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetRequestAsync(id, ct));

    private static async Task<Created<LeaveRequestDto>> SubmitLeaveRequest(LeaveAppService s, CreateLeaveRequest request, CancellationToken ct)
    {
        var leave = await s.SubmitAsync(request, ct);
        return TypedResults.Created($"/api/hr/leave-requests/{leave.Id}", leave);
    }

    private static async Task<Ok<LeaveCalendarDto>> GetLeaveCalendar(LeaveAppService s, string? month, Guid? departmentId, CancellationToken ct) =>
        TypedResults.Ok(await s.CalendarAsync(month, departmentId, ct));
}
