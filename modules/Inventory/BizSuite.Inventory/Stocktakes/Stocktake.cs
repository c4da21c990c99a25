using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Inventory.Stocktakes;

/// <summary>
/// A stocktake (盘点) of one warehouse: the system quantities are frozen when the count sheet is opened, counted quantities are
/// entered, and posting books each difference as a stock movement at average cost; Finance books the gains and losses against
/// 待处理财产损溢.
/// </summary>
[Audited]
internal sealed class Stocktake : AggregateRoot, IMultiTenant
{
    private readonly List<StocktakeLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid WarehouseId { get; private set; }
    public string WarehouseName { get; private set; } = "";
    public DateOnly CountedOn { get; private set; }
    public StocktakeStatus Status { get; private set; }
    public decimal GainValue { get; private set; }
    public decimal LossValue { get; private set; }
    public IReadOnlyList<StocktakeLine> Lines => _lines;

    private Stocktake() { }

    public static Stocktake Open(string number, Guid warehouseId, string warehouseName, DateOnly countedOn, IEnumerable<StocktakeLine> lines)
    {
        var stocktake = new Stocktake { Number = number, WarehouseId = warehouseId, WarehouseName = warehouseName, CountedOn = countedOn, Status = StocktakeStatus.Draft };
        stocktake._lines.AddRange(lines);
        return stocktake;
    }

    public void RecordCounts(IReadOnlyList<StocktakeCountRequest> counts)
    {
        EnsureDraft();
        var lines = counts.Select(c => (Line: _lines.FirstOrDefault(l => l.Id == c.LineId)
            ?? throw new BusinessException(InventoryErrors.UnknownStocktakeLine, StatusCodes.Status400BadRequest, c.LineId) { Field = "lines" }, c.CountedQuantity)).ToList();
        foreach (var (line, counted) in lines) line.Count(counted);
    }

    /// <summary>Every line must be counted first: a line left blank would silently count as "no difference".</summary>
    public IReadOnlyList<StocktakeLine> Differences()
    {
        EnsureDraft();
        var uncounted = _lines.Count(l => l.CountedQuantity is null);
        if (uncounted > 0) throw new BusinessException(InventoryErrors.StocktakeNotCounted, StatusCodes.Status422UnprocessableEntity, uncounted) { Field = "lines" };
        return _lines.Where(l => l.Difference != 0).ToList();
    }

    /// <summary>Called once the differences moved the stock, with the value each moved.</summary>
    public void Post()
    {
        EnsureDraft();
        Status = StocktakeStatus.Posted;
        GainValue = _lines.Where(l => l.DifferenceValue > 0).Sum(l => l.DifferenceValue);
        LossValue = -_lines.Where(l => l.DifferenceValue < 0).Sum(l => l.DifferenceValue);
        Raise(new StocktakePosted(Id, Number, WarehouseId, CountedOn, GainValue, LossValue));
    }

    private void EnsureDraft()
    {
        if (Status != StocktakeStatus.Draft) throw new BusinessException(InventoryErrors.StocktakeNotDraft, StatusCodes.Status409Conflict, Number);
    }
}

internal sealed class StocktakeLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; } = "";
    public string ProductName { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public decimal SystemQuantity { get; private set; }
    public decimal? CountedQuantity { get; private set; }
    /// <summary>The average cost when the sheet was opened; the posted value is what the movement actually moved.</summary>
    public decimal UnitCost { get; private set; }
    public decimal DifferenceValue { get; private set; }

    private StocktakeLine() { }

    public StocktakeLine(Guid productId, string sku, string productName, string unit, decimal systemQuantity, decimal unitCost)
    {
        ProductId = productId;
        Sku = sku;
        ProductName = productName;
        Unit = unit;
        SystemQuantity = systemQuantity;
        UnitCost = unitCost;
    }

    public decimal Difference => (CountedQuantity ?? SystemQuantity) - SystemQuantity;

    public void Count(decimal? quantity) => CountedQuantity = quantity;

    public void Moved(decimal value) => DifferenceValue = value;
}
