using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Oa.Approvals;

public enum ApprovalStatus { Pending, Approved, Rejected, Withdrawn }

public enum ApprovalStepState { Waiting, Current, Approved, Rejected, Skipped, Withdrawn }

public enum ApprovalAction { Submitted, Approved, Rejected, Withdrawn, Skipped }

/// <summary>Finds the users who may decide a step (role holders, the applicant's department head, a named user).</summary>
internal delegate Task<IReadOnlyList<Guid>> ResolveApprovers(ApprovalStep step, Guid applicantUserId);

/// <summary>
/// One document going through its flow (审批单): a snapshot of the request and of the flow's steps, the step
/// now waiting with its resolved approvers, and the history with how long each step took.
/// Any one approver of the current step decides it; the version column makes two simultaneous decisions
/// end in one commit and one concurrency conflict.
/// </summary>
[Audited]
internal sealed class Approval : AggregateRoot, IMultiTenant
{
    private readonly List<ApprovalStep> _steps = [];
    private readonly List<ApprovalAssignee> _assignees = [];
    private readonly List<ApprovalHistoryEntry> _history = [];

    public Guid? TenantId { get; private set; }
    public string DocumentType { get; private set; } = "";
    public Guid DocumentId { get; private set; }
    public string DocumentNumber { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid ApplicantUserId { get; private set; }
    public decimal? Amount { get; private set; }
    public string? Currency { get; private set; }
    public decimal? Days { get; private set; }
    public string? Link { get; private set; }
    public ApprovalStatus Status { get; private set; }
    /// <summary>0 when no step waits (finished, or not started).</summary>
    public int CurrentStep { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>The document id while pending, else null: a unique index on it allows one pending approval per document.</summary>
    public Guid? PendingDocumentId { get; private set; }
    public IReadOnlyList<ApprovalStep> Steps => _steps;
    public IReadOnlyList<ApprovalAssignee> Assignees => _assignees;
    public IReadOnlyList<ApprovalHistoryEntry> History => _history;

    private Approval() { }

    /// <summary>Submits the request and moves to the first step that applies (or completes at once when none does).</summary>
    public static async Task<Approval> SubmitAsync(ApprovalRequest request, IEnumerable<FlowStep> flowSteps, ResolveApprovers resolve, DateTime now)
    {
        var approval = new Approval
        {
            DocumentType = request.DocumentType,
            DocumentId = request.DocumentId,
            DocumentNumber = request.DocumentNumber,
            Title = request.Title.Trim(),
            ApplicantUserId = request.ApplicantUserId,
            Amount = request.Amount,
            Currency = request.Currency,
            Days = request.Days,
            Link = request.Link,
            Status = ApprovalStatus.Pending,
            SubmittedAt = now,
            PendingDocumentId = request.DocumentId,
        };
        approval._steps.AddRange(flowSteps.OrderBy(s => s.Number).Select(ApprovalStep.CopyOf));
        approval._history.Add(new ApprovalHistoryEntry(0, request.ApplicantUserId, ApprovalAction.Submitted, null, now, null));
        await approval.AdvanceAsync(resolve, now);
        return approval;
    }

    public bool IsApproverOfCurrentStep(Guid userId) =>
        Status == ApprovalStatus.Pending && _assignees.Any(a => a.StepNumber == CurrentStep && a.UserId == userId);

    public async Task ApproveAsync(Guid userId, string? comment, ResolveApprovers resolve, DateTime now)
    {
        var step = EnsureCurrentApprover(userId);
        step.Finish(ApprovalStepState.Approved, now);
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.Approved, Clean(comment), now, step.Duration(now)));
        await AdvanceAsync(resolve, now);
    }

    public void Reject(Guid userId, string comment, DateTime now)
    {
        var step = EnsureCurrentApprover(userId);
        step.Finish(ApprovalStepState.Rejected, now);
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.Rejected, Clean(comment), now, step.Duration(now)));
        Finish(ApprovalStatus.Rejected, now);
        Raise(new ApprovalRejected(Id, DocumentType, DocumentId, ApplicantUserId, userId, comment.Trim()));
    }

    public void Withdraw(Guid userId, DateTime now)
    {
        EnsurePending();
        if (userId != ApplicantUserId) throw new BusinessException(OaErrors.NotTheApplicant, StatusCodes.Status403Forbidden, DocumentNumber);
        var step = CurrentStepOrNull();
        step?.Finish(ApprovalStepState.Withdrawn, now);
        _history.Add(new ApprovalHistoryEntry(CurrentStep, userId, ApprovalAction.Withdrawn, null, now, step?.Duration(now)));
        Finish(ApprovalStatus.Withdrawn, now);
        Raise(new ApprovalWithdrawn(Id, DocumentType, DocumentId, ApplicantUserId));
    }

    /// <summary>Skips steps whose condition is false; the first one that applies waits for its approvers, else the approval completes.</summary>
    private async Task AdvanceAsync(ResolveApprovers resolve, DateTime now)
    {
        foreach (var step in _steps.Where(s => s.State == ApprovalStepState.Waiting).OrderBy(s => s.Number))
        {
            if (!step.AppliesTo(Amount, Days))
            {
                step.Finish(ApprovalStepState.Skipped, now);
                _history.Add(new ApprovalHistoryEntry(step.Number, null, ApprovalAction.Skipped, null, now, null));
                continue;
            }
            var approvers = (await resolve(step, ApplicantUserId)).Distinct().ToList();
            if (approvers.Count == 0)
                throw new BusinessException(OaErrors.NoApprover, StatusCodes.Status422UnprocessableEntity, step.Number, DocumentNumber);
            step.Start(now);
            CurrentStep = step.Number;
            _assignees.AddRange(approvers.Select(u => new ApprovalAssignee(step.Number, u)));
            Raise(new ApprovalStepAssigned(Id, DocumentType, DocumentId, DocumentNumber, Title, step.Number, approvers));
            return;
        }
        var lastComment = _history.LastOrDefault(h => h.Action == ApprovalAction.Approved)?.Comment;
        Finish(ApprovalStatus.Approved, now);
        Raise(new ApprovalCompleted(Id, DocumentType, DocumentId, ApplicantUserId, lastComment));
    }

    private ApprovalStep EnsureCurrentApprover(Guid userId)
    {
        EnsurePending();
        if (!IsApproverOfCurrentStep(userId)) throw new BusinessException(OaErrors.NotAnApprover, StatusCodes.Status403Forbidden, DocumentNumber);
        return CurrentStepOrNull()!;
    }

    private void EnsurePending()
    {
        if (Status != ApprovalStatus.Pending)
            throw new BusinessException(OaErrors.ApprovalNotPending, StatusCodes.Status409Conflict, DocumentNumber, Status);
    }

    private ApprovalStep? CurrentStepOrNull() => _steps.FirstOrDefault(s => s.Number == CurrentStep);

    private void Finish(ApprovalStatus status, DateTime now)
    {
        Status = status;
        CurrentStep = 0;
        FinishedAt = now;
        PendingDocumentId = null;
    }

    private static string? Clean(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
}

/// <summary>A flow step as copied into the approval, with its progress.</summary>
internal sealed class ApprovalStep
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public ApproverRule Rule { get; private set; }
    public string? RoleName { get; private set; }
    public Guid? UserId { get; private set; }
    public StepCondition Condition { get; private set; }
    public decimal? Threshold { get; private set; }
    public ApprovalStepState State { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    private ApprovalStep() { }

    public static ApprovalStep CopyOf(FlowStep s) => new()
    {
        Number = s.Number, Rule = s.Rule, RoleName = s.RoleName, UserId = s.UserId, Condition = s.Condition, Threshold = s.Threshold,
        State = ApprovalStepState.Waiting,
    };

    /// <summary>A missing amount or day count makes a threshold condition false: nothing to compare means the step is not needed.</summary>
    public bool AppliesTo(decimal? amount, decimal? days) => Condition switch
    {
        StepCondition.AmountAbove => amount > Threshold,
        StepCondition.DaysAbove => days > Threshold,
        _ => true,
    };

    public void Start(DateTime now)
    {
        State = ApprovalStepState.Current;
        StartedAt = now;
    }

    public void Finish(ApprovalStepState state, DateTime now)
    {
        State = state;
        FinishedAt = now;
    }

    public TimeSpan? Duration(DateTime now) => StartedAt is { } started ? now - started : null;
}

/// <summary>A user who may decide a step; kept for every step so past approvers can still open the approval.</summary>
internal sealed class ApprovalAssignee(int stepNumber, Guid userId)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int StepNumber { get; private set; } = stepNumber;
    public Guid UserId { get; private set; } = userId;
}

internal sealed class ApprovalHistoryEntry(int stepNumber, Guid? userId, ApprovalAction action, string? comment, DateTime at, TimeSpan? duration)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>0 for the submission.</summary>
    public int StepNumber { get; private set; } = stepNumber;
    /// <summary>Null for a step skipped by its condition.</summary>
    public Guid? UserId { get; private set; } = userId;
    public ApprovalAction Action { get; private set; } = action;
    public string? Comment { get; private set; } = comment;
    public DateTime At { get; private set; } = at;
    /// <summary>How long the step waited for this decision (the durations KPI).</summary>
    public long? DurationSeconds { get; private set; } = duration is { } d ? (long)d.TotalSeconds : null;

    private ApprovalHistoryEntry() : this(0, null, default, null, default, null) { }
}
