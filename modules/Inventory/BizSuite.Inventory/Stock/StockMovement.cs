using BizSuite.Kernel;

namespace BizSuite.Inventory.Stock;

/// <summary>
/// One row of the movement ledger (库存流水): never changed or deleted once written. Quantity and value are signed (out is
/// negative); the balance after the movement is kept on the row so the ledger reads as a stock card without summing.
/// </summary>
internal sealed class StockMovement : Entity, IMultiTenant, IAuditedEntity
{
    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public MovementKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitCost { get; private set; }
    public decimal Value { get; private set; }
    public decimal OnHandAfter { get; private set; }
    public decimal AverageCostAfter { get; private set; }
    public string SourceType { get; private set; } = "";
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTime? ModifiedAt { get; private set; }
    public Guid? ModifiedBy { get; private set; }

    private StockMovement() { }

    public static StockMovement Of(StockDocument document, StockBalance balance, decimal quantity, decimal unitCost, decimal value) => new()
    {
        DocumentId = document.Id,
        ProductId = balance.ProductId,
        WarehouseId = balance.WarehouseId,
        Kind = document.Kind,
        OccurredOn = document.OccurredOn,
        Quantity = quantity,
        UnitCost = unitCost,
        Value = value,
        OnHandAfter = balance.OnHand,
        AverageCostAfter = balance.AverageCost,
        SourceType = document.SourceType,
        SourceId = document.SourceId,
        SourceNumber = document.SourceNumber,
    };
}
