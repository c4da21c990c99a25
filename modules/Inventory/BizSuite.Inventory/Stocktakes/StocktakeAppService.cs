using BizSuite.Inventory.Data;
using BizSuite.Inventory.Stock;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Inventory.Stocktakes;

internal sealed class StocktakeAppService(InventoryDbContext db, StockLedger ledger, DocumentNumbers numbers, TimeProvider clock)
{
    public async Task<PagedResult<StocktakeDto>> GetListAsync(PageRequest page, Guid? warehouseId, StocktakeStatus? status, CancellationToken ct)
    {
        var query = db.Stocktakes.AsNoTracking();
        if (warehouseId is not null) query = query.Where(s => s.WarehouseId == warehouseId);
        if (status is not null) query = query.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(s => s.Number.Contains(page.Filter) || s.WarehouseName.Contains(page.Filter));
        query = page.SortField is null ? query.OrderByDescending(s => s.Id) : query.SortBy(page, ("number", s => s.Number), ("countedOn", s => s.CountedOn));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<StocktakeDto>(items.Select(s => s.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<StocktakeDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    /// <summary>
    /// Opens a count sheet with every tracked product the warehouse holds or has held, its system quantity frozen now.
    /// One open sheet per warehouse: two would count the same goods twice.
    /// </summary>
    public async Task<StocktakeDto> StartAsync(StartStocktakeRequest request, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Id == request.WarehouseId, ct)
            ?? throw new BusinessException(InventoryErrors.UnknownWarehouse, StatusCodes.Status422UnprocessableEntity, request.WarehouseId) { Field = "warehouseId" };
        if (await db.Stocktakes.AnyAsync(s => s.WarehouseId == warehouse.Id && s.Status == StocktakeStatus.Draft, ct))
            throw new BusinessException(InventoryErrors.OpenStocktakeExists, StatusCodes.Status409Conflict, warehouse.Name) { Field = "warehouseId" };
        var rows = await (from b in db.Balances.AsNoTracking()
                          join i in db.StockItems.AsNoTracking() on b.ProductId equals i.ProductId
                          where b.WarehouseId == warehouse.Id && i.IsTracked
                          orderby i.Sku
                          select new { i.ProductId, i.Sku, i.Name, i.Unit, b.OnHand, b.AverageCost }).ToListAsync(ct);
        var on = request.CountedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stocktake = Stocktake.Open($"PD{on.Year}{await numbers.NextAsync("inventory-stocktake", ct):D5}", warehouse.Id, warehouse.Name, on,
            rows.Select(r => new StocktakeLine(r.ProductId, r.Sku, r.Name, r.Unit, r.OnHand, r.AverageCost)));
        db.Stocktakes.Add(stocktake);
        return stocktake.ToDto();
    }

    public async Task<StocktakeDto> RecordCountsAsync(Guid id, RecordCountsRequest request, CancellationToken ct)
    {
        var stocktake = await LoadAsync(id, ct);
        stocktake.RecordCounts(request.Lines);
        return stocktake.ToDto();
    }

    /// <summary>Books every difference as a stocktake movement (gains at the average cost), then Finance books the values.</summary>
    public async Task<StocktakeDto> PostAsync(Guid id, CancellationToken ct)
    {
        var stocktake = await LoadAsync(id, ct);
        var differences = stocktake.Differences();
        if (differences.Count > 0)
        {
            var document = new StockDocument(MovementKind.Stocktake, stocktake.WarehouseId, stocktake.CountedOn, StockSources.Stocktake, stocktake.Id,
                stocktake.Number, null);
            // A gain comes in at the sheet's cost, so a product counted back from zero keeps a cost; the ledger refuses none (counted is real).
            var values = await ledger.PostAsync(document, differences.Select(l => new StockChange(l.ProductId, l.Difference,
                l.UnitCost > 0 ? l.UnitCost : null)).ToList(), ct);
            for (var i = 0; i < differences.Count; i++) differences[i].Moved(values[i]);
        }
        stocktake.Post();
        return stocktake.ToDto();
    }

    private async Task<Stocktake> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Stocktakes.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("Stocktake", id);
}

internal sealed class StartStocktakeRequestValidator : AbstractValidator<StartStocktakeRequest>
{
    public StartStocktakeRequestValidator() => RuleFor(r => r.WarehouseId).NotEmpty();
}

internal sealed class RecordCountsRequestValidator : AbstractValidator<RecordCountsRequest>
{
    public RecordCountsRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LineId).NotEmpty();
            line.RuleFor(l => l.CountedQuantity).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        });
    }
}
