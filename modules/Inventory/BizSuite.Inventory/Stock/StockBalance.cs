using BizSuite.Kernel;

namespace BizSuite.Inventory.Stock;

/// <summary>
/// On-hand of one product in one warehouse and its value at moving-average cost (移动加权平均). The value is kept in money
/// (2 decimals) and the average derived from it, so the ledger's values add up to the balance's value to the cent: issuing
/// the last units takes exactly the value left, whatever the rounding of earlier issues.
/// </summary>
internal sealed class StockBalance : AggregateRoot, IMultiTenant
{
    public const int CostDecimals = 4;

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public decimal OnHand { get; private set; }
    public decimal Value { get; private set; }
    public decimal AverageCost { get; private set; }

    /// <summary>
    /// How many ledger rows of each kind this balance has had, kept with it in the moving transaction: the movement list reads its
    /// totals (per warehouse, product and kind) from here instead of counting up to millions of rows.
    /// </summary>
    public int ReceiptCount { get; private set; }
    public int DeliveryCount { get; private set; }
    public int AdjustmentCount { get; private set; }
    public int StocktakeCount { get; private set; }
    public int RevaluationCount { get; private set; }

    private StockBalance() { }

    public static StockBalance Open(Guid productId, Guid warehouseId) => new() { ProductId = productId, WarehouseId = warehouseId };

    /// <summary>Stock in at <paramref name="unitCost"/>: on-hand and value rise, the average is recomputed. Returns the value received.</summary>
    public decimal Receive(decimal quantity, decimal unitCost)
    {
        if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), "A receipt brings a positive quantity.");
        var value = Money.Round(quantity * unitCost);
        OnHand += quantity;
        Value += value;
        // Below zero (negative stock allowed) there is no meaningful average: the newest cost is the best estimate.
        AverageCost = OnHand > 0 ? Math.Round(Value / OnHand, CostDecimals, MidpointRounding.AwayFromZero) : unitCost;
        return value;
    }

    /// <summary>Stock out at the average cost; the last units take the value that is left. Returns the (positive) value issued.</summary>
    public decimal Issue(decimal quantity)
    {
        if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), "An issue takes a positive quantity.");
        var value = quantity == OnHand ? Value : Money.Round(quantity * AverageCost);
        OnHand -= quantity;
        Value -= value;
        return value;
    }

    /// <summary>
    /// A value change without quantity (a bill's price variance on goods still here): the average follows the value. Returns the value
    /// taken: the share of <paramref name="difference"/> for the units of <paramref name="quantity"/> still on hand, the rest belongs to
    /// units already gone.
    /// </summary>
    public decimal Revalue(decimal quantity, decimal difference)
    {
        if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), "A revaluation is for a positive quantity.");
        var value = OnHand <= 0 ? 0m : Money.Round(difference * Math.Min(OnHand, quantity) / quantity);
        Value += value;
        if (OnHand > 0) AverageCost = Math.Round(Value / OnHand, CostDecimals, MidpointRounding.AwayFromZero);
        return value;
    }

    /// <summary>Counts a ledger row written for this balance.</summary>
    public void Counted(MovementKind kind)
    {
        switch (kind)
        {
            case MovementKind.Receipt: ReceiptCount++; break;
            case MovementKind.Delivery: DeliveryCount++; break;
            case MovementKind.Adjustment: AdjustmentCount++; break;
            case MovementKind.Stocktake: StocktakeCount++; break;
            case MovementKind.Revaluation: RevaluationCount++; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Raises <see cref="StockLow"/> when this movement took on-hand from at or above the reorder point to below it (once per fall).</summary>
    public void WatchReorderPoint(decimal onHandBefore, StockItem item, string warehouseName)
    {
        if (item.ReorderPoint > 0 && onHandBefore >= item.ReorderPoint && OnHand < item.ReorderPoint)
            Raise(new StockLow(ProductId, item.Sku, item.Name, WarehouseId, warehouseName, OnHand, item.ReorderPoint, item.ReorderQuantity));
    }
}
