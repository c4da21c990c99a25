using BizSuite.Kernel;
using BizSuite.Purchasing.Suppliers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Purchasing.Requests;

internal static class PurchaseRequestEndpoints
{
    public static void MapPurchaseRequestEndpoints(this IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/purchasing/requests").WithTags("Purchase requests").RequirePermission(PurchasingPermissions.Requests);
        requests.MapGet("/", ListPurchaseRequests).WithExcelExport();
        requests.MapGet("/{id:guid}", GetPurchaseRequest);
        requests.MapGet("/supplier-choices", ListSupplierChoices);
        requests.MapGet("/product-choices", ListProductChoices).WithSummary("List catalogue products a request line may name");
        requests.MapPost("/", CreatePurchaseRequest);
        requests.MapPut("/{id:guid}", UpdatePurchaseRequest);
        requests.MapPost("/{id:guid}/submit", SubmitPurchaseRequest);
    }

    public static async Task<Ok<PagedResult<PurchaseRequestDto>>> ListPurchaseRequests(PurchaseRequestAppService requests, [AsParameters] PageRequest page,
        bool? all, PurchaseRequestStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await requests.GetListAsync(page, all ?? false, status, ct));

    public static async Task<Ok<PurchaseRequestDto>> GetPurchaseRequest(PurchaseRequestAppService requests, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await requests.GetAsync(id, ct));

    public static async Task<Ok<IReadOnlyList<SupplierChoiceDto>>> ListSupplierChoices(SupplierAppService suppliers, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.ChoicesAsync(ct));

    public static async Task<Ok<IReadOnlyList<ProductChoiceDto>>> ListProductChoices(PurchaseRequestAppService requests, string? filter, Guid? id,
        CancellationToken ct) =>
        TypedResults.Ok(await requests.ProductChoicesAsync(filter, id, ct));

    public static async Task<Created<PurchaseRequestDto>> CreatePurchaseRequest(PurchaseRequestAppService requests, SavePurchaseRequest request,
        CancellationToken ct)
    {
        var created = await requests.CreateAsync(request, ct);
        return TypedResults.Created($"/api/purchasing/requests/{created.Id}", created);
    }

    public static async Task<Ok<PurchaseRequestDto>> UpdatePurchaseRequest(PurchaseRequestAppService requests, Guid id, SavePurchaseRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await requests.UpdateAsync(id, request, ct));

    public static async Task<Ok<PurchaseRequestDto>> SubmitPurchaseRequest(PurchaseRequestAppService requests, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await requests.SubmitAsync(id, ct));
}
