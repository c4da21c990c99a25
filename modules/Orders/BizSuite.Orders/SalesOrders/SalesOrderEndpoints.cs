using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Orders.SalesOrders;

internal static class SalesOrderEndpoints
{
    public static void MapSalesOrderEndpoints(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders/sales-orders").WithTags("Sales orders").RequirePermission(OrdersPermissions.SalesOrders);
        orders.MapGet("/", ListSalesOrders).WithExcelExport();
        orders.MapGet("/{id:guid}", GetSalesOrder);
        orders.MapGet("/{id:guid}/deliveries/{deliveryId:guid}/pdf", GetDeliveryNotePdf);
        orders.MapPost("/{id:guid}/deliver", DeliverSalesOrder).RequirePermission(OrdersPermissions.SalesOrdersDeliver);
        // Whoever works an order (delivers it) keeps its custom fields; there is no other edit of an order.
        orders.MapPut("/{id:guid}/custom-fields", SetSalesOrderCustomFields).RequirePermission(OrdersPermissions.SalesOrdersDeliver);
    }

    private static async Task<Ok<PagedResult<SalesOrderDto>>> ListSalesOrders(SalesOrderAppService s, [AsParameters] PageRequest page, Guid? contractId,
        Guid? customerId, string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, contractId, customerId, customField, customValue, ct));

    private static async Task<Ok<SalesOrderDto>> SetSalesOrderCustomFields(SalesOrderAppService s, Guid id, SaveCustomFieldValuesRequest request,
        CancellationToken ct) => TypedResults.Ok(await s.SetCustomFieldsAsync(id, request, ct));

    private static async Task<Ok<SalesOrderDto>> GetSalesOrder(SalesOrderAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<FileContentHttpResult> GetDeliveryNotePdf(DeliveryNote note, Guid id, Guid deliveryId, string? lang, CancellationToken ct)
    {
        var (pdf, number) = await note.RenderAsync(id, deliveryId, DocumentLanguages.Parse(lang), ct);
        return TypedResults.File(pdf, "application/pdf", $"{number}.pdf");
    }

    private static async Task<Ok<SalesOrderDto>> DeliverSalesOrder(SalesOrderAppService s, Guid id, DeliverRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.DeliverAsync(id, request, ct));
}
