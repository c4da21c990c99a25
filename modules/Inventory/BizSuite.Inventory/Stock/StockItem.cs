using BizSuite.Kernel;
using BizSuite.Orders;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Inventory.Stock;

/// <summary>
/// A catalogue product as Inventory sees it: whether its stock is tracked (services never are) and its reorder point (再订货点).
/// SKU, name and unit are copied from the catalogue when the settings are saved, so stock lists never ask Orders.
/// </summary>
[Audited]
internal sealed class StockItem : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public bool IsTracked { get; private set; }
    public decimal ReorderPoint { get; private set; }
    /// <summary>What is usually ordered when stock falls below the reorder point (经济订货量); null when not set.</summary>
    public decimal? ReorderQuantity { get; private set; }

    private StockItem() { }

    public static StockItem For(ProductDto product) => new() { ProductId = product.Id };

    /// <summary>Untracking is refused while stock is on hand: its value would vanish from the ledger.</summary>
    public void Configure(ProductDto product, SaveStockItemRequest settings, decimal onHand)
    {
        if (settings.IsTracked && product.Kind == ProductKind.Service)
            throw new BusinessException(InventoryErrors.ServiceNotStockTracked, StatusCodes.Status422UnprocessableEntity, product.Sku) { Field = "isTracked" };
        if (!settings.IsTracked && IsTracked && onHand != 0)
            throw new BusinessException(InventoryErrors.StockStillOnHand, StatusCodes.Status409Conflict, product.Sku, onHand) { Field = "isTracked" };
        Sku = product.Sku;
        Name = product.Name;
        Unit = product.Unit;
        IsTracked = settings.IsTracked;
        ReorderPoint = settings.ReorderPoint;
        ReorderQuantity = settings.ReorderQuantity;
    }

    public string Label => $"{Sku} {Name}";
}
