using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Tasks;

public sealed record TaskDto(Guid Id, string Title, string? Description, Guid AssigneeUserId, string? AssigneeName, Guid? AssignedBy, string? AssignedByName,
    DateOnly? DueOn, WorkTaskStatus Status, string? DocumentType, Guid? DocumentId, string? Link, DateTime CreatedAt, DateTime? CompletedAt);

public sealed record CreateTaskRequest(string Title, string? Description, Guid AssigneeUserId, DateOnly? DueOn, string? DocumentType, Guid? DocumentId,
    string? Link);

public sealed record MoveTaskRequest(WorkTaskStatus Status);

public enum TaskBox { Mine, AssignedByMe }

/// <summary>Tasks of the signed-in user, and the task service other modules call (onboarding checklists).</summary>
internal sealed class TaskAppService(OaDbContext db, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions, TimeProvider clock)
    : ITaskService
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Tasks need a signed-in user.");

    public async Task<PagedResult<TaskDto>> GetListAsync(TaskBox box, PageRequest page, WorkTaskStatus? status, CancellationToken ct)
    {
        var me = Me;
        var query = box == TaskBox.Mine ? db.Tasks.AsNoTracking().Where(t => t.AssigneeUserId == me) : db.Tasks.AsNoTracking().Where(t => t.AssignedBy == me);
        if (status is not null) query = query.Where(t => t.Status == status);
        var total = await query.LongCountAsync(ct);
        // Open work first, the most urgent on top; tasks without a due date after those with one.
        var items = await query.OrderBy(t => t.Status == WorkTaskStatus.Done).ThenBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenByDescending(t => t.CreatedAt)
            .Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<TaskDto>(await ToDtosAsync(items, ct), total);
    }

    public async Task<TaskDto> GetAsync(Guid id, CancellationToken ct) => (await ToDtosAsync([await LoadVisibleAsync(id, ct)], ct))[0];

    public async Task<TaskDto> CreateAsync(CreateTaskRequest request, CancellationToken ct)
    {
        if ((await users.FindAsync([request.AssigneeUserId], ct)).Count == 0)
            throw new BusinessException(KernelErrors.EntityNotFound, Microsoft.AspNetCore.Http.StatusCodes.Status422UnprocessableEntity, "User", request.AssigneeUserId)
            { Field = "assigneeUserId" };
        var task = WorkTask.Assign(new TaskRequest(request.Title, request.Description, request.AssigneeUserId, request.DueOn, request.DocumentType,
            request.DocumentId, request.Link), Me);
        db.Tasks.Add(task);
        return (await ToDtosAsync([task], ct))[0];
    }

    public async Task<TaskDto> MoveAsync(Guid id, WorkTaskStatus status, CancellationToken ct)
    {
        var task = await LoadVisibleAsync(id, ct);
        task.Move(status, Me, clock.GetUtcNow().UtcDateTime);
        return (await ToDtosAsync([task], ct))[0];
    }

    public Task<Guid> AssignAsync(TaskRequest request, CancellationToken ct)
    {
        var task = WorkTask.Assign(request, currentUser.Id);
        db.Tasks.Add(task);
        return Task.FromResult(task.Id);
    }

    /// <summary>A task is the business of its assignee and whoever assigned it; task managers see all.</summary>
    private async Task<WorkTask> LoadVisibleAsync(Guid id, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException("Task", id);
        if (task.AssigneeUserId != Me && task.AssignedBy != Me && !await permissions.IsGrantedAsync(OaPermissions.TasksManage, ct))
            throw new EntityNotFoundException("Task", id);
        return task;
    }

    private async Task<List<TaskDto>> ToDtosAsync(IReadOnlyList<WorkTask> tasks, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.AssigneeUserId).Concat(tasks.Select(t => t.AssignedBy ?? Guid.Empty)).Where(i => i != Guid.Empty).Distinct().ToList();
        var names = (await users.FindAsync(ids, ct)).ToDictionary(u => u.UserId, u => u.Name);
        return tasks.Select(t => new TaskDto(t.Id, t.Title, t.Description, t.AssigneeUserId, names.GetValueOrDefault(t.AssigneeUserId), t.AssignedBy,
            t.AssignedBy is { } by ? names.GetValueOrDefault(by) : null, t.DueOn, t.Status, t.DocumentType, t.DocumentId, t.Link, t.CreatedAt, t.CompletedAt)).ToList();
    }
}

internal sealed class CreateTaskRequestValidator : AbstractValidator<CreateTaskRequest>
{
    public CreateTaskRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Description).MaximumLength(4000);
        RuleFor(r => r.AssigneeUserId).NotEmpty();
        RuleFor(r => r.DocumentType).MaximumLength(32);
        RuleFor(r => r.Link).MaximumLength(400);
    }
}

internal sealed class MoveTaskRequestValidator : AbstractValidator<MoveTaskRequest>
{
    public MoveTaskRequestValidator() => RuleFor(r => r.Status).IsInEnum();
}
