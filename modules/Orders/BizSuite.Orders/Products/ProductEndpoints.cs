using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Orders.Products;

internal static class ProductEndpoints
{
    public static void MapProductEndpoints(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/orders/products").WithTags("Products").RequirePermission(OrdersPermissions.Products);
        products.MapGet("/", ListProducts).WithExcelExport();
        products.MapGet("/{id:guid}", GetProduct);
        products.MapPost("/", CreateProduct).RequirePermission(OrdersPermissions.ProductsManage);
        products.MapPut("/{id:guid}", UpdateProduct).RequirePermission(OrdersPermissions.ProductsManage);
        products.MapPost("/{id:guid}/deactivate", DeactivateProduct).RequirePermission(OrdersPermissions.ProductsManage);
        products.MapPost("/{id:guid}/activate", ActivateProduct).RequirePermission(OrdersPermissions.ProductsManage);
        products.MapImport<ProductImporter>(OrdersPermissions.ProductsManage);
    }

    private static async Task<Ok<PagedResult<ProductDto>>> ListProducts(IProductAppService s, [AsParameters] PageRequest page, bool? active,
        string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, active, customField, customValue, ct));

    private static async Task<Ok<ProductDto>> GetProduct(IProductAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<ProductDto>> CreateProduct(IProductAppService s, SaveProductRequest request, CancellationToken ct)
    {
        var product = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/orders/products/{product.Id}", product);
    }

    private static async Task<Ok<ProductDto>> UpdateProduct(IProductAppService s, Guid id, SaveProductRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    private static async Task<Ok<ProductDto>> DeactivateProduct(IProductAppService s, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await s.SetActiveAsync(id, false, ct));

    private static async Task<Ok<ProductDto>> ActivateProduct(IProductAppService s, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await s.SetActiveAsync(id, true, ct));
}
