using BizSuite.Kernel;

namespace BizSuite.Inventory;

/// <summary>Warehouse keeper (仓管): warehouses, stock settings, adjustments and stocktakes; anyone with <c>Stock</c> may look.</summary>
public static class InventoryPermissions
{
    public const string Stock = "Inventory.Stock";
    public const string StockAdjust = "Inventory.Stock.Adjust";
    public const string Warehouses = "Inventory.Warehouses";
    public const string WarehousesManage = "Inventory.Warehouses.Manage";
    public const string Products = "Inventory.Products";
    public const string ProductsManage = "Inventory.Products.Manage";
    public const string Stocktakes = "Inventory.Stocktakes";
    public const string StocktakesPost = "Inventory.Stocktakes.Post";
}

public static class InventoryErrors
{
    public const string InsufficientStock = "Inventory:InsufficientStock";
    public const string NoDefaultWarehouse = "Inventory:NoDefaultWarehouse";
    public const string UnknownWarehouse = "Inventory:UnknownWarehouse";
    public const string InactiveWarehouse = "Inventory:InactiveWarehouse";
    public const string DuplicateWarehouseCode = "Inventory:DuplicateWarehouseCode";
    public const string InvalidWarehouseCode = "Inventory:InvalidWarehouseCode";
    public const string ServiceNotStockTracked = "Inventory:ServiceNotStockTracked";
    public const string NotStockTracked = "Inventory:NotStockTracked";
    public const string StockStillOnHand = "Inventory:StockStillOnHand";
    public const string WarehouseHasStock = "Inventory:WarehouseHasStock";
    public const string UnitCostRequired = "Inventory:UnitCostRequired";
    public const string StocktakeNotDraft = "Inventory:StocktakeNotDraft";
    public const string StocktakeNotCounted = "Inventory:StocktakeNotCounted";
    public const string UnknownStocktakeLine = "Inventory:UnknownStocktakeLine";
    public const string OpenStocktakeExists = "Inventory:OpenStocktakeExists";
}

public static class InventorySettings
{
    /// <summary>"true" lets deliveries take more than is on hand (goods shipped before their receipt is booked).</summary>
    public const string AllowNegativeStock = "Inventory.AllowNegativeStock";
}

/// <summary>Source types of stock documents; a document is unique per source, so a replayed event moves nothing twice.</summary>
public static class StockSources
{
    public const string GoodsReceipt = "goods-receipt";
    public const string SalesDelivery = "sales-delivery";
    public const string Adjustment = "adjustment";
    public const string Stocktake = "stocktake";
    /// <summary>A supplier bill whose price differs from the receipt's accrual revalues the stock it bought.</summary>
    public const string SupplierBill = "supplier-bill";
}

/// <summary>What a ledger row records: 入库, 出库, 调整, 盘点, 成本调整 (a value change without quantity: a bill's price variance).</summary>
public enum MovementKind { Receipt, Delivery, Adjustment, Stocktake, Revaluation }

public sealed record WarehouseDto(Guid Id, string Code, string Name, string? Address, bool IsDefault, bool IsActive, DateTime CreatedAt);

public sealed record SaveWarehouseRequest(string Code, string Name, string? Address, bool IsDefault);

/// <summary>
/// A catalogue product as Inventory keeps it: tracked or not, the on-hand below which it should be reordered, and the quantity
/// usually ordered then (null: as much as brings it back to the reorder point).
/// </summary>
public sealed record StockItemDto(Guid ProductId, string Sku, string Name, string Unit, bool IsTracked, decimal ReorderPoint, decimal OnHand,
    decimal Value, decimal? ReorderQuantity);

public sealed record SaveStockItemRequest(bool IsTracked, decimal ReorderPoint, decimal? ReorderQuantity = null);

/// <summary>On-hand of one product in one warehouse at moving-average cost (移动加权平均).</summary>
public sealed record StockLevelDto(Guid ProductId, string Sku, string ProductName, string Unit, Guid WarehouseId, string WarehouseName,
    decimal OnHand, decimal AverageCost, decimal Value, decimal ReorderPoint, bool BelowReorderPoint);

/// <summary>One row of the immutable movement ledger (库存流水).</summary>
public sealed record MovementDto(Guid Id, DateOnly OccurredOn, MovementKind Kind, Guid ProductId, string Sku, string ProductName, Guid WarehouseId,
    string WarehouseName, decimal Quantity, decimal UnitCost, decimal Value, decimal OnHandAfter, decimal AverageCostAfter, string SourceType,
    Guid SourceId, string SourceNumber, DateTime CreatedAt);

/// <summary>Quantity is signed: positive brings stock in (at <paramref name="UnitCost"/>), negative takes it out at average cost.</summary>
public sealed record AdjustmentLineRequest(Guid ProductId, decimal Quantity, decimal? UnitCost);

/// <summary>A manual adjustment (opening stock, breakage) in one warehouse, with its reason.</summary>
public sealed record AdjustStockRequest(Guid WarehouseId, DateOnly? OccurredOn, string Reason, IReadOnlyList<AdjustmentLineRequest> Lines);

public sealed record StockDocumentDto(Guid Id, string Number, MovementKind Kind, Guid WarehouseId, DateOnly OccurredOn, string? Reason, decimal TotalValue);

public enum StocktakeStatus { Draft, Posted }

public sealed record StocktakeLineDto(Guid Id, Guid ProductId, string Sku, string ProductName, string Unit, decimal SystemQuantity,
    decimal? CountedQuantity, decimal? Difference, decimal UnitCost, decimal DifferenceValue);

/// <summary>A count sheet (盘点单) of one warehouse: system quantities frozen when it is opened, counted ones entered, differences posted.</summary>
public sealed record StocktakeDto(Guid Id, string Number, Guid WarehouseId, string WarehouseName, DateOnly CountedOn, StocktakeStatus Status,
    decimal GainValue, decimal LossValue, IReadOnlyList<StocktakeLineDto> Lines, DateTime CreatedAt);

public sealed record StartStocktakeRequest(Guid WarehouseId, DateOnly? CountedOn);

public sealed record StocktakeCountRequest(Guid LineId, decimal? CountedQuantity);

public sealed record RecordCountsRequest(IReadOnlyList<StocktakeCountRequest> Lines);

/// <summary>Warehouses as the host's demo seeding (and any module setting up a tenant) creates them.</summary>
public interface IWarehouseAppService
{
    Task<WarehouseDto> CreateAsync(SaveWarehouseRequest request, CancellationToken cancellationToken);
}

/// <summary>Stock settings and adjustments (opening stock) as the host's demo seeding makes them.</summary>
public interface IStockAppService
{
    Task<StockItemDto> SaveItemAsync(Guid productId, SaveStockItemRequest request, CancellationToken cancellationToken);
    Task<StockDocumentDto> AdjustAsync(AdjustStockRequest request, CancellationToken cancellationToken);
}
