using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Forms;

/// <summary>A submission follows its approval's verdict; verdicts on other document types pass by.</summary>
internal sealed class MoveSubmissionWhenApprovalDecided(OaDbContext db, TimeProvider clock)
    : IDomainEventHandler<ApprovalCompleted>, IDomainEventHandler<ApprovalRejected>, IDomainEventHandler<ApprovalWithdrawn>
{
    public Task HandleAsync(ApprovalCompleted e, CancellationToken ct) => MoveAsync(e.DocumentType, e.DocumentId, FormSubmissionStatus.Approved, ct);

    public Task HandleAsync(ApprovalRejected e, CancellationToken ct) => MoveAsync(e.DocumentType, e.DocumentId, FormSubmissionStatus.Rejected, ct);

    public Task HandleAsync(ApprovalWithdrawn e, CancellationToken ct) => MoveAsync(e.DocumentType, e.DocumentId, FormSubmissionStatus.Withdrawn, ct);

    private async Task MoveAsync(string documentType, Guid submissionId, FormSubmissionStatus status, CancellationToken ct)
    {
        if (!documentType.StartsWith(ApprovalDocumentTypes.FormPrefix, StringComparison.Ordinal)) return;
        var submission = await db.FormSubmissions.FirstAsync(s => s.Id == submissionId, ct);
        submission.Decide(status, clock.GetUtcNow().UtcDateTime);
    }
}
