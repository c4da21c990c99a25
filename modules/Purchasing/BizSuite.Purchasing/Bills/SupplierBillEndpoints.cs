using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Purchasing.Bills;

internal static class SupplierBillEndpoints
{
    public static void MapSupplierBillEndpoints(this IEndpointRouteBuilder api)
    {
        var bills = api.MapGroup("/purchasing/bills").WithTags("Supplier bills").RequirePermission(PurchasingPermissions.Bills);
        bills.MapGet("/", ListSupplierBills).WithExcelExport();
        bills.MapGet("/{id:guid}", GetSupplierBill);
        // The preview the bill entry page shows per line; it posts nothing.
        bills.MapPost("/match", MatchSupplierBill).RequirePermission(PurchasingPermissions.BillsManage);
        bills.MapPost("/", EnterSupplierBill).RequirePermission(PurchasingPermissions.BillsManage);
    }

    public static async Task<Ok<PagedResult<SupplierBillDto>>> ListSupplierBills(SupplierBillAppService bills, [AsParameters] PageRequest page,
        Guid? orderId, Guid? supplierId, SupplierBillStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await bills.GetListAsync(page, orderId, supplierId, status, ct));

    public static async Task<Ok<SupplierBillDto>> GetSupplierBill(SupplierBillAppService bills, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await bills.GetAsync(id, ct));

    public static async Task<Ok<BillMatchDto>> MatchSupplierBill(SupplierBillAppService bills, EnterBillRequest request, CancellationToken ct) =>
        TypedResults.Ok(await bills.MatchAsync(request, ct));

    public static async Task<Created<SupplierBillDto>> EnterSupplierBill(SupplierBillAppService bills, EnterBillRequest request, CancellationToken ct)
    {
        var bill = await bills.EnterAsync(request, ct);
        return TypedResults.Created($"/api/purchasing/bills/{bill.Id}", bill);
    }
}
