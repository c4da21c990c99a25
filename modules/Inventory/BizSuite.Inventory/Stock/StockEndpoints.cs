using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Inventory.Stock;

/// <summary>On-hand per warehouse, the movement ledger, and manual adjustments.</summary>
internal static class StockEndpoints
{
    public static void MapStockEndpoints(this IEndpointRouteBuilder api)
    {
        var stock = api.MapGroup("/inventory").WithTags("Stock").RequirePermission(InventoryPermissions.Stock);
        stock.MapGet("/stock", ListStockLevels).WithExcelExport();
        stock.MapGet("/movements", ListMovements).WithExcelExport();
        stock.MapPost("/adjustments", AdjustStock).RequirePermission(InventoryPermissions.StockAdjust);
    }

    public static async Task<Ok<PagedResult<StockLevelDto>>> ListStockLevels(StockAppService stock, [AsParameters] PageRequest page, Guid? warehouseId,
        Guid? productId, bool? belowReorderPoint, CancellationToken ct) =>
        TypedResults.Ok(await stock.GetLevelsAsync(page, warehouseId, productId, belowReorderPoint, ct));

    public static async Task<Ok<PagedResult<MovementDto>>> ListMovements(StockAppService stock, [AsParameters] PageRequest page, Guid? warehouseId,
        Guid? productId, Guid? sourceId, MovementKind? kind, CancellationToken ct) =>
        TypedResults.Ok(await stock.GetMovementsAsync(page, warehouseId, productId, sourceId, kind, ct));

    public static async Task<Ok<StockDocumentDto>> AdjustStock(StockAppService stock, AdjustStockRequest request, CancellationToken ct) =>
        TypedResults.Ok(await stock.AdjustAsync(request, ct));
}
