using BizSuite.Inventory.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Inventory.Warehouses;

internal sealed class WarehouseAppService(InventoryDbContext db) : IWarehouseAppService
{
    public async Task<PagedResult<WarehouseDto>> GetListAsync(PageRequest page, bool? active, CancellationToken ct)
    {
        var query = db.Warehouses.AsNoTracking();
        if (active is not null) query = query.Where(w => w.IsActive == active);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(w => w.Code.Contains(page.Filter) || w.Name.Contains(page.Filter));
        query = query.SortBy(page, ("code", w => w.Code), ("name", w => w.Name), ("createdAt", w => w.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<WarehouseDto>(items.Select(w => w.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<WarehouseDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    /// <summary>The first warehouse is the default whatever the request says: deliveries need one to leave from.</summary>
    public async Task<WarehouseDto> CreateAsync(SaveWarehouseRequest request, CancellationToken ct)
    {
        var first = !await db.Warehouses.AnyAsync(ct);
        var warehouse = Warehouse.Create(request with { IsDefault = request.IsDefault || first });
        await EnsureUniqueAsync(warehouse, ct);
        if (warehouse.IsDefault) await ClearOtherDefaultsAsync(warehouse.Id, ct);
        db.Warehouses.Add(warehouse);
        return warehouse.ToDto();
    }

    public async Task<WarehouseDto> UpdateAsync(Guid id, SaveWarehouseRequest request, CancellationToken ct)
    {
        var warehouse = await LoadAsync(id, ct);
        // The default moves by making another one default, never by leaving the tenant without one.
        warehouse.Update(request with { IsDefault = request.IsDefault || warehouse.IsDefault });
        await EnsureUniqueAsync(warehouse, ct);
        if (warehouse.IsDefault) await ClearOtherDefaultsAsync(warehouse.Id, ct);
        return warehouse.ToDto();
    }

    public async Task<WarehouseDto> SetActiveAsync(Guid id, bool isActive, CancellationToken ct)
    {
        var warehouse = await LoadAsync(id, ct);
        if (!isActive && await db.Balances.AnyAsync(b => b.WarehouseId == id && b.OnHand != 0, ct))
            throw new BusinessException(InventoryErrors.WarehouseHasStock, StatusCodes.Status409Conflict, warehouse.Name);
        warehouse.SetActive(isActive);
        return warehouse.ToDto();
    }

    private async Task ClearOtherDefaultsAsync(Guid id, CancellationToken ct)
    {
        foreach (var other in await db.Warehouses.Where(w => w.IsDefault && w.Id != id).ToListAsync(ct)) other.ClearDefault();
    }

    private async Task<Warehouse> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Warehouses.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new EntityNotFoundException("Warehouse", id);

    private async Task EnsureUniqueAsync(Warehouse warehouse, CancellationToken ct)
    {
        if (await db.Warehouses.AnyAsync(w => w.Code == warehouse.Code && w.Id != warehouse.Id, ct))
            throw new BusinessException(InventoryErrors.DuplicateWarehouseCode, StatusCodes.Status409Conflict, warehouse.Code) { Field = "code" };
    }
}

/// <summary>What Purchasing asks before a receipt names a warehouse.</summary>
internal sealed class WarehouseDirectory(InventoryDbContext db) : IWarehouseDirectory
{
    public Task<string?> FindNameAsync(Guid warehouseId, CancellationToken cancellationToken) =>
        db.Warehouses.AsNoTracking().Where(w => w.Id == warehouseId && w.IsActive).Select(w => w.Name).FirstOrDefaultAsync(cancellationToken);
}

internal sealed class SaveWarehouseRequestValidator : AbstractValidator<SaveWarehouseRequest>
{
    public SaveWarehouseRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(Warehouse.CodeMaxLength);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Address).MaximumLength(300);
    }
}
