using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Purchasing.Orders;

/// <summary>
/// A purchase order (采购订单) to one supplier: Draft (the buyer may still adjust prices and quantities) → Confirmed →
/// PartiallyReceived → Received → Closed once every received unit is billed and every bill paid; Cancelled before any receipt.
/// Its integer version makes two receipts of the same order at once a conflict, so a line is never received twice over.
/// </summary>
[Audited]
internal sealed class PurchaseOrder : CustomFieldsAggregate, IMultiTenant
{
    private readonly List<PurchaseOrderLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid SupplierId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public Guid? RequestId { get; private set; }
    public string? RequestNumber { get; private set; }
    public string Currency { get; private set; } = "";
    public DateOnly? ExpectedOn { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public decimal NetTotal { get; private set; }
    public decimal VatTotal { get; private set; }
    public decimal GrossTotal { get; private set; }
    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    private PurchaseOrder() { }

    public PurchaseOrder(string number, Guid supplierId, string supplierName, Guid? requestId, string? requestNumber, string currency, DateOnly? expectedOn,
        IReadOnlyList<SavePurchaseOrderLine> lines)
    {
        Number = number;
        SupplierId = supplierId;
        SupplierName = supplierName;
        RequestId = requestId;
        RequestNumber = requestNumber;
        Currency = currency;
        Status = PurchaseOrderStatus.Draft;
        SetLines(expectedOn, lines);
        Raise(new PurchaseOrderCreated(Id, Number, SupplierId, SupplierName, RequestId, Currency, NetTotal, VatTotal, GrossTotal));
    }

    /// <summary>The buyer's adjustment before confirming: the agreed prices, quantities and VAT rates.</summary>
    public void Adjust(DateOnly? expectedOn, IReadOnlyList<SavePurchaseOrderLine> lines)
    {
        EnsureStatus(PurchasingErrors.OrderNotDraft, PurchaseOrderStatus.Draft);
        SetLines(expectedOn, lines);
    }

    public void Confirm()
    {
        EnsureStatus(PurchasingErrors.OrderNotDraft, PurchaseOrderStatus.Draft);
        Status = PurchaseOrderStatus.Confirmed;
        Raise(new PurchaseOrderConfirmed(Id, Number, SupplierId, SupplierName, Currency, GrossTotal, CustomFieldValues()));
    }

    public void Cancel()
    {
        EnsureStatus(PurchasingErrors.OrderNotCancellable, PurchaseOrderStatus.Draft, PurchaseOrderStatus.Confirmed);
        Status = PurchaseOrderStatus.Cancelled;
    }

    public PurchaseOrderLine Line(Guid orderLineId, string field) => _lines.FirstOrDefault(l => l.Id == orderLineId)
        ?? throw new BusinessException(PurchasingErrors.UnknownOrderLine, StatusCodes.Status422UnprocessableEntity, orderLineId) { Field = field };

    /// <summary>
    /// Takes a receipt's accepted and rejected quantities onto the lines. Accepted units may exceed the ordered quantity by
    /// the tolerance (percent) at most, counting every earlier receipt; the whole receipt is checked before any line moves.
    /// </summary>
    public void Receive(IReadOnlyList<ReceiveLine> lines, decimal tolerancePercent)
    {
        EnsureStatus(PurchasingErrors.OrderNotReceivable, PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.PartiallyReceived);
        if (lines.Count == 0 || lines.All(l => l.AcceptedQuantity == 0 && l.RejectedQuantity == 0))
            throw new BusinessException(PurchasingErrors.EmptyReceipt, StatusCodes.Status400BadRequest) { Field = "lines" };
        var perLine = lines.Select((l, i) => (Index: i, Part: l)).GroupBy(p => p.Part.OrderLineId)
            .Select(g => (Line: Line(g.Key, $"lines[{g.First().Index}].orderLineId"), Index: g.First().Index,
                Accepted: g.Sum(p => p.Part.AcceptedQuantity), Rejected: g.Sum(p => p.Part.RejectedQuantity))).ToList();
        foreach (var (line, index, accepted, _) in perLine)
        {
            var allowed = Math.Round(line.Quantity * (1 + tolerancePercent / 100m), 4, MidpointRounding.ToZero);
            if (line.ReceivedQuantity + accepted > allowed)
                throw new BusinessException(PurchasingErrors.OverReceipt, StatusCodes.Status422UnprocessableEntity, line.Description, line.Quantity,
                    line.ReceivedQuantity, Math.Max(0, allowed - line.ReceivedQuantity)) { Field = $"lines[{index}].acceptedQuantity" };
        }
        foreach (var (line, _, accepted, rejected) in perLine) line.Receive(accepted, rejected);
        Status = _lines.All(l => l.ReceivedQuantity >= l.Quantity) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
    }

    public void EnsureBillable() => EnsureStatus(PurchasingErrors.OrderNotBillable, PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.PartiallyReceived,
        PurchaseOrderStatus.Received);

    public void Bill(Guid orderLineId, decimal quantity) => Line(orderLineId, "lines").Bill(quantity);

    /// <summary>Closed when all is received, every received unit billed, and (the caller knows) every bill paid.</summary>
    public bool CloseIfSettled(bool allBillsPaid)
    {
        if (Status != PurchaseOrderStatus.Received || !allBillsPaid || _lines.Any(l => l.BilledQuantity < l.ReceivedQuantity)) return false;
        Status = PurchaseOrderStatus.Closed;
        return true;
    }

    private void SetLines(DateOnly? expectedOn, IReadOnlyList<SavePurchaseOrderLine> lines)
    {
        ExpectedOn = expectedOn;
        _lines.Clear();
        _lines.AddRange(lines.Select((l, i) => new PurchaseOrderLine(i + 1, l.ProductId, l.Description.Trim(), l.Quantity, Money.Round(l.UnitPrice), l.VatRate)));
        NetTotal = _lines.Sum(l => l.NetAmount);
        VatTotal = _lines.Sum(l => l.VatAmount);
        GrossTotal = NetTotal + VatTotal;
    }

    private void EnsureStatus(string code, params PurchaseOrderStatus[] allowed)
    {
        if (!allowed.Contains(Status)) throw new BusinessException(code, StatusCodes.Status409Conflict, Number, Status);
    }
}

internal sealed class PurchaseOrderLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; }
    public Guid? ProductId { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    /// <summary>The agreed net unit price: what the bill is matched against and what received stock is valued at.</summary>
    public decimal UnitPrice { get; private set; }
    public decimal VatRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal VatAmount { get; private set; }
    public decimal ReceivedQuantity { get; private set; }
    public decimal RejectedQuantity { get; private set; }
    public decimal BilledQuantity { get; private set; }

    private PurchaseOrderLine() { }

    public PurchaseOrderLine(int lineNumber, Guid? productId, string description, decimal quantity, decimal unitPrice, decimal vatRate)
    {
        LineNumber = lineNumber;
        ProductId = productId;
        Description = description;
        Quantity = quantity;
        UnitPrice = unitPrice;
        VatRate = vatRate;
        NetAmount = Money.Round(quantity * unitPrice);
        VatAmount = Money.Round(NetAmount * vatRate);
    }

    public void Receive(decimal accepted, decimal rejected)
    {
        ReceivedQuantity += accepted;
        RejectedQuantity += rejected;
    }

    public void Bill(decimal quantity) => BilledQuantity += quantity;
}
