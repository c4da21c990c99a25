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
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Approvals.FirstOrDefaultAsync(a => a.DocumentType == request.DocumentType && a.PendingDocumentId == request.DocumentId, ct);
        if (open is { Status: ApprovalStatus.Returned })
        {
            // The applicant edited a document returned to them (退回) and submits it again: the same approval goes on.
            await open.ResubmitAsync(request.ApplicantUserId, request, null, resolver.For(request.DocumentType, now, ct), now);
            return open.Id;
        }
        if (open is not null) throw new BusinessException(OaErrors.AlreadyRequested, StatusCodes.Status409Conflict, request.DocumentNumber);
        var flow = await db.ApprovalFlows.AsNoTracking().FirstOrDefaultAsync(f => f.DocumentType == request.DocumentType, ct);
        var approval = await Approval.SubmitAsync(request, flow?.Steps ?? [], resolver.For(request.DocumentType, now, ct), now,
            flow?.ResubmitFrom ?? ResubmitFrom.ReturningStep, flow?.Cc);
        db.Approvals.Add(approval);
        return approval.Id;
    }
}
