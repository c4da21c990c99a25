using BizSuite.Inventory.Stock;
using BizSuite.Inventory.Stocktakes;
using BizSuite.Inventory.Warehouses;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Inventory;

/// <summary>Entity → DTO mapping of Inventory (Mapperly; common.props says what fails the build).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class InventoryMapper
{
    public static partial WarehouseDto ToDto(this Warehouse warehouse);

    /// <summary>A stock document is known by the number of the document that moved the stock (receipt, delivery, stocktake).</summary>
    [MapProperty(nameof(StockDocument.SourceNumber), nameof(StockDocumentDto.Number))]
    public static partial StockDocumentDto ToDto(this StockDocument document);

    [MapProperty(nameof(Stocktake.Lines), nameof(StocktakeDto.Lines), Use = nameof(BySku))]
    public static partial StocktakeDto ToDto(this Stocktake stocktake);

    [MapPropertyFromSource(nameof(StocktakeLineDto.Difference), Use = nameof(CountedDifference))]
    private static partial StocktakeLineDto ToDto(StocktakeLine line);

    /// <summary>A line not counted yet has no difference, rather than a difference of zero.</summary>
    private static decimal? CountedDifference(StocktakeLine line) => line.CountedQuantity is null ? null : line.Difference;

    // The count sheet reads in SKU order, as the warehouse walks it.
    private static IReadOnlyList<StocktakeLineDto> BySku(IReadOnlyList<StocktakeLine> lines) => lines.OrderBy(l => l.Sku).Select(ToDto).ToList();
}
