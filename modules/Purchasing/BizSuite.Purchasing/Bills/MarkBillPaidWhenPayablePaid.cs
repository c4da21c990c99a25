using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Bills;

/// <summary>Finance paid a supplier bill's payable: the bill is paid, and its order closes once fully received, billed and paid.</summary>
internal sealed class MarkBillPaidWhenPayablePaid(PurchasingDbContext db) : IDomainEventHandler<PayablePaid>
{
    public async Task HandleAsync(PayablePaid e, CancellationToken ct)
    {
        if (e.SourceType != PayableSources.SupplierBill) return;
        var bill = await db.Bills.FirstOrDefaultAsync(b => b.Id == e.SourceId, ct);
        if (bill is null || !bill.MarkPaid(e.PaidOn)) return;
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == bill.OrderId, ct);
        // Tracked bills keep their unsaved status (a payment run pays several bills of one order in one event round).
        var bills = await db.Bills.Where(b => b.OrderId == bill.OrderId).ToListAsync(ct);
        order?.CloseIfSettled(allBillsPaid: bills.All(b => b.Status == SupplierBillStatus.Paid));
    }
}
