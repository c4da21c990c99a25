using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Inventory.Warehouses;

internal static class WarehouseEndpoints
{
    public static void MapWarehouseEndpoints(this IEndpointRouteBuilder api)
    {
        var warehouses = api.MapGroup("/inventory/warehouses").WithTags("Warehouses").RequirePermission(InventoryPermissions.Warehouses);
        warehouses.MapGet("/", ListWarehouses).WithExcelExport();
        warehouses.MapGet("/{id:guid}", GetWarehouse);
        warehouses.MapPost("/", CreateWarehouse).RequirePermission(InventoryPermissions.WarehousesManage);
        warehouses.MapPut("/{id:guid}", UpdateWarehouse).RequirePermission(InventoryPermissions.WarehousesManage);
        warehouses.MapPost("/{id:guid}/deactivate", DeactivateWarehouse).RequirePermission(InventoryPermissions.WarehousesManage);
        warehouses.MapPost("/{id:guid}/activate", ActivateWarehouse).RequirePermission(InventoryPermissions.WarehousesManage);
    }

    public static async Task<Ok<PagedResult<WarehouseDto>>> ListWarehouses(WarehouseAppService warehouses, [AsParameters] PageRequest page, bool? active,
        CancellationToken ct) =>
        TypedResults.Ok(await warehouses.GetListAsync(page, active, ct));

    public static async Task<Ok<WarehouseDto>> GetWarehouse(WarehouseAppService warehouses, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await warehouses.GetAsync(id, ct));

    public static async Task<Created<WarehouseDto>> CreateWarehouse(WarehouseAppService warehouses, SaveWarehouseRequest request, CancellationToken ct)
    {
        var warehouse = await warehouses.CreateAsync(request, ct);
        return TypedResults.Created($"/api/inventory/warehouses/{warehouse.Id}", warehouse);
    }

    public static async Task<Ok<WarehouseDto>> UpdateWarehouse(WarehouseAppService warehouses, Guid id, SaveWarehouseRequest request, CancellationToken ct) =>
        TypedResults.Ok(await warehouses.UpdateAsync(id, request, ct));

    public static async Task<Ok<WarehouseDto>> DeactivateWarehouse(WarehouseAppService warehouses, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await warehouses.SetActiveAsync(id, false, ct));

    public static async Task<Ok<WarehouseDto>> ActivateWarehouse(WarehouseAppService warehouses, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await warehouses.SetActiveAsync(id, true, ct));
}
