using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Oa.Approvals;

public enum ApprovalStatus { Pending, Approved, Rejected, Withdrawn, Returned }

public enum ApprovalStepState { Waiting, Current, Approved, Rejected, Skipped, Withdrawn, Returned }

public enum ApprovalAction { Submitted, Approved, Rejected, Withdrawn, Skipped, SignerAdded, Transferred, Returned, Resubmitted, Reminded, Escalated, AutoApproved }

/// <summary>
/// One approver's part in one round of a step: <c>Waiting</c> for their turn (依次, or added after someone, or suspended while
/// someone added before them decides), <c>Pending</c> (may act now), or decided / handed on / no longer needed.
/// </summary>
public enum AssigneeState { Waiting, Pending, Approved, Rejected, Transferred, Returned, Cancelled }

/// <summary>A user who decides, and whose substitute they are (委托) when they stand in for someone.</summary>
internal sealed record Approver(Guid UserId, Guid? OnBehalfOf = null);

/// <summary>Finds the users a rule names (role holders, the applicant's department head, a named user), with substitutes in place.</summary>
internal delegate Task<IReadOnlyList<Approver>> ResolveApprovers(ApproverRule rule, string? roleName, Guid? userId, Guid applicantUserId);

/// <summary>
/// One document going through its flow (审批单): a snapshot of the request and of the flow's steps, the approvers of each
/// step round with their part in it, the CC recipients, and the history with how long each step took.
/// Every action touches <see cref="LastActionAt"/>, so the version column makes two simultaneous actions end in one commit
/// and one concurrency conflict (a 或签 step has exactly one winner).
/// </summary>
[Audited]
internal sealed class Approval : AggregateRoot, IMultiTenant
{
    private static readonly TimeSpan RemindInterval = TimeSpan.FromHours(1);

    private readonly List<ApprovalStep> _steps = [];
    private readonly List<ApprovalAssignee> _assignees = [];
    private readonly List<ApprovalHistoryEntry> _history = [];
    private readonly List<ApprovalCc> _cc = [];

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
    /// <summary>0 when no step waits (finished, returned to the applicant, or not started).</summary>
    public int CurrentStep { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>The document id while pending or returned, else null: a unique index on it allows one open approval per document.</summary>
    public Guid? PendingDocumentId { get; private set; }
    public ResubmitFrom ResubmitFrom { get; private set; }
    /// <summary>The step that returned the request to its applicant (0 when it was not returned).</summary>
    public int ReturnedFromStep { get; private set; }
    public DateTime? LastRemindedAt { get; private set; }
    public DateTime LastActionAt { get; private set; }
    public IReadOnlyList<ApprovalStep> Steps => _steps;
    public IReadOnlyList<ApprovalAssignee> Assignees => _assignees;
    public IReadOnlyList<ApprovalHistoryEntry> History => _history;
    public IReadOnlyList<ApprovalCc> Cc => _cc;

    private Approval() { }

    /// <summary>Submits the request and moves to the first step that applies (or completes at once when none does).</summary>
    public static async Task<Approval> SubmitAsync(ApprovalRequest request, IEnumerable<FlowStep> flowSteps, ResolveApprovers resolve, DateTime now,
        ResubmitFrom resubmitFrom = ResubmitFrom.ReturningStep, IEnumerable<FlowCc>? cc = null)
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
            LastActionAt = now,
            PendingDocumentId = request.DocumentId,
            ResubmitFrom = resubmitFrom,
        };
        approval._steps.AddRange(flowSteps.OrderBy(s => s.Number).Select(ApprovalStep.CopyOf));
        // Recipients are fixed at submission, as the steps are: a later change of the flow or of a role does not reach this request.
        foreach (var rule in cc ?? [])
            foreach (var user in await resolve(rule.Rule, rule.RoleName, rule.UserId, request.ApplicantUserId))
                if (!approval._cc.Any(c => c.UserId == user.UserId && c.Moment == rule.Moment && c.StepNumber == rule.StepNumber))
                    approval._cc.Add(new ApprovalCc(user.UserId, rule.Moment, rule.StepNumber));
        approval._history.Add(new ApprovalHistoryEntry(0, request.ApplicantUserId, ApprovalAction.Submitted, null, now, null));
        approval.CopyTo(CcMoment.Submission, null, now);
        await approval.AdvanceAsync(resolve, now);
        return approval;
    }

    /// <summary>The users who may act on the current step now.</summary>
    public IReadOnlyList<Guid> CurrentApprovers =>
        Status == ApprovalStatus.Pending ? CurrentRound().Where(a => a.State == AssigneeState.Pending).Select(a => a.UserId).ToList() : [];

    public bool IsApproverOfCurrentStep(Guid userId) => CurrentApprovers.Contains(userId);

    public async Task ApproveAsync(Guid userId, string? comment, ResolveApprovers resolve, DateTime now)
    {
        var (step, assignee) = EnsurePendingAssignee(userId, now);
        assignee.Decide(AssigneeState.Approved, now);
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.Approved, Clean(comment), now, step.Duration(now), assignee.OnBehalfOf));
        // 或签: the first approver decides for the step; the others are no longer needed (those added after the decider still follow).
        if (step.Mode == StepMode.Any && assignee.ParentId is null)
            foreach (var other in CurrentRound().Where(a => a.Id != assignee.Id && RootOf(a) != assignee && a.IsOpen)) other.Cancel(now);
        await ContinueAfterApprovalAsync(step, assignee, resolve, now);
    }

    public void Reject(Guid userId, string comment, DateTime now)
    {
        var (step, assignee) = EnsurePendingAssignee(userId, now);
        assignee.Decide(AssigneeState.Rejected, now);
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.Rejected, Clean(comment), now, step.Duration(now), assignee.OnBehalfOf));
        if (step.Mode == StepMode.Quorum)
        {
            // N of M: one no does not end the request while enough approvers remain to reach N.
            var root = RootOf(assignee);
            foreach (var open in CurrentRound().Where(a => a.IsOpen && RootOf(a) == root)) open.Cancel(now);
            var roots = Roots(step).ToList();
            if (roots.Count(r => !ChainRejected(r)) >= step.Required(roots.Count)) return;
        }
        step.Finish(ApprovalStepState.Rejected, now);
        CancelOpen(now);
        Finish(ApprovalStatus.Rejected, now);
        Raise(new ApprovalRejected(Id, DocumentType, DocumentId, ApplicantUserId, userId, comment.Trim()));
    }

    /// <summary>加签: adds <paramref name="signerUserId"/> to the current step, deciding before the one who adds (who waits) or after them.</summary>
    public void AddSigner(Guid userId, Guid signerUserId, SignerPosition position, string reason, DateTime now)
    {
        var (step, assignee) = EnsurePendingAssignee(userId, now);
        EnsureNotAlreadyApprover(signerUserId);
        var order = _assignees.Where(a => a.ParentId == assignee.Id).Select(a => a.Order + 1).DefaultIfEmpty(0).Max();
        var signer = new ApprovalAssignee(step.Number, step.Round, order, signerUserId, null,
            position == SignerPosition.Before ? AssigneeState.Pending : AssigneeState.Waiting, now, assignee.Id, position, userId, reason.Trim());
        _assignees.Add(signer);
        if (position == SignerPosition.Before) assignee.Suspend();
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.SignerAdded, reason.Trim(), now, null, assignee.OnBehalfOf,
            signerUserId, position: position));
        Raise(new ApprovalSignerAdded(Id, DocumentType, DocumentId, step.Number, userId, signerUserId, position, reason.Trim()));
        if (position == SignerPosition.Before) RaiseAssigned(step, [signerUserId]);
    }

    /// <summary>转交: the approver's pending part passes to <paramref name="toUserId"/>, in the same place of the step.</summary>
    public void Transfer(Guid userId, Guid toUserId, string? comment, DateTime now)
    {
        var (step, assignee) = EnsurePendingAssignee(userId, now);
        EnsureNotAlreadyApprover(toUserId);
        HandOver(step, assignee, toUserId, now);
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.Transferred, Clean(comment), now, null, assignee.OnBehalfOf, toUserId));
        Raise(new ApprovalTransferred(Id, DocumentType, DocumentId, step.Number, userId, toUserId, Clean(comment)));
        RaiseAssigned(step, [toUserId]);
    }

    /// <summary>
    /// 退回: back to an earlier step that was approved (it starts again with its approvers, then the flow goes on as usual),
    /// or to the applicant (<paramref name="toStep"/> 0), who edits the document and submits again (<see cref="ResubmitAsync"/>).
    /// </summary>
    public async Task ReturnAsync(Guid userId, int toStep, string comment, ResolveApprovers resolve, DateTime now)
    {
        var (step, assignee) = EnsurePendingAssignee(userId, now);
        if (toStep != 0 && (toStep >= step.Number || _steps.FirstOrDefault(s => s.Number == toStep)?.State != ApprovalStepState.Approved))
            throw new BusinessException(OaErrors.InvalidReturnStep, StatusCodes.Status422UnprocessableEntity, toStep) { Field = "toStep" };
        assignee.Decide(AssigneeState.Returned, now);
        _history.Add(new ApprovalHistoryEntry(step.Number, userId, ApprovalAction.Returned, comment.Trim(), now, step.Duration(now), assignee.OnBehalfOf,
            targetStep: toStep));
        CancelOpen(now);
        step.Finish(ApprovalStepState.Returned, now);
        Raise(new ApprovalReturned(Id, DocumentType, DocumentId, ApplicantUserId, step.Number, toStep, userId, comment.Trim()));
        if (toStep == 0)
        {
            Status = ApprovalStatus.Returned;
            ReturnedFromStep = step.Number;
            CurrentStep = 0;
            return;
        }
        foreach (var s in _steps.Where(s => s.Number >= toStep)) s.Reset();
        await AdvanceAsync(resolve, now);
    }

    /// <summary>
    /// The applicant submits a returned request again, with the document's current figures; it resumes at the step that
    /// returned it, or at the first step when the flow says so.
    /// </summary>
    public async Task ResubmitAsync(Guid userId, ApprovalRequest? changed, string? comment, ResolveApprovers resolve, DateTime now)
    {
        EnsureApplicant(userId);
        if (Status != ApprovalStatus.Returned) throw new BusinessException(OaErrors.NotReturned, StatusCodes.Status409Conflict, DocumentNumber, Status);
        if (changed is not null)
        {
            Title = changed.Title.Trim();
            Amount = changed.Amount;
            Currency = changed.Currency;
            Days = changed.Days;
        }
        var from = ResubmitFrom == ResubmitFrom.Start ? 1 : ReturnedFromStep;
        foreach (var s in _steps.Where(s => s.Number >= from)) s.Reset();
        Status = ApprovalStatus.Pending;
        ReturnedFromStep = 0;
        LastActionAt = now;
        _history.Add(new ApprovalHistoryEntry(0, userId, ApprovalAction.Resubmitted, Clean(comment), now, null));
        await AdvanceAsync(resolve, now);
        Raise(new ApprovalResubmitted(Id, DocumentType, DocumentId, ApplicantUserId, CurrentStep));
    }

    public void Withdraw(Guid userId, DateTime now)
    {
        if (Status is not (ApprovalStatus.Pending or ApprovalStatus.Returned))
            throw new BusinessException(OaErrors.ApprovalNotPending, StatusCodes.Status409Conflict, DocumentNumber, Status);
        EnsureApplicant(userId);
        var step = CurrentStepOrNull();
        step?.Finish(ApprovalStepState.Withdrawn, now);
        CancelOpen(now);
        _history.Add(new ApprovalHistoryEntry(CurrentStep, userId, ApprovalAction.Withdrawn, null, now, step?.Duration(now)));
        Finish(ApprovalStatus.Withdrawn, now);
        Raise(new ApprovalWithdrawn(Id, DocumentType, DocumentId, ApplicantUserId));
    }

    /// <summary>催办: the applicant urges the current approvers, at most once an hour (429 beyond).</summary>
    public void Remind(Guid userId, DateTime now)
    {
        EnsurePending();
        EnsureApplicant(userId);
        if (LastRemindedAt is { } last && now - last < RemindInterval)
            throw new BusinessException(OaErrors.RemindedTooOften, StatusCodes.Status429TooManyRequests, DocumentNumber)
            {
                Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling((last + RemindInterval - now).TotalSeconds) },
            };
        LastRemindedAt = now;
        LastActionAt = now;
        _history.Add(new ApprovalHistoryEntry(CurrentStep, userId, ApprovalAction.Reminded, null, now, null));
        Raise(new ApprovalReminded(Id, DocumentType, DocumentId, DocumentNumber, Title, CurrentStep, userId, CurrentApprovers));
    }

    /// <summary>
    /// The current step is past its deadline: the engine reminds, escalates each pending approver's part to that approver's
    /// department head (<paramref name="resolve"/> with the approver as "applicant"), or approves the step — once per step round.
    /// Returns whether it acted.
    /// </summary>
    public async Task<bool> ApplyTimeoutAsync(ResolveApprovers resolve, DateTime now)
    {
        var step = CurrentStepOrNull();
        if (Status != ApprovalStatus.Pending || step is not { DueAt: { } due, TimedOutAt: null } || now < due) return false;
        step.MarkTimedOut(now);
        LastActionAt = now;
        switch (step.TimeoutAction)
        {
            case StepTimeoutAction.Remind:
                _history.Add(new ApprovalHistoryEntry(step.Number, null, ApprovalAction.Reminded, null, now, null));
                Raise(new ApprovalReminded(Id, DocumentType, DocumentId, DocumentNumber, Title, step.Number, null, CurrentApprovers));
                break;
            case StepTimeoutAction.Escalate:
                foreach (var pending in CurrentRound().Where(a => a.State == AssigneeState.Pending).ToList())
                {
                    var head = (await resolve(ApproverRule.DepartmentHead, null, null, pending.UserId)).FirstOrDefault()?.UserId;
                    if (head is not { } h || h == pending.UserId || CurrentRound().Any(a => a.UserId == h && a.IsOpen)) continue;
                    HandOver(step, pending, h, now);
                    _history.Add(new ApprovalHistoryEntry(step.Number, null, ApprovalAction.Escalated, null, now, null, pending.UserId, h));
                    RaiseAssigned(step, [h]);
                }
                break;
            case StepTimeoutAction.AutoApprove:
                _history.Add(new ApprovalHistoryEntry(step.Number, null, ApprovalAction.AutoApproved, null, now, step.Duration(now)));
                await FinishStepApprovedAsync(step, resolve, now);
                break;
        }
        return true;
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
            var approvers = (await resolve(step.Rule, step.RoleName, step.UserId, ApplicantUserId)).DistinctBy(a => a.UserId).ToList();
            if (approvers.Count == 0)
                throw new BusinessException(OaErrors.NoApprover, StatusCodes.Status422UnprocessableEntity, step.Number, DocumentNumber);
            step.Start(now);
            CurrentStep = step.Number;
            for (var i = 0; i < approvers.Count; i++)
            {
                var waits = step.Mode == StepMode.Sequential && i > 0;
                _assignees.Add(new ApprovalAssignee(step.Number, step.Round, i, approvers[i].UserId, approvers[i].OnBehalfOf,
                    waits ? AssigneeState.Waiting : AssigneeState.Pending, now));
            }
            RaiseAssigned(step, CurrentApprovers);
            CopyTo(CcMoment.Step, step.Number, now);
            return;
        }
        var lastComment = _history.LastOrDefault(h => h.Action == ApprovalAction.Approved)?.Comment;
        Finish(ApprovalStatus.Approved, now);
        Raise(new ApprovalCompleted(Id, DocumentType, DocumentId, ApplicantUserId, lastComment));
        CopyTo(CcMoment.Completion, null, now);
    }

    /// <summary>After an approval: those added after the approver follow; then the one who added them, or the step's mode decides.</summary>
    private async Task ContinueAfterApprovalAsync(ApprovalStep step, ApprovalAssignee assignee, ResolveApprovers resolve, DateTime now)
    {
        var next = NextWaitingChild(assignee, SignerPosition.After);
        if (next is not null)
        {
            Activate(step, next, now);
            return;
        }
        await ChainDoneAsync(step, assignee, resolve, now);
    }

    /// <summary><paramref name="done"/> and everyone added after it have approved.</summary>
    private async Task ChainDoneAsync(ApprovalStep step, ApprovalAssignee done, ResolveApprovers resolve, DateTime now)
    {
        if (done.ParentId is { } parentId)
        {
            var parent = _assignees.Single(a => a.Id == parentId);
            var sibling = NextWaitingChild(parent, done.Position!.Value);
            if (sibling is not null) Activate(step, sibling, now);
            else if (done.Position == SignerPosition.Before) Activate(step, parent, now);
            else await ChainDoneAsync(step, parent, resolve, now);
            return;
        }
        var roots = Roots(step).ToList();
        var stepDone = step.Mode switch
        {
            StepMode.Any => true,
            StepMode.Quorum => roots.Count(Satisfied) >= step.Required(roots.Count),
            _ => roots.All(Satisfied),
        };
        if (stepDone)
        {
            await FinishStepApprovedAsync(step, resolve, now);
            return;
        }
        if (step.Mode == StepMode.Sequential && roots.Where(r => r.State == AssigneeState.Waiting).MinBy(r => r.Order) is { } nextInLine)
            Activate(step, nextInLine, now);
    }

    private async Task FinishStepApprovedAsync(ApprovalStep step, ResolveApprovers resolve, DateTime now)
    {
        CancelOpen(now);
        step.Finish(ApprovalStepState.Approved, now);
        await AdvanceAsync(resolve, now);
    }

    private void HandOver(ApprovalStep step, ApprovalAssignee from, Guid toUserId, DateTime now)
    {
        var to = new ApprovalAssignee(step.Number, step.Round, from.Order, toUserId, null, AssigneeState.Pending, now, from.ParentId, from.Position,
            from.UserId, null);
        _assignees.Add(to);
        foreach (var child in _assignees.Where(a => a.ParentId == from.Id)) child.Reparent(to.Id);
        from.Decide(AssigneeState.Transferred, now);
    }

    private void Activate(ApprovalStep step, ApprovalAssignee assignee, DateTime now)
    {
        assignee.Activate(now);
        RaiseAssigned(step, [assignee.UserId]);
    }

    private void RaiseAssigned(ApprovalStep step, IReadOnlyList<Guid> userIds) =>
        Raise(new ApprovalStepAssigned(Id, DocumentType, DocumentId, DocumentNumber, Title, step.Number, userIds));

    private void CopyTo(CcMoment moment, int? stepNumber, DateTime now)
    {
        var due = _cc.Where(c => c.CopiedAt is null && c.Moment == moment && c.StepNumber == stepNumber).ToList();
        if (due.Count == 0) return;
        foreach (var cc in due) cc.Copied(now);
        Raise(new ApprovalCopied(Id, DocumentType, DocumentId, DocumentNumber, Title, moment, due.Select(c => c.UserId).Distinct().ToList()));
    }

    private ApprovalAssignee? NextWaitingChild(ApprovalAssignee parent, SignerPosition position) =>
        _assignees.Where(a => a.ParentId == parent.Id && a.Position == position && a.State == AssigneeState.Waiting).MinBy(a => a.Order);

    private IEnumerable<ApprovalAssignee> CurrentRound() =>
        CurrentStepOrNull() is { } step ? _assignees.Where(a => a.StepNumber == step.Number && a.Round == step.Round) : [];

    /// <summary>The step's own approvers (not those added by 加签), without the ones who handed their part on.</summary>
    private IEnumerable<ApprovalAssignee> Roots(ApprovalStep step) =>
        CurrentRound().Where(a => a.ParentId is null && a.State is not (AssigneeState.Transferred or AssigneeState.Cancelled));

    private IEnumerable<ApprovalAssignee> Children(ApprovalAssignee a) =>
        _assignees.Where(c => c.ParentId == a.Id && c.State is not (AssigneeState.Transferred or AssigneeState.Cancelled));

    private bool Satisfied(ApprovalAssignee a) => a.State == AssigneeState.Approved && Children(a).All(Satisfied);

    private bool ChainRejected(ApprovalAssignee a) => a.State == AssigneeState.Rejected || _assignees.Any(c => c.ParentId == a.Id && ChainRejected(c));

    private ApprovalAssignee RootOf(ApprovalAssignee a) => a.ParentId is { } p ? RootOf(_assignees.Single(x => x.Id == p)) : a;

    private void CancelOpen(DateTime now)
    {
        foreach (var open in _assignees.Where(a => a.IsOpen)) open.Cancel(now);
    }

    private (ApprovalStep Step, ApprovalAssignee Assignee) EnsurePendingAssignee(Guid userId, DateTime now)
    {
        EnsurePending();
        var round = CurrentRound().Where(a => a.UserId == userId).ToList();
        if (round.FirstOrDefault(a => a.State == AssigneeState.Pending) is { } pending)
        {
            LastActionAt = now;
            return (CurrentStepOrNull()!, pending);
        }
        // Acting again on a part one already decided (a double click, a second device), or one another approver settled
        // meanwhile (或签, N of M), is a conflict, not a lack of right.
        var latest = _assignees.Where(a => a.UserId == userId).MaxBy(a => (a.StepNumber == CurrentStep, a.DecidedAt));
        if (latest?.State is AssigneeState.Approved or AssigneeState.Rejected or AssigneeState.Transferred or AssigneeState.Returned or AssigneeState.Cancelled)
            throw new BusinessException(OaErrors.AlreadyDecided, StatusCodes.Status409Conflict, DocumentNumber);
        throw new BusinessException(OaErrors.NotAnApprover, StatusCodes.Status403Forbidden, DocumentNumber);
    }

    private void EnsureNotAlreadyApprover(Guid userId)
    {
        if (CurrentRound().Any(a => a.UserId == userId && a.IsOpen))
            throw new BusinessException(OaErrors.AlreadyApprover, StatusCodes.Status409Conflict, DocumentNumber) { Field = "userId" };
    }

    private void EnsureApplicant(Guid userId)
    {
        if (userId != ApplicantUserId) throw new BusinessException(OaErrors.NotTheApplicant, StatusCodes.Status403Forbidden, DocumentNumber);
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
        LastActionAt = now;
        PendingDocumentId = null;
    }

    private static string? Clean(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
}

/// <summary>A flow step as copied into the approval, with its progress. A step returned to starts a new round of approvers.</summary>
internal sealed class ApprovalStep
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public ApproverRule Rule { get; private set; }
    public string? RoleName { get; private set; }
    public Guid? UserId { get; private set; }
    public StepCondition Condition { get; private set; }
    public decimal? Threshold { get; private set; }
    public StepMode Mode { get; private set; }
    public int? RequiredApprovals { get; private set; }
    public int? DeadlineHours { get; private set; }
    public StepTimeoutAction TimeoutAction { get; private set; }
    public ApprovalStepState State { get; private set; }
    public int Round { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>When the timeout action is due (deadline counted in working hours from the start of the round).</summary>
    public DateTime? DueAt { get; private set; }
    public DateTime? TimedOutAt { get; private set; }

    private ApprovalStep() { }

    public static ApprovalStep CopyOf(FlowStep s) => new()
    {
        Number = s.Number, Rule = s.Rule, RoleName = s.RoleName, UserId = s.UserId, Condition = s.Condition, Threshold = s.Threshold,
        Mode = s.Mode, RequiredApprovals = s.RequiredApprovals, DeadlineHours = s.DeadlineHours, TimeoutAction = s.TimeoutAction,
        State = ApprovalStepState.Waiting,
    };

    /// <summary>A missing amount or day count makes a threshold condition false: nothing to compare means the step is not needed.</summary>
    public bool AppliesTo(decimal? amount, decimal? days) => Condition switch
    {
        StepCondition.AmountAbove => amount > Threshold,
        StepCondition.DaysAbove => days > Threshold,
        _ => true,
    };

    /// <summary>How many approvals settle the step; N of M never asks for more than there are approvers.</summary>
    public int Required(int approvers) => Mode == StepMode.Quorum ? Math.Clamp(RequiredApprovals ?? 1, 1, Math.Max(approvers, 1)) : approvers;

    public void Start(DateTime now)
    {
        State = ApprovalStepState.Current;
        Round++;
        StartedAt = now;
        FinishedAt = null;
        TimedOutAt = null;
        DueAt = DeadlineHours is { } hours && TimeoutAction != StepTimeoutAction.None ? WorkingHours.Add(now, hours) : null;
    }

    public void Finish(ApprovalStepState state, DateTime now)
    {
        State = state;
        FinishedAt = now;
    }

    public void Reset() => State = ApprovalStepState.Waiting;

    public void MarkTimedOut(DateTime now) => TimedOutAt = now;

    public TimeSpan? Duration(DateTime now) => StartedAt is { } started ? now - started : null;
}

/// <summary>
/// A user's part in one round of a step; kept for every round so past approvers can still open the approval.
/// Someone added by 加签 hangs under the approver who added them (<see cref="ParentId"/>), before or after them.
/// </summary>
internal sealed class ApprovalAssignee
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int StepNumber { get; private set; }
    public int Round { get; private set; }
    public int Order { get; private set; }
    public Guid UserId { get; private set; }
    /// <summary>The approver this user stands in for (委托), or the one who handed the part on (转交, escalation).</summary>
    public Guid? OnBehalfOf { get; private set; }
    public AssigneeState State { get; private set; }
    public Guid? ParentId { get; private set; }
    public SignerPosition? Position { get; private set; }
    public Guid? AddedBy { get; private set; }
    /// <summary>Why they were added (加签), shown to them.</summary>
    public string? Reason { get; private set; }
    public DateTime? ActivatedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    private ApprovalAssignee() { }

    public ApprovalAssignee(int stepNumber, int round, int order, Guid userId, Guid? onBehalfOf, AssigneeState state, DateTime now,
        Guid? parentId = null, SignerPosition? position = null, Guid? addedBy = null, string? reason = null)
    {
        StepNumber = stepNumber;
        Round = round;
        Order = order;
        UserId = userId;
        OnBehalfOf = onBehalfOf;
        State = state;
        ParentId = parentId;
        Position = position;
        AddedBy = addedBy;
        Reason = reason;
        ActivatedAt = state == AssigneeState.Pending ? now : null;
    }

    public bool IsOpen => State is AssigneeState.Pending or AssigneeState.Waiting;

    public void Activate(DateTime now)
    {
        State = AssigneeState.Pending;
        ActivatedAt = now;
    }

    public void Suspend() => State = AssigneeState.Waiting;

    public void Decide(AssigneeState state, DateTime now)
    {
        State = state;
        DecidedAt = now;
    }

    public void Cancel(DateTime now) => Decide(AssigneeState.Cancelled, now);

    public void Reparent(Guid parentId) => ParentId = parentId;
}

/// <summary>A user who gets a read-only copy (抄送) at a moment of the approval; <see cref="CopiedAt"/> once it went out.</summary>
internal sealed class ApprovalCc(Guid userId, CcMoment moment, int? stepNumber)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; } = userId;
    public CcMoment Moment { get; private set; } = moment;
    public int? StepNumber { get; private set; } = stepNumber;
    public DateTime? CopiedAt { get; private set; }

    private ApprovalCc() : this(Guid.Empty, default, null) { }

    public void Copied(DateTime now) => CopiedAt = now;
}

internal sealed class ApprovalHistoryEntry(int stepNumber, Guid? userId, ApprovalAction action, string? comment, DateTime at, TimeSpan? duration,
    Guid? onBehalfOf = null, Guid? targetUserId = null, int? targetStep = null, SignerPosition? position = null)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>0 for the submission.</summary>
    public int StepNumber { get; private set; } = stepNumber;
    /// <summary>Null for what the engine did by itself (a skipped step, a timeout).</summary>
    public Guid? UserId { get; private set; } = userId;
    public ApprovalAction Action { get; private set; } = action;
    public string? Comment { get; private set; } = comment;
    public DateTime At { get; private set; } = at;
    /// <summary>How long the step waited for this decision (the durations KPI).</summary>
    public long? DurationSeconds { get; private set; } = duration is { } d ? (long)d.TotalSeconds : null;
    /// <summary>Whose delegate the user acted as ("X for Y"); for an escalation, the approver whose part moved on.</summary>
    public Guid? OnBehalfOf { get; private set; } = onBehalfOf;
    /// <summary>The user added (加签), handed to (转交) or escalated to.</summary>
    public Guid? TargetUserId { get; private set; } = targetUserId;
    /// <summary>For a return: the step it went back to (0: the applicant).</summary>
    public int? TargetStep { get; private set; } = targetStep;
    public SignerPosition? Position { get; private set; } = position;

    private ApprovalHistoryEntry() : this(0, null, default, null, default, null) { }
}

/// <summary>Deadlines count Monday to Friday only (China time): a request sent on Friday evening is not late on Monday morning.</summary>
internal static class WorkingHours
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime Add(DateTime startUtc, int hours)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, ChinaTime);
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                local = local.Date.AddDays(1);
                continue;
            }
            var untilMidnight = local.Date.AddDays(1) - local;
            if (remaining <= untilMidnight) return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local + remaining, DateTimeKind.Unspecified), ChinaTime);
            remaining -= untilMidnight;
            local = local.Date.AddDays(1);
        }
    }
}
