using BizSuite.Purchasing.Orders;

namespace BizSuite.Purchasing.Bills;

/// <summary>
/// The three-way match (三单匹配) of a supplier bill against its purchase order and goods receipts: each bill line's unit
/// price must be the order's agreed price within the tolerance (percent of that price, edges included), and its quantity
/// must not exceed what was received and not yet billed.
/// </summary>
internal static class ThreeWayMatch
{
    public static BillMatchDto Check(PurchaseOrder order, IReadOnlyList<BillLineRequest> lines, decimal priceTolerancePercent)
    {
        // Two parts of one order line count together against what is billable.
        var billedInThisBill = new Dictionary<Guid, decimal>();
        var results = lines.Select((l, i) =>
        {
            var line = order.Line(l.OrderLineId, $"lines[{i}].orderLineId");
            var before = line.BilledQuantity + billedInThisBill.GetValueOrDefault(line.Id);
            billedInThisBill[line.Id] = billedInThisBill.GetValueOrDefault(line.Id) + l.Quantity;
            var allowedDifference = line.UnitPrice * priceTolerancePercent / 100m;
            return new BillLineMatchDto(line.Id, line.Description, l.Quantity, l.UnitPrice, line.UnitPrice, line.ReceivedQuantity, before,
                PriceMatched: Math.Abs(l.UnitPrice - line.UnitPrice) <= allowedDifference,
                QuantityMatched: before + l.Quantity <= line.ReceivedQuantity);
        }).ToList();
        return new BillMatchDto(results.All(r => r.PriceMatched && r.QuantityMatched), results);
    }
}
