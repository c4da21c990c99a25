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
/// A sales delivery takes its stock-tracked products out of the default warehouse at average cost (出库) and raises
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
        var warehouseId = await db.Warehouses.Where(w => w.IsDefault && w.IsActive).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct)
            ?? throw new BusinessException(InventoryErrors.NoDefaultWarehouse, StatusCodes.Status422UnprocessableEntity);
        var number = await orders.FindNumberAsync(e.OrderId, ct) ?? "";
        var document = new StockDocument(MovementKind.Delivery, warehouseId, e.DeliveredOn, StockSources.SalesDelivery, e.DeliveryId, number, null);
        await ledger.PostAsync(document, changes, ct);
        document.Issued();
    }
}
