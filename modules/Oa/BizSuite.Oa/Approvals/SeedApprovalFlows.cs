using BizSuite.Identity;
using BizSuite.Oa.Data;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Approvals;

/// <summary>
/// A new tenant starts with a flow per document type its modules send, so every request finds an approver from day one.
/// Only the admin role surely has a user when the tenant is created, so contracts and offers go to it; the tenant
/// re-points them (a manager role, a named user) on the flows page. Leave and expense claims go to the applicant's
/// department head, which needs HR data: without it the request fails with a clear Oa:NoApprover instead of passing unseen.
/// Purchase requests have no flow: they are approved at once until the tenant defines one.
/// </summary>
internal sealed class SeedApprovalFlowsWhenTenantCreated(OaDbContext db, ICurrentTenant currentTenant) : IDomainEventHandler<TenantCreated>
{
    public const decimal ExpenseClaimAdminThreshold = 5000m;

    public async Task HandleAsync(TenantCreated e, CancellationToken ct)
    {
        using var _ = currentTenant.Change(e.TenantId, e.Name);
        if (await db.ApprovalFlows.AnyAsync(ct)) return;
        db.ApprovalFlows.AddRange(
            ApprovalFlow.Define(ApprovalDocumentTypes.Contract, "合同审批 Contract approval", [FlowStep.Create(ApproverRule.Role, DefaultRoles.Admin, null)]),
            ApprovalFlow.Define(ApprovalDocumentTypes.LeaveRequest, "请假审批 Leave approval", [FlowStep.Create(ApproverRule.DepartmentHead, null, null)]),
            ApprovalFlow.Define(ApprovalDocumentTypes.ExpenseClaim, "报销审批 Expense claim approval",
            [
                FlowStep.Create(ApproverRule.DepartmentHead, null, null),
                FlowStep.Create(ApproverRule.Role, DefaultRoles.Admin, null, StepCondition.AmountAbove, ExpenseClaimAdminThreshold),
            ]),
            ApprovalFlow.Define(ApprovalDocumentTypes.Offer, "录用审批 Offer approval", [FlowStep.Create(ApproverRule.Role, DefaultRoles.Admin, null)]));
    }
}
