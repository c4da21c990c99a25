using BizSuite.Kernel;

namespace BizSuite.Oa;

/// <summary>Document types the approval engine knows; a tenant defines at most one flow per type.</summary>
public static class ApprovalDocumentTypes
{
    public const string Contract = "contract";
    public const string ExpenseClaim = "expense-claim";
    public const string LeaveRequest = "leave-request";
    public const string Offer = "offer";
    public const string PurchaseRequest = "purchase-request";

    public static readonly IReadOnlyList<string> All = [Contract, ExpenseClaim, LeaveRequest, Offer, PurchaseRequest];
}

/// <summary>
/// What a module asks the engine to approve. <paramref name="Amount"/> and <paramref name="Days"/> feed the step
/// conditions (amount above a threshold, leave longer than N days); <paramref name="Link"/> is the UI route of the document.
/// </summary>
public sealed record ApprovalRequest(string DocumentType, Guid DocumentId, string DocumentNumber, string Title, Guid ApplicantUserId,
    decimal? Amount = null, string? Currency = null, decimal? Days = null, string? Link = null);

/// <summary>The approval engine as other modules see it. It works inside the caller's unit of work.</summary>
public interface IApprovalService
{
    /// <summary>
    /// Starts the tenant's flow for the document type. When no flow is defined, or every step's condition is false,
    /// the approval completes at once and <see cref="ApprovalCompleted"/> is raised in the same transaction.
    /// A step whose rule finds no approver fails the request with <c>Oa:NoApprover</c>.
    /// </summary>
    Task<Guid> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken);
}

/// <summary>Every step approved (or skipped): the module moves its document on.</summary>
public sealed record ApprovalCompleted(Guid ApprovalId, string DocumentType, Guid DocumentId, Guid ApplicantUserId, string? Comment) : IDomainEvent;

/// <summary>An approver rejected: the module sends its document back with the comment.</summary>
public sealed record ApprovalRejected(Guid ApprovalId, string DocumentType, Guid DocumentId, Guid ApplicantUserId, Guid RejectedBy, string Comment)
    : IDomainEvent;

/// <summary>The applicant took the request back before it was decided.</summary>
public sealed record ApprovalWithdrawn(Guid ApprovalId, string DocumentType, Guid DocumentId, Guid ApplicantUserId) : IDomainEvent;

/// <summary>A step now waits for these approvers (notifications, group robots).</summary>
public sealed record ApprovalStepAssigned(Guid ApprovalId, string DocumentType, Guid DocumentId, string DocumentNumber, string Title, int StepNumber,
    IReadOnlyList<Guid> ApproverUserIds) : IDomainEvent;

/// <summary>Who decides a step: anyone holding a role, the head of the applicant's department (HR), or one named user.</summary>
public enum ApproverRule { Role, DepartmentHead, User }

/// <summary>When a step applies; a false condition (or a missing amount/days) skips the step.</summary>
public enum StepCondition { Always, AmountAbove, DaysAbove }

public sealed record ApprovalStepDto(int Number, ApproverRule Rule, string? RoleName, Guid? UserId, StepCondition Condition, decimal? Threshold);

public sealed record ApprovalFlowDto(Guid Id, string DocumentType, string Name, IReadOnlyList<ApprovalStepDto> Steps, DateTime CreatedAt);

public sealed record SaveApprovalStepRequest(ApproverRule Rule, string? RoleName, Guid? UserId, StepCondition Condition, decimal? Threshold);

public sealed record SaveApprovalFlowRequest(string DocumentType, string Name, IReadOnlyList<SaveApprovalStepRequest> Steps);

/// <summary>The tenant's approval flows (one per document type); the host's demo seeder uses it too.</summary>
public interface IApprovalFlowAppService
{
    Task<IReadOnlyList<ApprovalFlowDto>> GetListAsync(CancellationToken cancellationToken);
    Task<ApprovalFlowDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<ApprovalFlowDto> CreateAsync(SaveApprovalFlowRequest request, CancellationToken cancellationToken);
    Task<ApprovalFlowDto> UpdateAsync(Guid id, SaveApprovalFlowRequest request, CancellationToken cancellationToken);
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>A task to assign from another module (onboarding checklists, follow-ups).</summary>
public sealed record TaskRequest(string Title, string? Description, Guid AssigneeUserId, DateOnly? DueOn,
    string? DocumentType = null, Guid? DocumentId = null, string? Link = null);

public interface ITaskService
{
    Task<Guid> AssignAsync(TaskRequest request, CancellationToken cancellationToken);
}

public sealed record TaskAssigned(Guid TaskId, string Title, Guid AssigneeUserId, DateOnly? DueOn) : IDomainEvent;

/// <summary>An announcement to publish from another module; no departments means everyone.</summary>
public sealed record AnnouncementRequest(string Title, string Body, IReadOnlyList<Guid>? DepartmentIds = null);

public interface IAnnouncementService
{
    Task<Guid> PublishAsync(AnnouncementRequest request, CancellationToken cancellationToken);
}

public sealed record AnnouncementPublished(Guid AnnouncementId, string Title, IReadOnlyList<Guid> DepartmentIds) : IDomainEvent;

/// <summary>An in-app notification another module sends (an alert); the web app shows its title as it is.</summary>
public sealed record NotificationRequest(IReadOnlyCollection<Guid> UserIds, string Title, string? Link);

/// <summary>Notifies users in the app (and by e-mail when the tenant has a mail server), inside the caller's unit of work.</summary>
public interface INotificationService
{
    Task NotifyAsync(NotificationRequest request, CancellationToken cancellationToken);
}

public static class OaPermissions
{
    public const string ApprovalFlows = "Oa.ApprovalFlows";
    public const string ApprovalFlowsManage = "Oa.ApprovalFlows.Manage";
    public const string Approvals = "Oa.Approvals";
    public const string Tasks = "Oa.Tasks";
    public const string TasksManage = "Oa.Tasks.Manage";
    public const string Announcements = "Oa.Announcements";
    public const string AnnouncementsManage = "Oa.Announcements.Manage";
}

public static class OaErrors
{
    public const string NoApprover = "Oa:NoApprover";
    public const string NotAnApprover = "Oa:NotAnApprover";
    public const string ApprovalNotPending = "Oa:ApprovalNotPending";
    public const string NotTheApplicant = "Oa:NotTheApplicant";
    public const string AlreadyRequested = "Oa:AlreadyRequested";
    public const string DuplicateFlow = "Oa:DuplicateFlow";
    public const string NotTheAssignee = "Oa:NotTheAssignee";
    public const string UnknownBox = "Oa:UnknownBox";
}
