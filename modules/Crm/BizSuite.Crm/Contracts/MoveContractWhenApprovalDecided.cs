using BizSuite.Crm.Data;
using BizSuite.Oa;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contracts;

/// <summary>
/// OA decides contract approvals; the contract follows: approved, back to draft with the comment (rejected, or returned to the
/// applicant — whose next submission resumes the same approval), or withdrawn to draft.
/// </summary>
internal sealed class MoveContractWhenApprovalDecided(CrmDbContext db) : ApprovalOutcomes(ApprovalDocumentTypes.Contract)
{
    protected override async Task ApprovedAsync(Guid contractId, string? comment, CancellationToken ct) => (await FindAsync(contractId, ct))?.Approve();

    protected override async Task RejectedAsync(Guid contractId, string comment, CancellationToken ct) => (await FindAsync(contractId, ct))?.Reject(comment);

    protected override async Task ReturnedAsync(Guid contractId, string comment, CancellationToken ct) => (await FindAsync(contractId, ct))?.Reject(comment);

    protected override async Task WithdrawnAsync(Guid contractId, CancellationToken ct) => (await FindAsync(contractId, ct))?.Withdraw();

    private Task<Contract?> FindAsync(Guid contractId, CancellationToken ct) => db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, ct);
}
