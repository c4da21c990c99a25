using BizSuite.Inventory.Data;
using BizSuite.Inventory.Stock;
using BizSuite.Inventory.Stocktakes;
using BizSuite.Inventory.Warehouses;
using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Purchasing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Inventory;

/// <summary>Stock (进销存): warehouses, on-hand at moving-average cost, the movement ledger, stocktakes and reorder points.</summary>
public sealed class InventoryModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<InventoryDbContext>();
        services.AddScoped<WarehouseAppService>();
        services.AddScoped<IWarehouseAppService>(sp => sp.GetRequiredService<WarehouseAppService>());
        services.AddScoped<IWarehouseDirectory, WarehouseDirectory>();
        services.AddScoped<StockLedger>();
        services.AddScoped<StockAppService>();
        services.AddScoped<IStockAppService>(sp => sp.GetRequiredService<StockAppService>());
        services.AddScoped<StocktakeAppService>();
        services.AddScoped<IDomainEventHandler<GoodsReceived>, ReceiveStockWhenGoodsReceived>();
        services.AddScoped<IDomainEventHandler<SupplierBillPosted>, RevalueStockWhenBillPriceDiffers>();
        services.AddScoped<IDomainEventHandler<DeliveryRecorded>, IssueStockWhenDeliveryRecorded>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Inventory")
        .Add(InventoryPermissions.Stock, InventoryPermissions.StockAdjust)
        .Add(InventoryPermissions.Warehouses, InventoryPermissions.WarehousesManage)
        .Add(InventoryPermissions.Products, InventoryPermissions.ProductsManage)
        .Add(InventoryPermissions.Stocktakes, InventoryPermissions.StocktakesPost);

    public override void DefineSettings(SettingDefinitionContext context) =>
        context.Add(InventorySettings.AllowNegativeStock, "false", v => v is "true" or "false");

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var warehouses = api.MapGroup("/inventory/warehouses").WithTags("Warehouses").RequirePermission(InventoryPermissions.Warehouses);
        warehouses.MapGet("/", (WarehouseAppService s, [AsParameters] PageRequest page, bool? active, CancellationToken ct) => s.GetListAsync(page, active, ct))
            .WithExcelExport();
        warehouses.MapGet("/{id:guid}", (WarehouseAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        warehouses.MapPost("/", async (WarehouseAppService s, SaveWarehouseRequest request, CancellationToken ct) =>
        {
            var warehouse = await s.CreateAsync(request, ct);
            return Results.Created($"/api/inventory/warehouses/{warehouse.Id}", warehouse);
        }).RequirePermission(InventoryPermissions.WarehousesManage);
        warehouses.MapPut("/{id:guid}", (WarehouseAppService s, Guid id, SaveWarehouseRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(InventoryPermissions.WarehousesManage);
        warehouses.MapPost("/{id:guid}/deactivate", (WarehouseAppService s, Guid id, CancellationToken ct) => s.SetActiveAsync(id, false, ct))
            .RequirePermission(InventoryPermissions.WarehousesManage);
        warehouses.MapPost("/{id:guid}/activate", (WarehouseAppService s, Guid id, CancellationToken ct) => s.SetActiveAsync(id, true, ct))
            .RequirePermission(InventoryPermissions.WarehousesManage);

        var products = api.MapGroup("/inventory/products").WithTags("Stock items").RequirePermission(InventoryPermissions.Products);
        products.MapGet("/", (StockAppService s, [AsParameters] PageRequest page, bool? tracked, CancellationToken ct) => s.GetItemsAsync(page, tracked, ct))
            .WithExcelExport();
        products.MapPut("/{productId:guid}", (StockAppService s, Guid productId, SaveStockItemRequest request, CancellationToken ct) =>
            s.SaveItemAsync(productId, request, ct)).RequirePermission(InventoryPermissions.ProductsManage);

        var stock = api.MapGroup("/inventory").WithTags("Stock").RequirePermission(InventoryPermissions.Stock);
        stock.MapGet("/stock", (StockAppService s, [AsParameters] PageRequest page, Guid? warehouseId, Guid? productId, bool? belowReorderPoint,
            CancellationToken ct) => s.GetLevelsAsync(page, warehouseId, productId, belowReorderPoint, ct)).WithExcelExport();
        stock.MapGet("/movements", (StockAppService s, [AsParameters] PageRequest page, Guid? warehouseId, Guid? productId, Guid? sourceId,
            MovementKind? kind, CancellationToken ct) => s.GetMovementsAsync(page, warehouseId, productId, sourceId, kind, ct)).WithExcelExport();
        stock.MapPost("/adjustments", (StockAppService s, AdjustStockRequest request, CancellationToken ct) => s.AdjustAsync(request, ct))
            .RequirePermission(InventoryPermissions.StockAdjust);

        var stocktakes = api.MapGroup("/inventory/stocktakes").WithTags("Stocktakes").RequirePermission(InventoryPermissions.Stocktakes);
        stocktakes.MapGet("/", (StocktakeAppService s, [AsParameters] PageRequest page, Guid? warehouseId, StocktakeStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, warehouseId, status, ct)).WithExcelExport();
        stocktakes.MapGet("/{id:guid}", (StocktakeAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        stocktakes.MapPost("/", async (StocktakeAppService s, StartStocktakeRequest request, CancellationToken ct) =>
        {
            var stocktake = await s.StartAsync(request, ct);
            return Results.Created($"/api/inventory/stocktakes/{stocktake.Id}", stocktake);
        });
        stocktakes.MapPut("/{id:guid}/counts", (StocktakeAppService s, Guid id, RecordCountsRequest request, CancellationToken ct) =>
            s.RecordCountsAsync(id, request, ct));
        stocktakes.MapPost("/{id:guid}/post", (StocktakeAppService s, Guid id, CancellationToken ct) => s.PostAsync(id, ct))
            .RequirePermission(InventoryPermissions.StocktakesPost);
    }
}
