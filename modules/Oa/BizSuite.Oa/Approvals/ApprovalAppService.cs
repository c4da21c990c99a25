using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Approvals;

public sealed record ApprovalListItemDto(Guid Id, string DocumentType, string DocumentNumber, string Title, Guid ApplicantUserId, string? ApplicantName,
    decimal? Amount, string? Currency, decimal? Days, ApprovalStatus Status, int CurrentStep, int StepCount, DateTime SubmittedAt, DateTime? FinishedAt,
    string? Link);

public sealed record UserRefDto(Guid Id, string? Name);

public sealed record ApproverProgressDto(Guid Id, string? Name, AssigneeState State, UserRefDto? OnBehalfOf, SignerPosition? Position, UserRefDto? AddedBy,
    string? Reason, DateTime? DecidedAt);

public sealed record ApprovalStepProgressDto(int Number, ApproverRule Rule, string? RoleName, Guid? UserId, StepCondition Condition, decimal? Threshold,
    StepMode Mode, int? RequiredApprovals, ApprovalStepState State, DateTime? StartedAt, DateTime? FinishedAt, DateTime? DueAt,
    IReadOnlyList<UserRefDto> Approvers, IReadOnlyList<ApproverProgressDto> Round);

public sealed record ApprovalHistoryDto(int StepNumber, Guid? UserId, string? UserName, ApprovalAction Action, string? Comment, DateTime At,
    long? DurationSeconds, UserRefDto? OnBehalfOf, UserRefDto? Target, int? TargetStep, SignerPosition? Position);

/// <summary>The approval as its reader sees it, with what the reader may do now.</summary>
public sealed record ApprovalDto(ApprovalListItemDto Summary, IReadOnlyList<ApprovalStepProgressDto> Steps, IReadOnlyList<ApprovalHistoryDto> History,
    bool CanDecide, bool CanWithdraw, bool CanRemind, bool CanResubmit, IReadOnlyList<int> ReturnableSteps, IReadOnlyList<UserRefDto> CcRecipients,
    DateTime? LastRemindedAt);

public sealed record DecideApprovalRequest(string? Comment);

public sealed record AddSignerRequest(Guid UserId, SignerPosition Position, string Reason);

public sealed record TransferApprovalRequest(Guid UserId, string? Comment);

/// <summary><paramref name="ToStep"/> 0 returns the request to its applicant.</summary>
public sealed record ReturnApprovalRequest(int ToStep, string Comment);

public sealed record BatchApproveRequest(IReadOnlyList<Guid> Ids, string? Comment);

public sealed record BatchApproveResult(IReadOnlyList<Guid> Approved, IReadOnlyList<Guid> Skipped);

public enum ApprovalBox { Assigned, Submitted, Done, Cc }

/// <summary>The inbox (待我审批, 我发起的, 我已审批, 抄送我的) and every action on an approval.</summary>
internal sealed class ApprovalAppService(OaDbContext db, ApproverResolver resolver, IUserDirectory users, ICurrentUser currentUser,
    IPermissionChecker permissions, TimeProvider clock, ApprovalInboxPush inbox)
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Approvals need a signed-in user.");

    public async Task<PagedResult<ApprovalListItemDto>> GetListAsync(ApprovalBox box, PageRequest page, string? documentType, CancellationToken ct)
    {
        var me = Me;
        var query = db.Approvals.AsNoTracking();
        query = box switch
        {
            ApprovalBox.Assigned => query.Where(ApprovalInboxPush.WaitingFor(me)),
            ApprovalBox.Submitted => query.Where(a => a.ApplicantUserId == me),
            ApprovalBox.Cc => query.Where(a => a.Cc.Any(c => c.UserId == me && c.CopiedAt != null)),
            _ => query.Where(a => a.History.Any(h => h.UserId == me
                && (h.Action == ApprovalAction.Approved || h.Action == ApprovalAction.Rejected || h.Action == ApprovalAction.Returned))),
        };
        if (documentType is not null) query = query.Where(a => a.DocumentType == documentType);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(a => a.DocumentNumber.Contains(page.Filter) || a.Title.Contains(page.Filter));
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(a => a.SubmittedAt).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var names = await NamesAsync(items.Select(a => a.ApplicantUserId), ct);
        return new PagedResult<ApprovalListItemDto>(items.Select(a => Summary(a, names)).ToList(), total);
    }

    /// <summary>The inbox badge: what the live channel pushes, read once at start and while the channel is down.</summary>
    public async Task<ApprovalInboxCountDto> InboxCountAsync(CancellationToken ct) =>
        new(await db.Approvals.AsNoTracking().LongCountAsync(ApprovalInboxPush.WaitingFor(Me), ct));

    public async Task<ApprovalDto> GetAsync(Guid id, CancellationToken ct)
    {
        var approval = await db.Approvals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Approval", id);
        // Others' approvals do not exist for a reader who is neither applicant, approver, CC recipient nor flow administrator.
        var me = Me;
        if (approval.ApplicantUserId != me && approval.Assignees.All(x => x.UserId != me) && approval.Cc.All(c => c.UserId != me || c.CopiedAt is null)
            && !await permissions.IsGrantedAsync(OaPermissions.ApprovalFlows, ct))
            throw new EntityNotFoundException("Approval", id);
        return await ToDtoAsync(approval, ct);
    }

    public Task<ApprovalDto> ApproveAsync(Guid id, string? comment, CancellationToken ct) =>
        ActAsync(id, a => a.ApproveAsync(Me, comment, resolver.For(a.DocumentType, Now, ct), Now), ct);

    public Task<ApprovalDto> RejectAsync(Guid id, string comment, CancellationToken ct) =>
        ActAsync(id, a => { a.Reject(Me, comment, Now); return Task.CompletedTask; }, ct);

    public Task<ApprovalDto> WithdrawAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, a => { a.Withdraw(Me, Now); return Task.CompletedTask; }, ct);

    public Task<ApprovalDto> AddSignerAsync(Guid id, AddSignerRequest request, CancellationToken ct) =>
        ActAsync(id, async a =>
        {
            await EnsureActiveUserAsync(request.UserId, ct);
            a.AddSigner(Me, request.UserId, request.Position, request.Reason, Now);
        }, ct);

    public Task<ApprovalDto> TransferAsync(Guid id, TransferApprovalRequest request, CancellationToken ct) =>
        ActAsync(id, async a =>
        {
            await EnsureActiveUserAsync(request.UserId, ct);
            a.Transfer(Me, request.UserId, request.Comment, Now);
        }, ct);

    public Task<ApprovalDto> ReturnAsync(Guid id, ReturnApprovalRequest request, CancellationToken ct) =>
        ActAsync(id, a => a.ReturnAsync(Me, request.ToStep, request.Comment, resolver.For(a.DocumentType, Now, ct), Now), ct);

    /// <summary>Submits a returned request again as it is (a document type whose module lets it be edited submits it through the module).</summary>
    public Task<ApprovalDto> ResubmitAsync(Guid id, string? comment, CancellationToken ct) =>
        ActAsync(id, a => a.ResubmitAsync(Me, null, comment, resolver.For(a.DocumentType, Now, ct), Now), ct);

    public Task<ApprovalDto> RemindAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, a => { a.Remind(Me, Now); return Task.CompletedTask; }, ct);

    /// <summary>
    /// Approves every listed item that waits for me on a 或签 or 依次 step (a 会签 or N-of-M step is better decided one by one);
    /// the others are returned as skipped.
    /// </summary>
    public async Task<BatchApproveResult> BatchApproveAsync(BatchApproveRequest request, CancellationToken ct)
    {
        var me = Me;
        var ids = request.Ids.Distinct().ToList();
        var approvals = await db.Approvals.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var approved = new List<Guid>();
        foreach (var approval in approvals)
        {
            var step = approval.Steps.FirstOrDefault(s => s.Number == approval.CurrentStep);
            if (!approval.IsApproverOfCurrentStep(me) || step?.Mode is not (StepMode.Any or StepMode.Sequential)) continue;
            await approval.ApproveAsync(me, request.Comment, resolver.For(approval.DocumentType, Now, ct), Now);
            inbox.Changed(approval.Id);
            approved.Add(approval.Id);
        }
        return new BatchApproveResult(approved, ids.Except(approved).ToList());
    }

    /// <summary>The colleagues one may add as signer or hand an item to: the tenant's active members, by name.</summary>
    public async Task<IReadOnlyList<UserRefDto>> PeopleAsync(CancellationToken ct)
    {
        var members = await users.FindUsersInRoleAsync(DefaultRoles.Member, ct);
        return (await users.FindAsync(members, ct)).OrderBy(u => u.Name).Select(u => new UserRefDto(u.UserId, u.Name)).ToList();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task EnsureActiveUserAsync(Guid userId, CancellationToken ct)
    {
        if (!await resolver.IsActiveAsync(userId, ct))
            throw new BusinessException(OaErrors.UnknownUser, Microsoft.AspNetCore.Http.StatusCodes.Status422UnprocessableEntity, userId) { Field = "userId" };
    }

    private async Task<ApprovalDto> ActAsync(Guid id, Func<Approval, Task> act, CancellationToken ct)
    {
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Approval", id);
        await act(approval);
        inbox.Changed(approval.Id); // an approver's decision may not end the step (会签): no event, yet their count moved
        return await ToDtoAsync(approval, ct);
    }

    private async Task<ApprovalDto> ToDtoAsync(Approval a, CancellationToken ct)
    {
        var me = Me;
        var names = await NamesAsync(a.Assignees.SelectMany(x => new[] { x.UserId, x.OnBehalfOf ?? Guid.Empty, x.AddedBy ?? Guid.Empty })
            .Concat(a.History.SelectMany(h => new[] { h.UserId ?? Guid.Empty, h.OnBehalfOf ?? Guid.Empty, h.TargetUserId ?? Guid.Empty }))
            .Concat(a.Cc.Select(c => c.UserId)).Append(a.ApplicantUserId), ct);
        UserRefDto? Ref(Guid? id) => id is { } u ? new UserRefDto(u, names.GetValueOrDefault(u)) : null;
        var steps = a.Steps.OrderBy(s => s.Number).Select(s =>
        {
            var round = a.Assignees.Where(x => x.StepNumber == s.Number && x.Round == s.Round).OrderBy(x => x.ActivatedAt ?? DateTime.MaxValue).ThenBy(x => x.Order)
                .Select(x => new ApproverProgressDto(x.UserId, names.GetValueOrDefault(x.UserId), x.State, Ref(x.OnBehalfOf), x.Position, Ref(x.AddedBy), x.Reason,
                    x.DecidedAt)).ToList();
            return new ApprovalStepProgressDto(s.Number, s.Rule, s.RoleName, s.UserId, s.Condition, s.Threshold, s.Mode, s.RequiredApprovals, s.State,
                s.StartedAt, s.FinishedAt, s.DueAt,
                round.DistinctBy(x => x.Id).Select(x => new UserRefDto(x.Id, x.Name)).ToList(), round);
        }).ToList();
        var history = a.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ApprovalHistoryDto(h.StepNumber, h.UserId,
            h.UserId is { } u ? names.GetValueOrDefault(u) : null, h.Action, h.Comment, h.At, h.DurationSeconds, Ref(h.OnBehalfOf), Ref(h.TargetUserId),
            h.TargetStep, h.Position)).ToList();
        var canDecide = a.IsApproverOfCurrentStep(me);
        var returnable = canDecide
            ? a.Steps.Where(s => s.Number < a.CurrentStep && s.State == ApprovalStepState.Approved).Select(s => s.Number).Prepend(0).ToList()
            : [];
        var mine = a.ApplicantUserId == me;
        return new ApprovalDto(Summary(a, names), steps, history, canDecide, mine && a.Status is (ApprovalStatus.Pending or ApprovalStatus.Returned),
            mine && a.Status == ApprovalStatus.Pending, mine && a.Status == ApprovalStatus.Returned, returnable,
            a.Cc.Where(c => c.CopiedAt is not null).Select(c => c.UserId).Distinct().Select(u => new UserRefDto(u, names.GetValueOrDefault(u))).ToList(),
            a.LastRemindedAt);
    }

    private static ApprovalListItemDto Summary(Approval a, IReadOnlyDictionary<Guid, string> names) => new(a.Id, a.DocumentType, a.DocumentNumber, a.Title,
        a.ApplicantUserId, names.GetValueOrDefault(a.ApplicantUserId), a.Amount, a.Currency, a.Days, a.Status, a.CurrentStep, a.Steps.Count, a.SubmittedAt,
        a.FinishedAt, a.Link);

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await users.FindAsync(ids.Where(i => i != Guid.Empty).Distinct().ToList(), ct)).ToDictionary(u => u.UserId, u => u.Name);
}

internal sealed class DecideApprovalRequestValidator : AbstractValidator<DecideApprovalRequest>
{
    public DecideApprovalRequestValidator() => RuleFor(r => r.Comment).MaximumLength(1000);
}

/// <summary>Rejecting needs a reason: the applicant gets the document back with it.</summary>
public sealed record RejectApprovalRequest(string Comment);

internal sealed class RejectApprovalRequestValidator : AbstractValidator<RejectApprovalRequest>
{
    public RejectApprovalRequestValidator() => RuleFor(r => r.Comment).NotEmpty().MaximumLength(1000);
}

internal sealed class AddSignerRequestValidator : AbstractValidator<AddSignerRequest>
{
    public AddSignerRequestValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        RuleFor(r => r.Position).IsInEnum();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class TransferApprovalRequestValidator : AbstractValidator<TransferApprovalRequest>
{
    public TransferApprovalRequestValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        RuleFor(r => r.Comment).MaximumLength(1000);
    }
}

/// <summary>Returning needs a reason, as rejecting does.</summary>
internal sealed class ReturnApprovalRequestValidator : AbstractValidator<ReturnApprovalRequest>
{
    public ReturnApprovalRequestValidator()
    {
        RuleFor(r => r.ToStep).GreaterThanOrEqualTo(0);
        RuleFor(r => r.Comment).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class BatchApproveRequestValidator : AbstractValidator<BatchApproveRequest>
{
    public BatchApproveRequestValidator()
    {
        RuleFor(r => r.Ids).Cascade(CascadeMode.Stop).NotEmpty().Must(ids => ids.Count <= 100);
        RuleFor(r => r.Comment).MaximumLength(1000);
    }
}
