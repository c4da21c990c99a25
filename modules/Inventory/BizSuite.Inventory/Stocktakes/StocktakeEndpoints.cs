using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Inventory.Stocktakes;

internal static class StocktakeEndpoints
{
    public static void MapStocktakeEndpoints(this IEndpointRouteBuilder api)
    {
        var stocktakes = api.MapGroup("/inventory/stocktakes").WithTags("Stocktakes").RequirePermission(InventoryPermissions.Stocktakes);
        stocktakes.MapGet("/", ListStocktakes).WithExcelExport();
        stocktakes.MapGet("/{id:guid}", GetStocktake);
        stocktakes.MapPost("/", StartStocktake);
        stocktakes.MapPut("/{id:guid}/counts", RecordCounts);
        stocktakes.MapPost("/{id:guid}/post", PostStocktake).RequirePermission(InventoryPermissions.StocktakesPost);
    }

    public static async Task<Ok<PagedResult<StocktakeDto>>> ListStocktakes(StocktakeAppService stocktakes, [AsParameters] PageRequest page,
        Guid? warehouseId, StocktakeStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await stocktakes.GetListAsync(page, warehouseId, status, ct));

    public static async Task<Ok<StocktakeDto>> GetStocktake(StocktakeAppService stocktakes, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await stocktakes.GetAsync(id, ct));

    public static async Task<Created<StocktakeDto>> StartStocktake(StocktakeAppService stocktakes, StartStocktakeRequest request, CancellationToken ct)
    {
        var stocktake = await stocktakes.StartAsync(request, ct);
        return TypedResults.Created($"/api/inventory/stocktakes/{stocktake.Id}", stocktake);
    }

    public static async Task<Ok<StocktakeDto>> RecordCounts(StocktakeAppService stocktakes, Guid id, RecordCountsRequest request, CancellationToken ct) =>
        TypedResults.Ok(await stocktakes.RecordCountsAsync(id, request, ct));

    public static async Task<Ok<StocktakeDto>> PostStocktake(StocktakeAppService stocktakes, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await stocktakes.PostAsync(id, ct));
}
