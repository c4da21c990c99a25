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

public sealed record ApprovalStepProgressDto(int Number, ApproverRule Rule, string? RoleName, Guid? UserId, StepCondition Condition, decimal? Threshold,
    ApprovalStepState State, DateTime? StartedAt, DateTime? FinishedAt, IReadOnlyList<UserRefDto> Approvers);

public sealed record ApprovalHistoryDto(int StepNumber, Guid? UserId, string? UserName, ApprovalAction Action, string? Comment, DateTime At,
    long? DurationSeconds);

public sealed record ApprovalDto(ApprovalListItemDto Summary, IReadOnlyList<ApprovalStepProgressDto> Steps, IReadOnlyList<ApprovalHistoryDto> History,
    bool CanDecide, bool CanWithdraw);

public sealed record DecideApprovalRequest(string? Comment);

public enum ApprovalBox { Assigned, Submitted, Done }

/// <summary>The inbox: what waits for me, what I submitted, what I decided; and the decisions themselves.</summary>
internal sealed class ApprovalAppService(OaDbContext db, ApproverResolver resolver, IUserDirectory users, ICurrentUser currentUser,
    IPermissionChecker permissions, TimeProvider clock)
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Approvals need a signed-in user.");

    public async Task<PagedResult<ApprovalListItemDto>> GetListAsync(ApprovalBox box, PageRequest page, string? documentType, CancellationToken ct)
    {
        var me = Me;
        var query = db.Approvals.AsNoTracking();
        query = box switch
        {
            ApprovalBox.Assigned => query.Where(a => a.Status == ApprovalStatus.Pending && a.Assignees.Any(x => x.UserId == me && x.StepNumber == a.CurrentStep)),
            ApprovalBox.Submitted => query.Where(a => a.ApplicantUserId == me),
            _ => query.Where(a => a.History.Any(h => h.UserId == me && (h.Action == ApprovalAction.Approved || h.Action == ApprovalAction.Rejected))),
        };
        if (documentType is not null) query = query.Where(a => a.DocumentType == documentType);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(a => a.DocumentNumber.Contains(page.Filter) || a.Title.Contains(page.Filter));
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(a => a.SubmittedAt).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var names = await NamesAsync(items.Select(a => a.ApplicantUserId), ct);
        return new PagedResult<ApprovalListItemDto>(items.Select(a => Summary(a, names)).ToList(), total);
    }

    public async Task<ApprovalDto> GetAsync(Guid id, CancellationToken ct)
    {
        var approval = await db.Approvals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Approval", id);
        // Others' approvals do not exist for a reader who is neither applicant, approver nor flow administrator.
        if (approval.ApplicantUserId != Me && approval.Assignees.All(x => x.UserId != Me) && !await permissions.IsGrantedAsync(OaPermissions.ApprovalFlows, ct))
            throw new EntityNotFoundException("Approval", id);
        return await ToDtoAsync(approval, ct);
    }

    public Task<ApprovalDto> ApproveAsync(Guid id, string? comment, CancellationToken ct) =>
        DecideAsync(id, a => a.ApproveAsync(Me, comment, (step, applicant) => resolver.ResolveAsync(step, applicant, ct), Now), ct);

    public Task<ApprovalDto> RejectAsync(Guid id, string comment, CancellationToken ct) =>
        DecideAsync(id, a => { a.Reject(Me, comment, Now); return Task.CompletedTask; }, ct);

    public Task<ApprovalDto> WithdrawAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, a => { a.Withdraw(Me, Now); return Task.CompletedTask; }, ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<ApprovalDto> DecideAsync(Guid id, Func<Approval, Task> decide, CancellationToken ct)
    {
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Approval", id);
        await decide(approval);
        return await ToDtoAsync(approval, ct);
    }

    private async Task<ApprovalDto> ToDtoAsync(Approval a, CancellationToken ct)
    {
        var names = await NamesAsync(a.Assignees.Select(x => x.UserId).Concat(a.History.Select(h => h.UserId ?? Guid.Empty)).Append(a.ApplicantUserId), ct);
        var steps = a.Steps.OrderBy(s => s.Number).Select(s => new ApprovalStepProgressDto(s.Number, s.Rule, s.RoleName, s.UserId, s.Condition, s.Threshold,
            s.State, s.StartedAt, s.FinishedAt,
            a.Assignees.Where(x => x.StepNumber == s.Number).Select(x => new UserRefDto(x.UserId, names.GetValueOrDefault(x.UserId))).ToList())).ToList();
        var history = a.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ApprovalHistoryDto(h.StepNumber, h.UserId,
            h.UserId is { } u ? names.GetValueOrDefault(u) : null, h.Action, h.Comment, h.At, h.DurationSeconds)).ToList();
        return new ApprovalDto(Summary(a, names), steps, history, a.IsApproverOfCurrentStep(Me), a.Status == ApprovalStatus.Pending && a.ApplicantUserId == Me);
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
