using BizSuite.Crm.Data;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contracts;

/// <summary>OA decides contract approvals; the contract follows: approved, back to draft with the comment, or withdrawn to draft.</summary>
internal sealed class MoveContractWhenApprovalDecided(CrmDbContext db)
    : IDomainEventHandler<ApprovalCompleted>, IDomainEventHandler<ApprovalRejected>, IDomainEventHandler<ApprovalWithdrawn>
{
    public async Task HandleAsync(ApprovalCompleted approval, CancellationToken ct) =>
        (await FindAsync(approval.DocumentType, approval.DocumentId, ct))?.Approve();

    public async Task HandleAsync(ApprovalRejected approval, CancellationToken ct) =>
        (await FindAsync(approval.DocumentType, approval.DocumentId, ct))?.Reject(approval.Comment);

    public async Task HandleAsync(ApprovalWithdrawn approval, CancellationToken ct) =>
        (await FindAsync(approval.DocumentType, approval.DocumentId, ct))?.Withdraw();

    private async Task<Contract?> FindAsync(string documentType, Guid contractId, CancellationToken ct) =>
        documentType == ApprovalDocumentTypes.Contract ? await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, ct) : null;
}
