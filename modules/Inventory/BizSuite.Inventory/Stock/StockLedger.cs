using BizSuite.Inventory.Data;
using BizSuite.Inventory.Warehouses;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Inventory.Stock;

/// <summary>A bill's price difference (signed, to the cent) for <paramref name="Quantity"/> units of a product received into a warehouse.</summary>
internal sealed record StockRevaluation(Guid ProductId, Guid WarehouseId, decimal Quantity, decimal Difference);

/// <summary>A change of one product's stock: positive comes in at <paramref name="UnitCost"/> (else at the average), negative goes out at the average.</summary>
internal sealed record StockChange(Guid ProductId, decimal Quantity, decimal? UnitCost);

/// <summary>
/// The one way stock moves: locks the balances a document touches, checks the whole document before anything moves (a delivery
/// beyond on-hand changes nothing), then writes balances, ledger rows and the document in the caller's unit of work.
/// </summary>
internal sealed class StockLedger(InventoryDbContext db, ICurrentTenant currentTenant, SettingStore settings)
{
    public Task<bool> PostedAsync(string sourceType, Guid sourceId, CancellationToken ct) =>
        db.Documents.AnyAsync(d => d.SourceType == sourceType && d.SourceId == sourceId, ct);

    /// <summary>Which of these products have tracked stock (free-text lines, services and untracked products move nothing).</summary>
    public async Task<IReadOnlySet<Guid>> TrackedAsync(IEnumerable<Guid?> productIds, CancellationToken ct)
    {
        var ids = productIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return new HashSet<Guid>();
        return (await db.StockItems.AsNoTracking().Where(i => i.IsTracked && ids.Contains(i.ProductId)).Select(i => i.ProductId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Moves the stock; returns the signed value each change moved, in the order given.</summary>
    public async Task<IReadOnlyList<decimal>> PostAsync(StockDocument document, IReadOnlyList<StockChange> changes, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == document.WarehouseId, ct)
            ?? throw new BusinessException(InventoryErrors.UnknownWarehouse, StatusCodes.Status422UnprocessableEntity, document.WarehouseId) { Field = "warehouseId" };
        if (!warehouse.IsActive && changes.Any(c => c.Quantity > 0))
            throw new BusinessException(InventoryErrors.InactiveWarehouse, StatusCodes.Status422UnprocessableEntity, warehouse.Name) { Field = "warehouseId" };
        var productIds = changes.Select(c => c.ProductId).Distinct().Order().ToList();
        var items = await db.StockItems.Where(i => productIds.Contains(i.ProductId)).ToDictionaryAsync(i => i.ProductId, ct);
        foreach (var productId in productIds)
            if (!items.TryGetValue(productId, out var item) || !item.IsTracked)
                throw new BusinessException(InventoryErrors.NotStockTracked, StatusCodes.Status422UnprocessableEntity, item?.Label ?? productId.ToString()) { Field = "lines" };

        var balances = await LockAsync(warehouse.Id, productIds, ct);
        await EnsureAvailableAsync(changes, balances, items, ct);

        var values = new List<decimal>(changes.Count);
        foreach (var change in changes)
        {
            var item = items[change.ProductId];
            var balance = balances[change.ProductId];
            var before = balance.OnHand;
            decimal value, unitCost;
            if (change.Quantity > 0)
            {
                unitCost = change.UnitCost ?? balance.AverageCost;
                if (change.UnitCost is null && unitCost == 0)
                    throw new BusinessException(InventoryErrors.UnitCostRequired, StatusCodes.Status400BadRequest, item.Label) { Field = "lines" };
                value = balance.Receive(change.Quantity, unitCost);
            }
            else
            {
                unitCost = balance.AverageCost;
                value = -balance.Issue(-change.Quantity);
            }
            db.Movements.Add(StockMovement.Of(document, balance, change.Quantity, unitCost, value));
            balance.Counted(document.Kind);
            document.Moved(value);
            balance.WatchReorderPoint(before, item, warehouse.Name);
            values.Add(value);
        }
        db.Documents.Add(document);
        return values;
    }

    /// <summary>
    /// Spreads price differences over the stock they belong to (成本调整): each line's balance takes the share of its units still on hand,
    /// as a ledger row without quantity. Returns the rest, the share of units already delivered or otherwise gone.
    /// </summary>
    public async Task<decimal> RevalueAsync(StockDocument document, IReadOnlyList<StockRevaluation> lines, CancellationToken ct)
    {
        var gone = 0m;
        // In warehouse and product order, as every document locks, so two never deadlock.
        foreach (var line in lines.OrderBy(l => l.WarehouseId).ThenBy(l => l.ProductId))
        {
            var balance = (await LockAsync(line.WarehouseId, [line.ProductId], ct))[line.ProductId];
            var value = balance.Revalue(line.Quantity, line.Difference);
            if (value != 0)
            {
                db.Movements.Add(StockMovement.Of(document, balance, 0m, balance.AverageCost, value));
                balance.Counted(document.Kind);
                document.Moved(value);
            }
            gone += line.Difference - value;
        }
        db.Documents.Add(document);
        return gone;
    }

    /// <summary>
    /// Locks the balance rows (in product order, so two documents over the same products never deadlock) before reading them:
    /// of two deliveries of the last unit, the second waits, then sees none left. A balance that does not exist yet is opened.
    /// </summary>
    private async Task<Dictionary<Guid, StockBalance>> LockAsync(Guid warehouseId, IReadOnlyList<Guid> productIds, CancellationToken ct)
    {
        var tenantId = currentTenant.Id;
        foreach (var productId in productIds)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT Id FROM inventory_stock_balances WHERE TenantId = {tenantId} AND WarehouseId = {warehouseId} AND ProductId = {productId} FOR UPDATE", ct);
        var balances = await db.Balances.Where(b => b.WarehouseId == warehouseId && productIds.Contains(b.ProductId)).ToDictionaryAsync(b => b.ProductId, ct);
        foreach (var productId in productIds.Where(p => !balances.ContainsKey(p)))
        {
            var opened = StockBalance.Open(productId, warehouseId);
            db.Balances.Add(opened);
            balances[productId] = opened;
        }
        return balances;
    }

    /// <summary>Refuses the whole document when a product would go below zero, unless the tenant allows negative stock.</summary>
    private async Task EnsureAvailableAsync(IReadOnlyList<StockChange> changes, Dictionary<Guid, StockBalance> balances, Dictionary<Guid, StockItem> items,
        CancellationToken ct)
    {
        var shortages = changes.GroupBy(c => c.ProductId)
            .Select(g => (ProductId: g.Key, Net: g.Sum(c => c.Quantity)))
            .Where(p => p.Net < 0 && balances[p.ProductId].OnHand + p.Net < 0)
            .ToList();
        if (shortages.Count == 0) return;
        if (await settings.GetAsync(InventorySettings.AllowNegativeStock, ct) == "true") return;
        var (productId, net) = shortages[0];
        throw new BusinessException(InventoryErrors.InsufficientStock, StatusCodes.Status422UnprocessableEntity, items[productId].Label,
            Quantity(balances[productId].OnHand), Quantity(-net)) { Field = "lines" };
    }

    private static string Quantity(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
