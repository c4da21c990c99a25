using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Purchasing.Suppliers;

internal static class SupplierEndpoints
{
    public static void MapSupplierEndpoints(this IEndpointRouteBuilder api)
    {
        var suppliers = api.MapGroup("/purchasing/suppliers").WithTags("Suppliers").RequirePermission(PurchasingPermissions.Suppliers);
        suppliers.MapGet("/", ListSuppliers).WithExcelExport();
        suppliers.MapGet("/{id:guid}", GetSupplier);
        suppliers.MapPost("/", CreateSupplier).RequirePermission(PurchasingPermissions.SuppliersManage);
        suppliers.MapPut("/{id:guid}", UpdateSupplier).RequirePermission(PurchasingPermissions.SuppliersManage);
        suppliers.MapImport<SupplierImporter>(PurchasingPermissions.SuppliersManage);
    }

    public static async Task<Ok<PagedResult<SupplierDto>>> ListSuppliers(SupplierAppService suppliers, [AsParameters] PageRequest page, bool? active,
        string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.GetListAsync(page, active, customField, customValue, ct));

    public static async Task<Ok<SupplierDto>> GetSupplier(SupplierAppService suppliers, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.GetAsync(id, ct));

    public static async Task<Created<SupplierDto>> CreateSupplier(SupplierAppService suppliers, SaveSupplierRequest request, CancellationToken ct)
    {
        var supplier = await suppliers.CreateAsync(request, ct);
        return TypedResults.Created($"/api/purchasing/suppliers/{supplier.Id}", supplier);
    }

    public static async Task<Ok<SupplierDto>> UpdateSupplier(SupplierAppService suppliers, Guid id, SaveSupplierRequest request, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.UpdateAsync(id, request, ct));
}
