using BizSuite.Kernel;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Approvals;

internal sealed class ApprovalFlowAppService(OaDbContext db) : IApprovalFlowAppService
{
    public async Task<IReadOnlyList<ApprovalFlowDto>> GetListAsync(CancellationToken ct) =>
        (await db.ApprovalFlows.AsNoTracking().OrderBy(f => f.DocumentType).ToListAsync(ct)).Select(f => f.ToDto()).ToList();

    public async Task<ApprovalFlowDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public async Task<ApprovalFlowDto> CreateAsync(SaveApprovalFlowRequest request, CancellationToken ct)
    {
        if (await db.ApprovalFlows.AnyAsync(f => f.DocumentType == request.DocumentType, ct))
            throw new BusinessException(OaErrors.DuplicateFlow, StatusCodes.Status409Conflict, request.DocumentType) { Field = "documentType" };
        var flow = ApprovalFlow.Define(request.DocumentType, request.Name, Steps(request), request.ResubmitFrom ?? ResubmitFrom.ReturningStep, Cc(request));
        db.ApprovalFlows.Add(flow);
        return flow.ToDto();
    }

    /// <summary>The document type stays: a flow is the tenant's answer for one type.</summary>
    public async Task<ApprovalFlowDto> UpdateAsync(Guid id, SaveApprovalFlowRequest request, CancellationToken ct)
    {
        var flow = await LoadAsync(id, ct);
        flow.Change(request.Name, Steps(request), request.ResubmitFrom ?? ResubmitFrom.ReturningStep, Cc(request));
        return flow.ToDto();
    }

    /// <summary>Without a flow, documents of the type are approved at once; approvals in progress keep their own copy of the steps.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct) => db.ApprovalFlows.Remove(await LoadAsync(id, ct));

    private async Task<ApprovalFlow> LoadAsync(Guid id, CancellationToken ct) =>
        await db.ApprovalFlows.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new EntityNotFoundException("ApprovalFlow", id);

    private static IEnumerable<FlowStep> Steps(SaveApprovalFlowRequest request) =>
        request.Steps.Select(s => FlowStep.Create(s.Rule, s.RoleName, s.UserId, s.Condition, s.Threshold, s.Mode ?? StepMode.Any, s.RequiredApprovals,
            s.DeadlineHours, s.TimeoutAction ?? StepTimeoutAction.None)).ToList();

    private static IEnumerable<FlowCc> Cc(SaveApprovalFlowRequest request) =>
        (request.Cc ?? []).Select(c => FlowCc.Create(c.Moment, c.StepNumber, c.Rule, c.RoleName, c.UserId)).ToList();
}

internal sealed class SaveApprovalFlowRequestValidator : AbstractValidator<SaveApprovalFlowRequest>
{
    public SaveApprovalFlowRequestValidator()
    {
        RuleFor(r => r.DocumentType).NotEmpty().MaximumLength(32).Must(ApprovalDocumentTypes.IsKnown);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Steps).NotEmpty();
        RuleForEach(r => r.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Rule).IsInEnum();
            step.RuleFor(s => s.Condition).IsInEnum();
            step.RuleFor(s => s.RoleName).NotEmpty().MaximumLength(64).When(s => s.Rule == ApproverRule.Role);
            step.RuleFor(s => s.UserId).NotEmpty().When(s => s.Rule == ApproverRule.User);
            step.RuleFor(s => s.Threshold).NotNull().GreaterThanOrEqualTo(0).When(s => s.Condition != StepCondition.Always);
            step.RuleFor(s => s.Mode).IsInEnum();
            step.RuleFor(s => s.RequiredApprovals).NotNull().InclusiveBetween(1, 50).When(s => s.Mode == StepMode.Quorum);
            step.RuleFor(s => s.DeadlineHours).InclusiveBetween(1, 24 * 30);
            step.RuleFor(s => s.TimeoutAction).IsInEnum();
            step.RuleFor(s => s.DeadlineHours).NotNull().When(s => s.TimeoutAction is { } a && a != StepTimeoutAction.None);
        });
        RuleFor(r => r.ResubmitFrom).IsInEnum();
        RuleForEach(r => r.Cc).ChildRules(cc =>
        {
            cc.RuleFor(c => c.Moment).IsInEnum();
            cc.RuleFor(c => c.Rule).IsInEnum();
            cc.RuleFor(c => c.RoleName).NotEmpty().MaximumLength(64).When(c => c.Rule == ApproverRule.Role);
            cc.RuleFor(c => c.UserId).NotEmpty().When(c => c.Rule == ApproverRule.User);
            cc.RuleFor(c => c.StepNumber).NotNull().GreaterThanOrEqualTo(1).When(c => c.Moment == CcMoment.Step);
        });
        RuleForEach(r => r.Cc).Must((r, c) => c.StepNumber is null || c.StepNumber <= r.Steps.Count).WithMessage("No such step.");
    }
}
