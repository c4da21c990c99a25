using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Tasks;

internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/oa/tasks").WithTags("Tasks").RequirePermission(OaPermissions.Tasks);
        tasks.MapGet("/", ListTasks).WithExcelExport();
        tasks.MapGet("/{id:guid}", GetTask);
        tasks.MapPost("/", CreateTask).RequirePermission(OaPermissions.TasksManage);
        tasks.MapPost("/{id:guid}/status", MoveTask);
    }

    public static async Task<Ok<PagedResult<TaskDto>>> ListTasks(TaskAppService tasks, [AsParameters] PageRequest page, string? box,
        WorkTaskStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await tasks.GetListAsync(Boxes.Parse(box, TaskBox.Mine), page, status, ct));

    public static async Task<Ok<TaskDto>> GetTask(TaskAppService tasks, Guid id, CancellationToken ct) => TypedResults.Ok(await tasks.GetAsync(id, ct));

    public static async Task<Created<TaskDto>> CreateTask(TaskAppService tasks, CreateTaskRequest request, CancellationToken ct)
    {
        var task = await tasks.CreateAsync(request, ct);
        return TypedResults.Created($"/api/oa/tasks/{task.Id}", task);
    }

    public static async Task<Ok<TaskDto>> MoveTask(TaskAppService tasks, Guid id, MoveTaskRequest request, CancellationToken ct) =>
        TypedResults.Ok(await tasks.MoveAsync(id, request.Status, ct));
}
