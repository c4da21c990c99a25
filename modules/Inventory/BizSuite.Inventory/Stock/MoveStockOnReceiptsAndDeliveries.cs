using BizSuite.Inventory.Data;
using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Purchasing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Inventory.Stock;

/// <summary>
/// Accepted goods come into the receipt's warehouse at the order line's net price and raise the moving average (入库),
/// in the receipt's transaction. Lines of untracked products or free text move no stock.
/// </summary>
internal sealed class ReceiveStockWhenGoodsReceived(StockLedger ledger) : IDomainEventHandler<GoodsReceived>
{
    public async Task HandleAsync(GoodsReceived e, CancellationToken ct)
    {
        if (await ledger.PostedAsync(StockSources.GoodsReceipt, e.ReceiptId, ct)) return;
        var tracked = await ledger.TrackedAsync(e.Lines.Select(l => l.ProductId), ct);
        var changes = e.Lines.Where(l => l.ProductId is { } id && tracked.Contains(id) && l.AcceptedQuantity > 0)
            .Select(l => new StockChange(l.ProductId!.Value, l.AcceptedQuantity, l.UnitCost)).ToList();
        if (changes.Count == 0) return;
        await ledger.PostAsync(new StockDocument(MovementKind.Receipt, e.WarehouseId, e.ReceivedOn, StockSources.GoodsReceipt, e.ReceiptId,
            e.ReceiptNumber, $"{e.OrderNumber} {e.SupplierName}"), changes, ct);
    }
}

/// <summary>
/// A bill priced differently from the order (within the price tolerance, or overridden) makes the goods cost what the supplier charges
/// (企业会计准则第1号——存货: cost is the purchase price). Their stock was taken in at the order price, so each tracked line's difference goes
/// to the units still on hand and raises <see cref="StockRevalued"/> with the share of units already gone, which Finance books to cost of sales.
/// </summary>
internal sealed class RevalueStockWhenBillPriceDiffers(StockLedger ledger) : IDomainEventHandler<SupplierBillPosted>
{
    public async Task HandleAsync(SupplierBillPosted e, CancellationToken ct)
    {
        if (e.Lines is null || await ledger.PostedAsync(StockSources.SupplierBill, e.BillId, ct)) return;
        var tracked = await ledger.TrackedAsync(e.Lines.Select(l => l.ProductId), ct);
        var lines = e.Lines.Where(l => l.ProductId is { } id && tracked.Contains(id) && l.WarehouseId is not null)
            .Select(l => new StockRevaluation(l.ProductId!.Value, l.WarehouseId!.Value, l.Quantity,
                Money.Round(l.Quantity * l.UnitPrice) - Money.Round(l.Quantity * l.AccruedUnitCost)))
            .Where(l => l.Difference != 0).ToList();
        if (lines.Count == 0) return;
        var document = new StockDocument(MovementKind.Revaluation, lines[0].WarehouseId, e.BillDate, StockSources.SupplierBill, e.BillId, e.BillNumber,
            $"{e.SupplierName} {e.SupplierInvoiceNumber}");
        document.Revalued(await ledger.RevalueAsync(document, lines, ct));
    }
}

/// <summary>
/// A sales delivery takes its stock-tracked products out of the warehouse it names, else the default one, at average cost (出库) and raises
/// <see cref="StockIssued"/> for the cost of goods sold. It runs in the delivery's transaction: when stock is short the
/// delivery itself is refused and nothing of it stays.
/// </summary>
internal sealed class IssueStockWhenDeliveryRecorded(StockLedger ledger, InventoryDbContext db, ISalesOrderDirectory orders) : IDomainEventHandler<DeliveryRecorded>
{
    public async Task HandleAsync(DeliveryRecorded e, CancellationToken ct)
    {
        if (await ledger.PostedAsync(StockSources.SalesDelivery, e.DeliveryId, ct)) return;
        var tracked = await ledger.TrackedAsync(e.Lines.Select(l => l.ProductId), ct);
        var changes = e.Lines.Where(l => l.ProductId is { } id && tracked.Contains(id) && l.Quantity > 0)
            .Select(l => new StockChange(l.ProductId!.Value, -l.Quantity, null)).ToList();
        if (changes.Count == 0) return;
        // The ledger refuses an unknown or inactive warehouse the delivery names (422 on warehouseId), which rolls the delivery back.
        var warehouseId = e.WarehouseId
            ?? await db.Warehouses.Where(w => w.IsDefault && w.IsActive).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct)
            ?? throw new BusinessException(InventoryErrors.NoDefaultWarehouse, StatusCodes.Status422UnprocessableEntity);
        var number = await orders.FindNumberAsync(e.OrderId, ct) ?? "";
        var document = new StockDocument(MovementKind.Delivery, warehouseId, e.DeliveredOn, StockSources.SalesDelivery, e.DeliveryId, number, null);
        await ledger.PostAsync(document, changes, ct);
        document.Issued();
    }
}
