using BizSuite.Hr.Data;
using BizSuite.Oa;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Recruitment;

/// <summary>The OA engine's verdicts on offers: approved, rejected with the approver's comment, or withdrawn.</summary>
internal sealed class DecideOfferWhenApprovalCompleted(HrDbContext db) : ApprovalOutcomes(ApprovalDocumentTypes.Offer)
{
    protected override async Task ApprovedAsync(Guid offerId, string? comment, CancellationToken ct) => (await LoadAsync(offerId, ct))?.Approved(comment);

    protected override async Task RejectedAsync(Guid offerId, string comment, CancellationToken ct) => (await LoadAsync(offerId, ct))?.Rejected(comment);

    protected override async Task WithdrawnAsync(Guid offerId, CancellationToken ct) => (await LoadAsync(offerId, ct))?.Withdrawn();

    private Task<Offer?> LoadAsync(Guid offerId, CancellationToken ct) => db.Offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
}
