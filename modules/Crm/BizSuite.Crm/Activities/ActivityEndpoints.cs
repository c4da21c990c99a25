using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Crm.Activities;

internal static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this IEndpointRouteBuilder api)
    {
        var activities = api.MapGroup("/crm/activities").WithTags("Activities").RequirePermission(CrmPermissions.Activities);
        activities.MapGet("/", ListActivities).WithExcelExport();
        activities.MapPost("/", CreateActivity).RequirePermission(CrmPermissions.ActivitiesManage);
    }

    private static async Task<Ok<PagedResult<ActivityDto>>> ListActivities(ActivityAppService s, [AsParameters] PageRequest page, ActivityRegarding? regardingType,
        Guid? regardingId, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, regardingType, regardingId, ct));

    private static async Task<Created<ActivityDto>> CreateActivity(ActivityAppService s, LogActivityRequest request, CancellationToken ct)
    {
        var activity = await s.LogAsync(request, ct);
        return TypedResults.Created($"/api/crm/activities/{activity.Id}", activity);
    }
}
