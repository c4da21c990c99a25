using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Purchasing.Data;
using BizSuite.Purchasing.Orders;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Requests;

/// <summary>
/// OA's verdict moves the request. Approval creates one draft purchase order per suggested supplier from the request's lines,
/// in the approval's transaction: the buyer adjusts and confirms it, nobody re-keys it. A failure here undoes the approval.
/// </summary>
internal sealed class CreateOrdersWhenRequestApproved(PurchasingDbContext db, OrderNumbers numbers)
    : ApprovalOutcomes(ApprovalDocumentTypes.PurchaseRequest)
{
    protected override async Task ApprovedAsync(Guid requestId, string? comment, CancellationToken ct)
    {
        if (await FindAsync(requestId, ct) is not { } request) return;
        var supplierIds = request.Lines.Select(l => l.SupplierId!.Value).Distinct().ToList();
        var suppliers = await db.Suppliers.Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var orders = new List<PurchaseOrder>();
        // In the order the suppliers first appear on the request, so numbers follow the request's lines.
        foreach (var group in request.Lines.OrderBy(l => l.LineNumber).GroupBy(l => l.SupplierId!.Value))
        {
            var supplier = suppliers[group.Key];
            orders.Add(new PurchaseOrder(await numbers.NextAsync(ct), supplier.Id, supplier.Name, request.Id, request.Number, request.Currency, request.NeededBy,
                group.Select(l => new SavePurchaseOrderLine(l.ProductId, l.Description, l.Quantity, l.EstimatedUnitPrice, l.VatRate)).ToList()));
        }
        db.Orders.AddRange(orders);
        request.Approve(orders.Select(o => o.Id).ToList());
    }

    protected override async Task RejectedAsync(Guid requestId, string comment, CancellationToken ct) => (await FindAsync(requestId, ct))?.SendBack(comment);

    protected override async Task WithdrawnAsync(Guid requestId, CancellationToken ct) => (await FindAsync(requestId, ct))?.SendBack(null);

    private Task<PurchaseRequest?> FindAsync(Guid id, CancellationToken ct) => db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct);
}
