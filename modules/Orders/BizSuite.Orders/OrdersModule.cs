using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
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
        context.Services.AddScoped<IDomainEventHandler<ContractSigned>, CreateSalesOrderWhenContractSigned>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.AddGroup("Orders").Add(OrdersPermissions.SalesOrders, OrdersPermissions.SalesOrdersDeliver);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders/sales-orders").WithTags("Sales orders").RequirePermission(OrdersPermissions.SalesOrders);
        orders.MapGet("/", (SalesOrderAppService s, [AsParameters] PageRequest page, Guid? contractId, CancellationToken ct) => s.GetListAsync(page, contractId, ct));
        orders.MapGet("/{id:guid}", (SalesOrderAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        orders.MapPost("/{id:guid}/deliver", (SalesOrderAppService s, Guid id, DeliverRequest request, CancellationToken ct) => s.DeliverAsync(id, request, ct))
            .RequirePermission(OrdersPermissions.SalesOrdersDeliver);
    }
}
