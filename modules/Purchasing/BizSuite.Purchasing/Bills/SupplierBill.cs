using BizSuite.Kernel;
using BizSuite.Purchasing.Orders;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Purchasing.Bills;

/// <summary>
/// A supplier's bill (进项发票/应付发票) against one purchase order. It is posted only when the three-way match passes, or
/// overridden with a reason by someone allowed to; posting raises <see cref="SupplierBillPosted"/> (the payable in Finance).
/// Finance's payment marks it paid.
/// </summary>
[Audited]
internal sealed class SupplierBill : AggregateRoot, IMultiTenant
{
    private readonly List<SupplierBillLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public string SupplierInvoiceNumber { get; private set; } = "";
    public Guid SupplierId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public DateOnly BillDate { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Currency { get; private set; } = "";
    public decimal NetTotal { get; private set; }
    public decimal VatTotal { get; private set; }
    public decimal GrossTotal { get; private set; }
    public SupplierBillStatus Status { get; private set; }
    public bool Overridden { get; private set; }
    public string? OverrideReason { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public IReadOnlyList<SupplierBillLine> Lines => _lines;

    private SupplierBill() { }

    /// <summary>
    /// Matches and posts in one step: a mismatch without an override is refused (422 listing the lines) and nothing changes.
    /// The order's lines count the billed quantities, so a second bill cannot bill the same receipt again.
    /// </summary>
    public static SupplierBill Post(string number, PurchaseOrder order, string supplierInvoiceNumber, DateOnly billDate, int paymentTermDays,
        IReadOnlyList<BillLineRequest> lines, decimal priceTolerancePercent, string? overrideReason, IReadOnlyDictionary<Guid, Guid>? receivedInto = null)
    {
        order.EnsureBillable();
        var match = ThreeWayMatch.Check(order, lines, priceTolerancePercent);
        if (!match.Matched && overrideReason is null)
            throw new BusinessException(PurchasingErrors.BillMismatch, StatusCodes.Status422UnprocessableEntity,
                match.Lines.Count(l => !l.PriceMatched || !l.QuantityMatched), order.Number)
            {
                Extensions = new Dictionary<string, object?> { ["lines"] = match.Lines },
            };
        var bill = new SupplierBill
        {
            Number = number,
            SupplierInvoiceNumber = supplierInvoiceNumber.Trim(),
            SupplierId = order.SupplierId,
            SupplierName = order.SupplierName,
            OrderId = order.Id,
            OrderNumber = order.Number,
            BillDate = billDate,
            DueOn = billDate.AddDays(paymentTermDays),
            Currency = order.Currency,
            Status = SupplierBillStatus.Posted,
            Overridden = !match.Matched,
            OverrideReason = match.Matched ? null : overrideReason,
        };
        var billed = new List<BilledLineData>();
        foreach (var result in match.Lines)
        {
            var line = order.Line(result.OrderLineId, "lines");
            var billLine = new SupplierBillLine(line.Id, line.Description, result.Quantity, Money.Round(result.UnitPrice), line.VatRate,
                result.PriceMatched && result.QuantityMatched);
            bill._lines.Add(billLine);
            billed.Add(new BilledLineData(billLine.Id, line.Id, line.ProductId, receivedInto?.TryGetValue(line.Id, out var warehouse) == true ? warehouse : null,
                billLine.Quantity, billLine.UnitPrice, line.UnitPrice));
            order.Bill(line.Id, result.Quantity);
        }
        bill.NetTotal = bill._lines.Sum(l => l.NetAmount);
        bill.VatTotal = bill._lines.Sum(l => l.VatAmount);
        bill.GrossTotal = bill.NetTotal + bill.VatTotal;
        bill.Raise(new SupplierBillPosted(bill.Id, number, bill.SupplierInvoiceNumber, bill.SupplierId, bill.SupplierName, order.Id, order.Number, billDate,
            bill.DueOn, bill.Currency, bill.NetTotal, bill.VatTotal, bill.GrossTotal, bill.Overridden, billed));
        return bill;
    }

    /// <summary>Paid by Finance; a replayed payment changes nothing.</summary>
    public bool MarkPaid(DateOnly paidOn)
    {
        if (Status == SupplierBillStatus.Paid) return false;
        Status = SupplierBillStatus.Paid;
        PaidOn = paidOn;
        return true;
    }
}

internal sealed class SupplierBillLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid OrderLineId { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal VatRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal VatAmount { get; private set; }
    /// <summary>Whether the line passed the match when posted (false only on an overridden bill).</summary>
    public bool Matched { get; private set; }

    private SupplierBillLine() { }

    public SupplierBillLine(Guid orderLineId, string description, decimal quantity, decimal unitPrice, decimal vatRate, bool matched)
    {
        OrderLineId = orderLineId;
        Description = description;
        Quantity = quantity;
        UnitPrice = unitPrice;
        VatRate = vatRate;
        NetAmount = Money.Round(quantity * unitPrice);
        VatAmount = Money.Round(NetAmount * vatRate);
        Matched = matched;
    }
}
