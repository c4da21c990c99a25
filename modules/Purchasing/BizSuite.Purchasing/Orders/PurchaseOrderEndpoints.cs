using BizSuite.Kernel;
using BizSuite.Purchasing.Receipts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Purchasing.Orders;

internal static class PurchaseOrderEndpoints
{
    public static void MapPurchaseOrderEndpoints(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/purchasing/orders").WithTags("Purchase orders").RequirePermission(PurchasingPermissions.Orders);
        orders.MapGet("/", ListPurchaseOrders).WithExcelExport();
        orders.MapGet("/{id:guid}", GetPurchaseOrder);
        orders.MapGet("/{id:guid}/pdf", GetPurchaseOrderPdf);
        orders.MapPost("/{id:guid}/email", SendPurchaseOrder).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/", CreatePurchaseOrder).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPut("/{id:guid}", AdjustPurchaseOrder).RequirePermission(PurchasingPermissions.OrdersManage);
        // The buyer keeps an order's custom fields in any status; the lines are adjusted only while it is a draft.
        orders.MapPut("/{id:guid}/custom-fields", SetPurchaseOrderCustomFields).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/{id:guid}/confirm", ConfirmPurchaseOrder).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/{id:guid}/cancel", CancelPurchaseOrder).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/{id:guid}/receipts", ReceiveGoods).RequirePermission(PurchasingPermissions.Receipts);
    }

    public static async Task<Ok<PagedResult<PurchaseOrderDto>>> ListPurchaseOrders(PurchaseOrderAppService orders, [AsParameters] PageRequest page,
        PurchaseOrderStatus? status, Guid? supplierId, Guid? requestId, string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await orders.GetListAsync(page, status, supplierId, requestId, customField, customValue, ct));

    public static async Task<Ok<PurchaseOrderDto>> GetPurchaseOrder(PurchaseOrderAppService orders, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await orders.GetAsync(id, ct));

    public static async Task<FileContentHttpResult> GetPurchaseOrderPdf(PurchaseOrderDocument document, Guid id, string? lang, CancellationToken ct)
    {
        var (pdf, number) = await document.RenderAsync(id, DocumentLanguages.Parse(lang), ct);
        return TypedResults.File(pdf, "application/pdf", $"{number}.pdf");
    }

    /// <summary>Queued: the mail goes out with the order's PDF once this request has committed.</summary>
    public static async Task<Accepted> SendPurchaseOrder(PurchaseOrderMail mail, Guid id, CancellationToken ct)
    {
        await mail.SendAsync(id, ct);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Created<PurchaseOrderDto>> CreatePurchaseOrder(PurchaseOrderAppService orders, SavePurchaseOrderRequest request,
        CancellationToken ct)
    {
        var order = await orders.CreateAsync(request, ct);
        return TypedResults.Created($"/api/purchasing/orders/{order.Id}", order);
    }

    public static async Task<Ok<PurchaseOrderDto>> AdjustPurchaseOrder(PurchaseOrderAppService orders, Guid id, SavePurchaseOrderRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await orders.AdjustAsync(id, request, ct));

    public static async Task<Ok<PurchaseOrderDto>> SetPurchaseOrderCustomFields(PurchaseOrderAppService orders, Guid id, SaveCustomFieldValuesRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await orders.SetCustomFieldsAsync(id, request, ct));

    public static async Task<Ok<PurchaseOrderDto>> ConfirmPurchaseOrder(PurchaseOrderAppService orders, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await orders.ConfirmAsync(id, ct));

    public static async Task<Ok<PurchaseOrderDto>> CancelPurchaseOrder(PurchaseOrderAppService orders, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await orders.CancelAsync(id, ct));

    public static async Task<Created<GoodsReceiptDto>> ReceiveGoods(GoodsReceiptAppService receipts, Guid id, ReceiveGoodsRequest request,
        CancellationToken ct)
    {
        var receipt = await receipts.ReceiveAsync(id, request, ct);
        return TypedResults.Created($"/api/purchasing/receipts/{receipt.Id}", receipt);
    }
}
