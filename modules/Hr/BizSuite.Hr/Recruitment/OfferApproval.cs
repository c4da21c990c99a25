using BizSuite.Hr.Data;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Recruitment;

/// <summary>The OA engine's verdicts on offers: approved, rejected with the approver's comment, or withdrawn.</summary>
internal sealed class DecideOfferWhenApprovalCompleted(HrDbContext db) :
    IDomainEventHandler<ApprovalCompleted>, IDomainEventHandler<ApprovalRejected>, IDomainEventHandler<ApprovalWithdrawn>
{
    public async Task HandleAsync(ApprovalCompleted e, CancellationToken ct)
    {
        if (e.DocumentType == ApprovalDocumentTypes.Offer) (await LoadAsync(e.DocumentId, ct))?.Approved(e.Comment);
    }

    public async Task HandleAsync(ApprovalRejected e, CancellationToken ct)
    {
        if (e.DocumentType == ApprovalDocumentTypes.Offer) (await LoadAsync(e.DocumentId, ct))?.Rejected(e.Comment);
    }

    public async Task HandleAsync(ApprovalWithdrawn e, CancellationToken ct)
    {
        if (e.DocumentType == ApprovalDocumentTypes.Offer) (await LoadAsync(e.DocumentId, ct))?.Withdrawn();
    }

    private Task<Offer?> LoadAsync(Guid offerId, CancellationToken ct) => db.Offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
}
