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

    /// <summary>A tenant's custom approval form <c>form:&lt;code&gt;</c> (通用审批): each form has its own flow.</summary>
    public const string FormPrefix = "form:";

    public static string Form(string code) => FormPrefix + code;

    public static bool IsKnown(string? documentType) =>
        documentType is not null && (All.Contains(documentType) || documentType.StartsWith(FormPrefix, StringComparison.Ordinal) && documentType.Length > FormPrefix.Length);
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

/// <summary>A current approver added another approver to the step (加签), before or after themselves, with the reason the added one sees.</summary>
public sealed record ApprovalSignerAdded(Guid ApprovalId, string DocumentType, Guid DocumentId, int StepNumber, Guid AddedBy, Guid SignerUserId,
    SignerPosition Position, string Reason) : IDomainEvent;

/// <summary>An approver handed their pending decision to another user (转交).</summary>
public sealed record ApprovalTransferred(Guid ApprovalId, string DocumentType, Guid DocumentId, int StepNumber, Guid FromUserId, Guid ToUserId,
    string? Comment) : IDomainEvent;

/// <summary>
/// An approver sent the request back (退回): to an earlier step (<paramref name="ToStep"/> ≥ 1, the approval stays pending) or to the
/// applicant (<paramref name="ToStep"/> 0), who may edit the document and submit it again.
/// </summary>
public sealed record ApprovalReturned(Guid ApprovalId, string DocumentType, Guid DocumentId, Guid ApplicantUserId, int FromStep, int ToStep, Guid ReturnedBy,
    string Comment) : IDomainEvent;

/// <summary>The applicant submitted a returned request again; it goes on at <paramref name="ResumedAtStep"/>.</summary>
public sealed record ApprovalResubmitted(Guid ApprovalId, string DocumentType, Guid DocumentId, Guid ApplicantUserId, int ResumedAtStep) : IDomainEvent;

/// <summary>Someone urged the current approvers (催办): the applicant by hand, or the engine when a step is past its deadline.</summary>
public sealed record ApprovalReminded(Guid ApprovalId, string DocumentType, Guid DocumentId, string DocumentNumber, string Title, int StepNumber,
    Guid? RemindedBy, IReadOnlyList<Guid> ApproverUserIds) : IDomainEvent;

/// <summary>Users received a read-only copy of the request (抄送): at submission, when a step starts or at completion.</summary>
public sealed record ApprovalCopied(Guid ApprovalId, string DocumentType, Guid DocumentId, string DocumentNumber, string Title, CcMoment Moment,
    IReadOnlyList<Guid> UserIds) : IDomainEvent;

/// <summary>Who decides a step: anyone holding a role, the head of the applicant's department (HR), or one named user.</summary>
public enum ApproverRule { Role, DepartmentHead, User }

/// <summary>
/// How the approvers of one step decide: 或签 <c>Any</c> — the first decision settles the step (the default, as before);
/// 会签 <c>All</c> — every approver must approve; 依次 <c>Sequential</c> — the approvers one after another in order;
/// <c>Quorum</c> — N of the M approvers must approve (N is the step's required approvals).
/// </summary>
public enum StepMode { Any, All, Sequential, Quorum }

/// <summary>加签 before oneself (the added approver decides first, then it comes back) or after oneself (after one's own approval).</summary>
public enum SignerPosition { Before, After }

/// <summary>When a request returned to its applicant is submitted again: at the step that returned it, or from the first step.</summary>
public enum ResubmitFrom { ReturningStep, Start }

/// <summary>What the engine does when a step passes its deadline (counted in Mon–Fri working hours).</summary>
public enum StepTimeoutAction { None, Remind, Escalate, AutoApprove }

/// <summary>When a CC recipient (抄送人) gets the copy.</summary>
public enum CcMoment { Submission, Step, Completion }

/// <summary>When a step applies; a false condition (or a missing amount/days) skips the step.</summary>
public enum StepCondition { Always, AmountAbove, DaysAbove }

public sealed record ApprovalStepDto(int Number, ApproverRule Rule, string? RoleName, Guid? UserId, StepCondition Condition, decimal? Threshold,
    StepMode Mode, int? RequiredApprovals, int? DeadlineHours, StepTimeoutAction TimeoutAction);

/// <summary>A CC rule: a role's holders or one user get a copy at <paramref name="Moment"/> (for <c>Step</c>: when step <paramref name="StepNumber"/> starts).</summary>
public sealed record ApprovalCcDto(CcMoment Moment, int? StepNumber, ApproverRule Rule, string? RoleName, Guid? UserId);

public sealed record ApprovalFlowDto(Guid Id, string DocumentType, string Name, IReadOnlyList<ApprovalStepDto> Steps, DateTime CreatedAt,
    ResubmitFrom ResubmitFrom, IReadOnlyList<ApprovalCcDto> Cc);

/// <summary>Mode, required approvals, deadline and timeout action are optional: left out, a step is 或签 without a deadline, as before.</summary>
public sealed record SaveApprovalStepRequest(ApproverRule Rule, string? RoleName, Guid? UserId, StepCondition Condition, decimal? Threshold,
    StepMode? Mode = null, int? RequiredApprovals = null, int? DeadlineHours = null, StepTimeoutAction? TimeoutAction = null);

public sealed record SaveApprovalFlowRequest(string DocumentType, string Name, IReadOnlyList<SaveApprovalStepRequest> Steps,
    ResubmitFrom? ResubmitFrom = null, IReadOnlyList<ApprovalCcDto>? Cc = null);

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
    /// <summary>See published custom forms (通用审批), submit them and follow one's own submissions.</summary>
    public const string Forms = "Oa.Forms";
    /// <summary>Design, edit and publish custom forms.</summary>
    public const string FormsManage = "Oa.Forms.Manage";
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
    public const string AlreadyDecided = "Oa:AlreadyDecided";
    public const string AlreadyApprover = "Oa:AlreadyApprover";
    public const string InvalidReturnStep = "Oa:InvalidReturnStep";
    public const string RemindedTooOften = "Oa:RemindedTooOften";
    public const string NotReturned = "Oa:NotReturned";
    public const string UnknownUser = "Oa:UnknownUser";
    public const string DuplicateForm = "Oa:DuplicateForm";
    public const string FormNotPublished = "Oa:FormNotPublished";
    public const string AttachmentTooLarge = "Oa:AttachmentTooLarge";
    public const string AttachmentNotYours = "Oa:AttachmentNotYours";
    public const string RecordNotVisible = "Oa:RecordNotVisible";
    public const string MentionCannotSeeRecord = "Oa:MentionCannotSeeRecord";
}

/// <summary>The record types OA gives a timeline (<c>/api/oa/timeline/{type}/{id}</c>).</summary>
public static class OaRecordTypes
{
    public const string Approval = "oa.approval";
}
