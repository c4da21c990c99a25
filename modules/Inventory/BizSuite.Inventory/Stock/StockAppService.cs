using BizSuite.Inventory.Data;
using BizSuite.Kernel;
using BizSuite.Orders;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Inventory.Stock;

internal sealed class StockAppService(InventoryDbContext db, StockLedger ledger, IProductAppService products, DocumentNumbers numbers, TimeProvider clock)
    : IStockAppService
{
    /// <summary>Products with stock settings, with on-hand and value over all warehouses.</summary>
    public async Task<PagedResult<StockItemDto>> GetItemsAsync(PageRequest page, bool? tracked, CancellationToken ct)
    {
        var query = db.StockItems.AsNoTracking();
        if (tracked is not null) query = query.Where(i => i.IsTracked == tracked);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(i => i.Sku.Contains(page.Filter) || i.Name.Contains(page.Filter));
        query = query.SortBy(page, ("sku", i => i.Sku), ("name", i => i.Name), ("reorderPoint", i => i.ReorderPoint));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var ids = items.Select(i => i.ProductId).ToList();
        var totals = await db.Balances.AsNoTracking().Where(b => ids.Contains(b.ProductId))
            .GroupBy(b => b.ProductId).Select(g => new { ProductId = g.Key, OnHand = g.Sum(b => b.OnHand), Value = g.Sum(b => b.Value) })
            .ToDictionaryAsync(t => t.ProductId, ct);
        return new PagedResult<StockItemDto>(items.Select(i => new StockItemDto(i.ProductId, i.Sku, i.Name, i.Unit, i.IsTracked, i.ReorderPoint,
            totals.GetValueOrDefault(i.ProductId)?.OnHand ?? 0, totals.GetValueOrDefault(i.ProductId)?.Value ?? 0, i.ReorderQuantity)).ToList(),
            await query.LongCountAsync(ct));
    }

    /// <summary>Tracks a catalogue product (404 for an unknown one) and sets its reorder point.</summary>
    public async Task<StockItemDto> SaveItemAsync(Guid productId, SaveStockItemRequest request, CancellationToken ct)
    {
        var product = await products.GetAsync(productId, ct);
        var item = await db.StockItems.FirstOrDefaultAsync(i => i.ProductId == productId, ct);
        if (item is null) db.StockItems.Add(item = StockItem.For(product));
        var onHand = await db.Balances.Where(b => b.ProductId == productId).SumAsync(b => b.OnHand, ct);
        var value = await db.Balances.Where(b => b.ProductId == productId).SumAsync(b => b.Value, ct);
        item.Configure(product, request, onHand);
        return new StockItemDto(item.ProductId, item.Sku, item.Name, item.Unit, item.IsTracked, item.ReorderPoint, onHand, value, item.ReorderQuantity);
    }

    /// <summary>
    /// The stock overview: one row per product and warehouse that has ever held it. The page is read in SKU order through the items'
    /// (TenantId, Sku) index and the warehouse names for its rows afterwards: joining the warehouses into it made MariaDB sort the
    /// whole tenant's balances in a temporary table for every page.
    /// </summary>
    public async Task<PagedResult<StockLevelDto>> GetLevelsAsync(PageRequest page, Guid? warehouseId, Guid? productId, bool? belowReorderPoint,
        CancellationToken ct)
    {
        var query = from b in db.Balances.AsNoTracking()
                    join i in db.StockItems.AsNoTracking() on b.ProductId equals i.ProductId
                    select new { b, i };
        if (warehouseId is not null) query = query.Where(x => x.b.WarehouseId == warehouseId);
        if (productId is not null) query = query.Where(x => x.b.ProductId == productId);
        if (belowReorderPoint == true) query = query.Where(x => x.i.ReorderPoint > 0 && x.b.OnHand < x.i.ReorderPoint);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(x => x.i.Sku.Contains(page.Filter) || x.i.Name.Contains(page.Filter));
        var sorted = query.SortBy(page, ("sku", x => x.i.Sku), ("name", x => x.i.Name),
            ("warehouse", x => db.Warehouses.Where(w => w.Id == x.b.WarehouseId).Select(w => w.Code).FirstOrDefault()), ("onHand", x => x.b.OnHand),
            ("value", x => x.b.Value));
        var rows = await sorted.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var warehouseIds = rows.Select(x => x.b.WarehouseId).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return new PagedResult<StockLevelDto>(rows.Select(x => new StockLevelDto(x.i.ProductId, x.i.Sku, x.i.Name, x.i.Unit, x.b.WarehouseId,
            warehouses.GetValueOrDefault(x.b.WarehouseId) ?? "", x.b.OnHand, x.b.AverageCost, x.b.Value, x.i.ReorderPoint,
            x.i.ReorderPoint > 0 && x.b.OnHand < x.i.ReorderPoint)).ToList(), await query.LongCountAsync(ct));
    }

    /// <summary>The movement ledger, newest first (ids are time-ordered).</summary>
    public async Task<PagedResult<MovementDto>> GetMovementsAsync(PageRequest page, Guid? warehouseId, Guid? productId, Guid? sourceId, MovementKind? kind,
        CancellationToken ct)
    {
        var movements = db.Movements.AsNoTracking();
        if (warehouseId is not null) movements = movements.Where(m => m.WarehouseId == warehouseId);
        if (productId is not null) movements = movements.Where(m => m.ProductId == productId);
        if (sourceId is not null) movements = movements.Where(m => m.SourceId == sourceId);
        if (kind is not null) movements = movements.Where(m => m.Kind == kind);
        if (!string.IsNullOrWhiteSpace(page.Filter)) movements = movements.Where(m => m.SourceNumber.Contains(page.Filter));
        var paged = await movements.OrderByDescending(m => m.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var productIds = paged.Select(m => m.ProductId).Distinct().ToList();
        var warehouseIds = paged.Select(m => m.WarehouseId).Distinct().ToList();
        var items = await db.StockItems.AsNoTracking().Where(i => productIds.Contains(i.ProductId)).ToDictionaryAsync(i => i.ProductId, ct);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var total = sourceId is null && string.IsNullOrWhiteSpace(page.Filter)
            ? await MovementCountAsync(warehouseId, productId, kind, ct)
            : await movements.LongCountAsync(ct);
        return new PagedResult<MovementDto>(paged.Select(m => new MovementDto(m.Id, m.OccurredOn, m.Kind, m.ProductId, items.GetValueOrDefault(m.ProductId)?.Sku ?? "",
            items.GetValueOrDefault(m.ProductId)?.Name ?? "", m.WarehouseId, warehouses.GetValueOrDefault(m.WarehouseId) ?? "", m.Quantity, m.UnitCost, m.Value,
            m.OnHandAfter, m.AverageCostAfter, m.SourceType, m.SourceId, m.SourceNumber, m.CreatedAt)).ToList(), total);
    }

    /// <summary>The ledger's size for a warehouse, product and kind, summed from the balances' movement counts.</summary>
    private async Task<long> MovementCountAsync(Guid? warehouseId, Guid? productId, MovementKind? kind, CancellationToken ct)
    {
        var balances = db.Balances.AsNoTracking();
        if (warehouseId is not null) balances = balances.Where(b => b.WarehouseId == warehouseId);
        if (productId is not null) balances = balances.Where(b => b.ProductId == productId);
        return kind switch
        {
            MovementKind.Receipt => await balances.SumAsync(b => (long)b.ReceiptCount, ct),
            MovementKind.Delivery => await balances.SumAsync(b => (long)b.DeliveryCount, ct),
            MovementKind.Adjustment => await balances.SumAsync(b => (long)b.AdjustmentCount, ct),
            MovementKind.Stocktake => await balances.SumAsync(b => (long)b.StocktakeCount, ct),
            MovementKind.Revaluation => await balances.SumAsync(b => (long)b.RevaluationCount, ct),
            _ => await balances.SumAsync(b => (long)b.ReceiptCount + b.DeliveryCount + b.AdjustmentCount + b.StocktakeCount + b.RevaluationCount, ct),
        };
    }

    /// <summary>A manual adjustment (opening stock, breakage, found goods): every line moves, or none.</summary>
    public async Task<StockDocumentDto> AdjustAsync(AdjustStockRequest request, CancellationToken ct)
    {
        var on = request.OccurredOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!await db.Warehouses.AnyAsync(w => w.Id == request.WarehouseId, ct))
            throw new BusinessException(InventoryErrors.UnknownWarehouse, StatusCodes.Status422UnprocessableEntity, request.WarehouseId) { Field = "warehouseId" };
        var document = StockDocument.Adjustment(request.WarehouseId, on, $"TZ{on.Year}{await numbers.NextAsync("inventory-adjustment", ct):D5}", request.Reason);
        await ledger.PostAsync(document, request.Lines.Select(l => new StockChange(l.ProductId, l.Quantity, l.UnitCost)).ToList(), ct);
        return document.ToDto();
    }
}

internal sealed class SaveStockItemRequestValidator : AbstractValidator<SaveStockItemRequest>
{
    public SaveStockItemRequestValidator()
    {
        RuleFor(r => r.ReorderPoint).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        RuleFor(r => r.ReorderQuantity).GreaterThan(0).PrecisionScale(18, 4, ignoreTrailingZeros: true).When(r => r.ReorderQuantity is not null);
    }
}

internal sealed class AdjustStockRequestValidator : AbstractValidator<AdjustStockRequest>
{
    public AdjustStockRequestValidator()
    {
        RuleFor(r => r.WarehouseId).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(400);
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).NotEqual(0).PrecisionScale(18, 4, ignoreTrailingZeros: true);
            line.RuleFor(l => l.UnitCost).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        });
    }
}
