using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Purchasing.Receipts;

/// <summary>Goods are received against their order (<c>POST /purchasing/orders/{id}/receipts</c>); here they are read.</summary>
internal static class GoodsReceiptEndpoints
{
    public static void MapGoodsReceiptEndpoints(this IEndpointRouteBuilder api)
    {
        var receipts = api.MapGroup("/purchasing/receipts").WithTags("Goods receipts").RequirePermission(PurchasingPermissions.Orders);
        receipts.MapGet("/", ListGoodsReceipts).WithExcelExport();
        receipts.MapGet("/{id:guid}", GetGoodsReceipt);
    }

    public static async Task<Ok<PagedResult<GoodsReceiptDto>>> ListGoodsReceipts(GoodsReceiptAppService receipts, [AsParameters] PageRequest page,
        Guid? orderId, CancellationToken ct) =>
        TypedResults.Ok(await receipts.GetListAsync(page, orderId, ct));

    public static async Task<Ok<GoodsReceiptDto>> GetGoodsReceipt(GoodsReceiptAppService receipts, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await receipts.GetAsync(id, ct));
}
