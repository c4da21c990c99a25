using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
using BizSuite.Orders.Products;
using BizSuite.Orders.SalesOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Orders;

public sealed class OrdersModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<OrdersDbContext>();
        context.Services.AddScoped<SalesOrderAppService>();
        context.Services.AddScoped<ISalesOrderDirectory, SalesOrderDirectory>();
        context.Services.AddScoped<DeliveryNote>();
        context.Services.AddScoped<IProductAppService, ProductAppService>();
        context.Services.AddScoped<ProductImporter>();
        context.Services.AddScoped<IDomainEventHandler<ContractSigned>, CreateSalesOrderWhenContractSigned>();
        context.Services.AddScoped<IDomainEventHandler<CollectionStatusChanged>, UpdateCollectionStatusWhenCollectionChanged>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.AddGroup("Orders")
            .Add(OrdersPermissions.SalesOrders, OrdersPermissions.SalesOrdersDeliver)
            .Add(OrdersPermissions.Products, OrdersPermissions.ProductsManage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders/sales-orders").WithTags("Sales orders").RequirePermission(OrdersPermissions.SalesOrders);
        orders.MapGet("/", (SalesOrderAppService s, [AsParameters] PageRequest page, Guid? contractId, Guid? customerId, CancellationToken ct) =>
            s.GetListAsync(page, contractId, customerId, ct)).WithExcelExport();
        orders.MapGet("/{id:guid}", (SalesOrderAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        orders.MapGet("/{id:guid}/deliveries/{deliveryId:guid}/pdf", DeliveryNote.DownloadAsync);
        orders.MapPost("/{id:guid}/deliver", (SalesOrderAppService s, Guid id, DeliverRequest request, CancellationToken ct) => s.DeliverAsync(id, request, ct))
            .RequirePermission(OrdersPermissions.SalesOrdersDeliver);

        var products = api.MapGroup("/orders/products").WithTags("Products").RequirePermission(OrdersPermissions.Products);
        products.MapGet("/", (IProductAppService s, [AsParameters] PageRequest page, bool? active, CancellationToken ct) => s.GetListAsync(page, active, ct)).WithExcelExport();
        products.MapGet("/{id:guid}", (IProductAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        products.MapPost("/", async (IProductAppService s, SaveProductRequest request, CancellationToken ct) =>
        {
            var product = await s.CreateAsync(request, ct);
            return Results.Created($"/api/orders/products/{product.Id}", product);
        }).RequirePermission(OrdersPermissions.ProductsManage);
        products.MapPut("/{id:guid}", (IProductAppService s, Guid id, SaveProductRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(OrdersPermissions.ProductsManage);
        products.MapPost("/{id:guid}/deactivate", (IProductAppService s, Guid id, CancellationToken ct) => s.SetActiveAsync(id, false, ct))
            .RequirePermission(OrdersPermissions.ProductsManage);
        products.MapPost("/{id:guid}/activate", (IProductAppService s, Guid id, CancellationToken ct) => s.SetActiveAsync(id, true, ct))
            .RequirePermission(OrdersPermissions.ProductsManage);
        products.MapImport<ProductImporter>(OrdersPermissions.ProductsManage);
    }
}
