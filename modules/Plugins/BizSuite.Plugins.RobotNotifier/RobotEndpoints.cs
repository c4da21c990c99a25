using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Plugins.RobotNotifier;

internal static class RobotEndpoints
{
    public static void MapRobotEndpoints(this IEndpointRouteBuilder api)
    {
        var plugin = api.MapGroup("/plugins/robot-notifier").WithTags("Robot notifier").RequirePermission(RobotNotifierPermissions.Manage);
        var robots = plugin.MapGroup("/robots");
        robots.MapGet("/", ListRobots);
        robots.MapGet("/{id:guid}", GetRobot);
        robots.MapPost("/", CreateRobot);
        robots.MapPut("/{id:guid}", UpdateRobot);
        robots.MapDelete("/{id:guid}", DeleteRobot);
        robots.MapPost("/{id:guid}/test", TestRobot);
        plugin.MapGet("/messages", ListMessages);
    }

    public static async Task<Ok<PagedResult<RobotDto>>> ListRobots(RobotAppService robots, CancellationToken ct) =>
        TypedResults.Ok(await robots.GetListAsync(ct));

    public static async Task<Ok<RobotDto>> GetRobot(RobotAppService robots, Guid id, CancellationToken ct) => TypedResults.Ok(await robots.GetAsync(id, ct));

    public static Created<RobotDto> CreateRobot(RobotAppService robots, SaveRobotRequest request)
    {
        var robot = robots.Create(request);
        return TypedResults.Created($"/api/plugins/robot-notifier/robots/{robot.Id}", robot);
    }

    public static async Task<Ok<RobotDto>> UpdateRobot(RobotAppService robots, Guid id, SaveRobotRequest request, CancellationToken ct) =>
        TypedResults.Ok(await robots.UpdateAsync(id, request, ct));

    public static async Task<NoContent> DeleteRobot(RobotAppService robots, Guid id, CancellationToken ct)
    {
        await robots.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<RobotMessageDto>> TestRobot(RobotAppService robots, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await robots.TestAsync(id, ct));

    public static async Task<Ok<PagedResult<RobotMessageDto>>> ListMessages(RobotAppService robots, [AsParameters] PageRequest page, Guid? robotId,
        CancellationToken ct) =>
        TypedResults.Ok(await robots.GetMessagesAsync(page, robotId, ct));
}
