using BizSuite.Crm;
using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Receivables;

/// <summary>Daily review of one tenant's receivables: invoices the dated installments that fell due and marks overdue contracts.</summary>
public sealed record ReviewReceivables(DateOnly Today);

internal sealed class ReviewReceivablesJob(FinanceDbContext db, InstallmentInvoicer invoicer) : IBackgroundJob<ReviewReceivables>
{
    public async Task ExecuteAsync(ReviewReceivables args, CancellationToken ct)
    {
        var open = await db.Receivables.Where(r => r.Status != CollectionStatus.Paid).ToListAsync(ct);
        foreach (var receivable in open)
        {
            await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnDate, args.Today, ct);
            receivable.Refresh(args.Today);
        }
    }
}
