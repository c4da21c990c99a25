using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Inventory.Stock;

/// <summary>Catalogue products as stock items: whether stock is tracked for them and their reorder points.</summary>
internal static class StockItemEndpoints
{
    public static void MapStockItemEndpoints(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/inventory/products").WithTags("Stock items").RequirePermission(InventoryPermissions.Products);
        products.MapGet("/", ListStockItems).WithExcelExport();
        products.MapPut("/{productId:guid}", SaveStockItem).RequirePermission(InventoryPermissions.ProductsManage);
    }

    public static async Task<Ok<PagedResult<StockItemDto>>> ListStockItems(StockAppService stock, [AsParameters] PageRequest page, bool? tracked,
        CancellationToken ct) =>
        TypedResults.Ok(await stock.GetItemsAsync(page, tracked, ct));

    public static async Task<Ok<StockItemDto>> SaveStockItem(StockAppService stock, Guid productId, SaveStockItemRequest request, CancellationToken ct) =>
        TypedResults.Ok(await stock.SaveItemAsync(productId, request, ct));
}
