using BizSuite.Crm;
using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Receivables;

/// <summary>
/// Daily review of one tenant's receivables: invoices the dated installments that fell due, marks overdue contracts and
/// announces each invoice that became overdue (once).
/// </summary>
public sealed record ReviewReceivables(DateOnly Today);

internal sealed class ReviewReceivablesJob(FinanceDbContext db, InstallmentInvoicer invoicer, ICustomerDirectory customers) : IBackgroundJob<ReviewReceivables>
{
    public async Task ExecuteAsync(ReviewReceivables args, CancellationToken ct)
    {
        var open = await db.Receivables.Where(r => r.Status != CollectionStatus.Paid).ToListAsync(ct);
        foreach (var receivable in open)
        {
            await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnDate, args.Today, ct);
            receivable.Refresh(args.Today);
            await AnnounceOverdueAsync(receivable, args.Today, ct);
        }
    }

    private async Task AnnounceOverdueAsync(Receivable receivable, DateOnly today, CancellationToken ct)
    {
        var overdue = receivable.NewlyOverdue(today);
        if (overdue.Count == 0) return;
        var invoiceIds = overdue.Select(i => i.InvoiceId!.Value).ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var owner = await customers.FindContractOwnerAsync(receivable.ContractId, ct);
        var customFields = await customers.FindCustomFieldsAsync(receivable.CustomerId, ct);
        foreach (var installment in overdue)
            receivable.AnnounceOverdue(installment, invoices[installment.InvoiceId!.Value], owner, (System.Text.Json.Nodes.JsonObject)customFields.DeepClone());
    }
}

/// <summary>Every night (Beijing time) each tenant with money still to collect gets its review job.</summary>
internal sealed class EnqueueReceivableReviews(FinanceDbContext db, JobQueue jobs, ICurrentTenant currentTenant, TimeProvider clock) : IRecurringWork
{
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task RunAsync(CancellationToken ct)
    {
        List<Guid?> tenants;
        using (currentTenant.DisableFilter())
            tenants = await db.Receivables.Where(r => r.Status != CollectionStatus.Paid).Select(r => r.TenantId).Distinct().ToListAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime).DateTime);
        foreach (var tenant in tenants)
            using (currentTenant.Change(tenant))
                jobs.Enqueue(new ReviewReceivables(today));
    }
}
