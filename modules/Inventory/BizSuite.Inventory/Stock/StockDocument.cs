using BizSuite.Kernel;

namespace BizSuite.Inventory.Stock;

/// <summary>
/// The stock side of one source document (a goods receipt, a sales delivery, an adjustment, a stocktake) with the value it
/// moved. One per source (unique), so a replayed event moves no stock twice.
/// </summary>
[Audited]
internal sealed class StockDocument : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public MovementKind Kind { get; private set; }
    public Guid WarehouseId { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string SourceType { get; private set; } = "";
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = "";
    public string? Reason { get; private set; }
    /// <summary>Signed: what came in less what went out.</summary>
    public decimal TotalValue { get; private set; }

    private StockDocument() { }

    public StockDocument(MovementKind kind, Guid warehouseId, DateOnly occurredOn, string sourceType, Guid sourceId, string sourceNumber, string? reason)
    {
        Kind = kind;
        WarehouseId = warehouseId;
        OccurredOn = occurredOn;
        SourceType = sourceType;
        SourceId = sourceId;
        SourceNumber = sourceNumber;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// <summary>An adjustment is its own source: its number is the one users see.</summary>
    public static StockDocument Adjustment(Guid warehouseId, DateOnly occurredOn, string number, string reason)
    {
        var document = new StockDocument(MovementKind.Adjustment, warehouseId, occurredOn, StockSources.Adjustment, Guid.Empty, number, reason);
        document.SourceId = document.Id;
        return document;
    }

    public void Moved(decimal value) => TotalValue += value;

    /// <summary>Finance books the cost of the goods a delivery took out (Dr 主营业务成本 / Cr 库存商品).</summary>
    public void Issued() => Raise(new StockIssued(SourceId, SourceType, SourceNumber, OccurredOn, -TotalValue));

    /// <summary>Finance moves the variance of units already gone from 库存商品 to 主营业务成本; the rest stayed in stock (<see cref="TotalValue"/>).</summary>
    public void Revalued(decimal costOfSales) => Raise(new StockRevalued(SourceId, SourceType, SourceNumber, OccurredOn, TotalValue, costOfSales));
}
