using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Leave;

internal static class LeaveTypeEndpoints
{
    public static void MapLeaveTypeEndpoints(this IEndpointRouteBuilder api)
    {
        var types = api.MapGroup("/hr/leave-types").WithTags("Leave").RequirePermission(HrPermissions.Leave);
        types.MapGet("/", ListLeaveTypes);
        types.MapPost("/", CreateLeaveType).RequirePermission(HrPermissions.LeaveManage);
        types.MapPut("/{id:guid}", UpdateLeaveType).RequirePermission(HrPermissions.LeaveManage);
    }

    private static async Task<Ok<IReadOnlyList<LeaveTypeDto>>> ListLeaveTypes(LeaveAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetTypesAsync(ct));

    private static Created<LeaveTypeDto> CreateLeaveType(LeaveAppService s, SaveLeaveTypeRequest request)
    {
        var type = s.CreateType(request);
        return TypedResults.Created($"/api/hr/leave-types/{type.Id}", type);
    }

    private static async Task<Ok<LeaveTypeDto>> UpdateLeaveType(LeaveAppService s, Guid id, SaveLeaveTypeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateTypeAsync(id, request, ct));
}
