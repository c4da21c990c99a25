using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Approvals;

/// <summary>The engine as other modules call it, inside their own unit of work: the approval and the document commit together.</summary>
internal sealed class ApprovalService(OaDbContext db, ApproverResolver resolver, TimeProvider clock) : IApprovalService
{
    public async Task<Guid> RequestAsync(ApprovalRequest request, CancellationToken ct)
    {
        if (await db.Approvals.AnyAsync(a => a.DocumentType == request.DocumentType && a.PendingDocumentId == request.DocumentId, ct))
            throw new BusinessException(OaErrors.AlreadyRequested, StatusCodes.Status409Conflict, request.DocumentNumber);
        var flow = await db.ApprovalFlows.AsNoTracking().FirstOrDefaultAsync(f => f.DocumentType == request.DocumentType, ct);
        var approval = await Approval.SubmitAsync(request, flow?.Steps ?? [], (step, applicant) => resolver.ResolveAsync(step, applicant, ct),
            clock.GetUtcNow().UtcDateTime);
        db.Approvals.Add(approval);
        return approval.Id;
    }
}
