using BizSuite.Kernel;

namespace BizSuite.Inventory;

/// <summary>Stock left at moving-average cost for a source document (a sales delivery): Finance posts Dr 主营业务成本 / Cr 库存商品.</summary>
public sealed record StockIssued(Guid SourceId, string SourceType, string SourceNumber, DateOnly IssuedOn, decimal TotalCost) : IDomainEvent;

/// <summary>
/// A supplier bill's price differed from the accrual its goods came into stock at: the share of the difference for units still on hand
/// changed their value (<paramref name="StockValue"/>); <paramref name="CostOfSalesValue"/> is the share of units already gone, which Finance
/// moves from 库存商品 to 主营业务成本. Both are signed (negative when the bill is cheaper).
/// </summary>
public sealed record StockRevalued(Guid SourceId, string SourceType, string SourceNumber, DateOnly RevaluedOn, decimal StockValue, decimal CostOfSalesValue)
    : IDomainEvent;

/// <summary>A stocktake was posted: Finance books gains and losses against 待处理财产损溢 and 库存商品.</summary>
public sealed record StocktakePosted(Guid StocktakeId, string StocktakeNumber, Guid WarehouseId, DateOnly CountedOn, decimal GainValue, decimal LossValue)
    : IDomainEvent;

/// <summary>
/// On-hand of a product in a warehouse fell below its reorder point (notifications, webhook <c>inventory.stock.low</c>);
/// <paramref name="ReorderQuantity"/> is the product's usual order quantity, when it has one.
/// </summary>
public sealed record StockLow(Guid ProductId, string Sku, string ProductName, Guid WarehouseId, string WarehouseName, decimal OnHand, decimal ReorderPoint,
    decimal? ReorderQuantity = null) : IDomainEvent;

/// <summary>What other modules may ask Inventory (a goods receipt names a warehouse).</summary>
public interface IWarehouseDirectory
{
    /// <summary>Null for an unknown or inactive warehouse (or another tenant's).</summary>
    Task<string?> FindNameAsync(Guid warehouseId, CancellationToken cancellationToken);
}
