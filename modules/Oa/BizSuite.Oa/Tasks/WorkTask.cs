using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Oa.Tasks;

public enum WorkTaskStatus { Open, InProgress, Done }

/// <summary>A to-do for one user (待办任务), from a colleague or from another module (onboarding), optionally about a document.</summary>
internal sealed class WorkTask : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public Guid AssigneeUserId { get; private set; }
    /// <summary>Null when a module assigned it (no user behind the request).</summary>
    public Guid? AssignedBy { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public WorkTaskStatus Status { get; private set; }
    public string? DocumentType { get; private set; }
    public Guid? DocumentId { get; private set; }
    public string? Link { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    private WorkTask() { }

    public static WorkTask Assign(TaskRequest request, Guid? assignedBy)
    {
        var task = new WorkTask
        {
            Title = request.Title.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            AssigneeUserId = request.AssigneeUserId,
            AssignedBy = assignedBy,
            DueOn = request.DueOn,
            Status = WorkTaskStatus.Open,
            DocumentType = request.DocumentType,
            DocumentId = request.DocumentId,
            Link = request.Link,
        };
        task.Raise(new TaskAssigned(task.Id, task.Title, task.AssigneeUserId, task.DueOn));
        return task;
    }

    /// <summary>The assignee works the task; whoever assigned it may also close or reopen it.</summary>
    public void Move(WorkTaskStatus status, Guid userId, DateTime now)
    {
        if (userId != AssigneeUserId && userId != AssignedBy) throw new BusinessException(OaErrors.NotTheAssignee, StatusCodes.Status403Forbidden, Title);
        Status = status;
        CompletedAt = status == WorkTaskStatus.Done ? now : null;
    }
}
