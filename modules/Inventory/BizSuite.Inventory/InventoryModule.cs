using BizSuite.Inventory.Data;
using BizSuite.Inventory.Stock;
using BizSuite.Inventory.Stocktakes;
using BizSuite.Inventory.Warehouses;
using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Purchasing;
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
        api.MapWarehouseEndpoints();
        api.MapStockItemEndpoints();
        api.MapStockEndpoints();
        api.MapStocktakeEndpoints();
    }
}
