using BizSuite.Kernel;
using BizSuite.Purchasing.Orders;

namespace BizSuite.Purchasing.Receipts;

/// <summary>
/// A goods receipt (收货验收单) against one purchase order: accepted and rejected quantities per line, into one warehouse.
/// Raises <see cref="GoodsReceived"/> with the accepted lines valued at the order's agreed price (stock in, accrual voucher).
/// </summary>
[Audited]
internal sealed class GoodsReceipt : AggregateRoot, IMultiTenant
{
    private readonly List<GoodsReceiptLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public Guid SupplierId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public Guid WarehouseId { get; private set; }
    public string WarehouseName { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public string? Note { get; private set; }
    public IReadOnlyList<GoodsReceiptLine> Lines => _lines;

    private GoodsReceipt() { }

    /// <summary>Moves the order's lines first (which refuses over-receipt), then records what was received.</summary>
    public static GoodsReceipt Record(string number, PurchaseOrder order, Guid warehouseId, string warehouseName, DateOnly receivedOn, string? note,
        IReadOnlyList<ReceiveLine> lines, decimal tolerancePercent)
    {
        order.Receive(lines, tolerancePercent);
        var receipt = new GoodsReceipt
        {
            Number = number,
            OrderId = order.Id,
            OrderNumber = order.Number,
            SupplierId = order.SupplierId,
            SupplierName = order.SupplierName,
            WarehouseId = warehouseId,
            WarehouseName = warehouseName,
            ReceivedOn = receivedOn,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        receipt._lines.AddRange(lines.Where(l => l.AcceptedQuantity != 0 || l.RejectedQuantity != 0).Select(l =>
        {
            var line = order.Line(l.OrderLineId, "lines");
            return new GoodsReceiptLine(line.Id, line.ProductId, line.Description, l.AcceptedQuantity, l.RejectedQuantity,
                string.IsNullOrWhiteSpace(l.RejectionReason) ? null : l.RejectionReason.Trim(), line.UnitPrice);
        }));
        var accepted = receipt._lines.Where(l => l.AcceptedQuantity > 0)
            .Select(l => new ReceivedLineData(l.OrderLineId, l.ProductId, l.Description, l.AcceptedQuantity, l.UnitCost)).ToList();
        if (accepted.Count > 0)
            receipt.Raise(new GoodsReceived(receipt.Id, number, order.Id, order.Number, order.SupplierId, order.SupplierName, warehouseId, receivedOn,
                order.Currency, accepted));
        return receipt;
    }
}

internal sealed class GoodsReceiptLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid OrderLineId { get; private set; }
    public Guid? ProductId { get; private set; }
    public string Description { get; private set; } = "";
    public decimal AcceptedQuantity { get; private set; }
    public decimal RejectedQuantity { get; private set; }
    public string? RejectionReason { get; private set; }
    public decimal UnitCost { get; private set; }

    private GoodsReceiptLine() { }

    public GoodsReceiptLine(Guid orderLineId, Guid? productId, string description, decimal acceptedQuantity, decimal rejectedQuantity, string? rejectionReason,
        decimal unitCost)
    {
        OrderLineId = orderLineId;
        ProductId = productId;
        Description = description;
        AcceptedQuantity = acceptedQuantity;
        RejectedQuantity = rejectedQuantity;
        RejectionReason = rejectionReason;
        UnitCost = unitCost;
    }
}
