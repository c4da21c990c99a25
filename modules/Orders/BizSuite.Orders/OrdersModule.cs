using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
using BizSuite.Orders.Products;
using BizSuite.Orders.SalesOrders;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Orders;

public sealed class OrdersModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<OrdersDbContext>();
        context.Services.AddScoped<SalesOrderAppService>();
        context.Services.AddTimelineRecord<OrdersDbContext, SalesOrder>(OrdersRecordTypes.SalesOrder, OrdersPermissions.SalesOrders, "/orders/sales-orders/{id}");
        context.Services.AddSearch<OrdersDbContext, SalesOrder>(OrdersPermissions.SalesOrders, db => db.SalesOrders, o => new SearchHit(o.Id, o.Number, o.CustomerName));
        context.Services.AddScoped<ISalesOrderDirectory, SalesOrderDirectory>();
        context.Services.AddScoped<DeliveryNote>();
        context.Services.AddScoped<IProductAppService, ProductAppService>();
        context.Services.AddScoped<ProductImporter>();
        context.Services.AddScoped<ICustomFieldEntity, ProductCustomFields>();
        context.Services.AddScoped<ICustomFieldEntity, SalesOrderCustomFields>();
        context.Services.AddScoped<IDomainEventHandler<ContractSigned>, CreateSalesOrderWhenContractSigned>();
        context.Services.AddScoped<IDomainEventHandler<CollectionStatusChanged>, UpdateCollectionStatusWhenCollectionChanged>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.AddGroup("Orders")
            .Add(OrdersPermissions.SalesOrders, OrdersPermissions.SalesOrdersDeliver)
            .Add(OrdersPermissions.Products, OrdersPermissions.ProductsManage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapSalesOrderEndpoints();
        api.MapProductEndpoints();
    }
}
