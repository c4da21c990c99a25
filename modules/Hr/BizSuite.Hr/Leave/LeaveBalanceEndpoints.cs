using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Leave;

internal static class LeaveBalanceEndpoints
{
    public static void MapLeaveBalanceEndpoints(this IEndpointRouteBuilder api)
    {
        var balances = api.MapGroup("/hr/leave-balances").WithTags("Leave").RequirePermission(HrPermissions.Leave);
        // Reading a year's balances creates the missing ones from the leave types.
        balances.MapGet("/", ListLeaveBalances).WithTransaction();
        balances.MapPut("/{id:guid}", AdjustLeaveBalance).RequirePermission(HrPermissions.LeaveManage);
    }

    private static async Task<Ok<IReadOnlyList<LeaveBalanceDto>>> ListLeaveBalances(LeaveAppService s, int? year, Guid? employeeId, CancellationToken ct) =>
        TypedResults.Ok(await s.GetBalancesAsync(year, employeeId, ct));

    private static async Task<Ok<LeaveBalanceDto>> AdjustLeaveBalance(LeaveAppService s, Guid id, AdjustLeaveBalanceRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.AdjustBalanceAsync(id, request, ct));
}
