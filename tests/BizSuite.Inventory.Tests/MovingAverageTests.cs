using BizSuite.Inventory.Stock;
using BizSuite.Inventory.Stocktakes;
using BizSuite.Kernel;
using BizSuite.Orders;
using Shouldly;

namespace BizSuite.Inventory.Tests;

/// <summary>Moving-average valuation (移动加权平均): receipts recompute the average, issues take it, the value adds up to the cent.</summary>
public sealed class MovingAverageTests
{
    private static StockBalance Balance() => StockBalance.Open(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void A_receipt_recomputes_the_average_from_value_and_quantity()
    {
        var balance = Balance();
        balance.Receive(10m, 100m).ShouldBe(1000m);
        balance.Receive(5m, 130m).ShouldBe(650m);

        (balance.OnHand, balance.Value, balance.AverageCost).ShouldBe((15m, 1650m, 110m));
    }

    [Fact]
    public void A_balance_counts_its_ledger_rows_per_kind()
    {
        var balance = Balance();
        foreach (var kind in new[] { MovementKind.Receipt, MovementKind.Receipt, MovementKind.Delivery, MovementKind.Adjustment, MovementKind.Stocktake })
            balance.Counted(kind);

        (balance.ReceiptCount, balance.DeliveryCount, balance.AdjustmentCount, balance.StocktakeCount).ShouldBe((2, 1, 1, 1));
    }

    [Fact]
    public void An_issue_takes_the_average_cost_and_does_not_change_it()
    {
        var balance = Balance();
        balance.Receive(10m, 100m);
        balance.Receive(5m, 130m);

        balance.Issue(4m).ShouldBe(440m);

        (balance.OnHand, balance.Value, balance.AverageCost).ShouldBe((11m, 1210m, 110m));
    }

    [Fact]
    public void The_average_is_rounded_to_four_decimals_and_the_last_units_take_the_value_left()
    {
        var balance = Balance();
        balance.Receive(3m, 10m);
        balance.Receive(3m, 10.01m); // 60.03 for 6: 10.005 each

        balance.AverageCost.ShouldBe(10.005m);
        balance.Issue(1m).ShouldBe(10.01m, "10.005 rounds half away from zero");
        balance.Issue(1m).ShouldBe(10.01m);
        balance.Issue(4m).ShouldBe(40.01m, "the last four take what is left, not 4 × 10.005 = 40.02");

        (balance.OnHand, balance.Value).ShouldBe((0m, 0m));
    }

    [Fact]
    public void A_thousand_single_issues_of_a_third_cost_leave_no_cent_behind()
    {
        var balance = Balance();
        balance.Receive(1000m, 0.3333m); // 333.30

        decimal issued = 0;
        for (var i = 0; i < 1000; i++) issued += balance.Issue(1m);

        issued.ShouldBe(333.30m);
        balance.Value.ShouldBe(0m);
    }

    [Fact]
    public void A_fractional_receipt_rounds_its_value_to_the_cent()
    {
        var balance = Balance();

        balance.Receive(2.5m, 3.333m).ShouldBe(8.33m);

        balance.AverageCost.ShouldBe(3.332m);
    }

    [Fact]
    public void Below_zero_the_newest_cost_is_the_average()
    {
        var balance = Balance();
        balance.Receive(1m, 100m);
        balance.Issue(3m).ShouldBe(300m);

        balance.Receive(1m, 120m);

        (balance.OnHand, balance.AverageCost).ShouldBe((-1m, 120m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Zero_or_negative_quantities_are_not_movements(int quantity)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Balance().Receive(quantity, 1m));
        Should.Throw<ArgumentOutOfRangeException>(() => Balance().Issue(quantity));
    }

    [Fact]
    public void A_price_variance_goes_to_the_units_still_on_hand_and_the_rest_is_left_for_cost_of_sales()
    {
        var balance = Balance();
        balance.Receive(12m, 130m);
        balance.Issue(6m);
        balance.Revalue(12m, 24m).ShouldBe(12m, "6 of the 12 billed units are still here");
        (balance.OnHand, balance.Value, balance.AverageCost).ShouldBe((6m, 792m, 132m));

        var gone = Balance();
        gone.Receive(3m, 10m);
        gone.Issue(3m);
        gone.Revalue(3m, -1.5m).ShouldBe(0m, "nothing left to carry it");
        (gone.OnHand, gone.Value).ShouldBe((0m, 0m));
    }
}

/// <summary>Falling below the reorder point (再订货点) is announced once per fall.</summary>
public sealed class ReorderPointTests
{
    private static StockItem Item(decimal reorderPoint)
    {
        var product = new ProductDto(Guid.NewGuid(), "SRV-R750", "机架式服务器", ProductKind.Product, "台", 25000m, "CNY", 0.13m, true, null, DateTime.UtcNow, []);
        var item = StockItem.For(product);
        item.Configure(product, new SaveStockItemRequest(true, reorderPoint), 0m);
        return item;
    }

    private static StockLow[] Lows(StockBalance balance) => balance.RaisedEvents.Select(e => e.Event).OfType<StockLow>().ToArray();

    [Fact]
    public void Crossing_below_the_reorder_point_raises_stock_low_once()
    {
        var item = Item(5m);
        var balance = StockBalance.Open(item.ProductId, Guid.NewGuid());
        balance.Receive(6m, 10m);

        var before = balance.OnHand;
        balance.Issue(2m);
        balance.WatchReorderPoint(before, item, "主仓库");
        before = balance.OnHand;
        balance.Issue(1m);
        balance.WatchReorderPoint(before, item, "主仓库");

        var low = Lows(balance).ShouldHaveSingleItem();
        (low.Sku, low.WarehouseName, low.OnHand, low.ReorderPoint).ShouldBe(("SRV-R750", "主仓库", 4m, 5m));
    }

    [Fact]
    public void Landing_exactly_on_the_reorder_point_or_having_none_raises_nothing()
    {
        var item = Item(5m);
        var balance = StockBalance.Open(item.ProductId, Guid.NewGuid());
        balance.Receive(6m, 10m);
        balance.Issue(1m);
        balance.WatchReorderPoint(6m, item, "主仓库");

        var none = Item(0m);
        var other = StockBalance.Open(none.ProductId, Guid.NewGuid());
        other.Receive(1m, 10m);
        other.Issue(1m);
        other.WatchReorderPoint(1m, none, "主仓库");

        Lows(balance).ShouldBeEmpty();
        Lows(other).ShouldBeEmpty();
    }

    [Fact]
    public void Services_are_never_stock_tracked_and_stock_on_hand_keeps_a_product_tracked()
    {
        var service = new ProductDto(Guid.NewGuid(), "SVC-IMPL", "实施服务", ProductKind.Service, "小时", 1000m, "CNY", 0.06m, true, null, DateTime.UtcNow, []);
        var refused = Should.Throw<BusinessException>(() => StockItem.For(service).Configure(service, new SaveStockItemRequest(true, 0m), 0m));
        (refused.Code, refused.StatusCode).ShouldBe((InventoryErrors.ServiceNotStockTracked, 422));

        var item = Item(0m);
        var product = new ProductDto(item.ProductId, "SRV-R750", "机架式服务器", ProductKind.Product, "台", 25000m, "CNY", 0.13m, true, null, DateTime.UtcNow, []);
        Should.Throw<BusinessException>(() => item.Configure(product, new SaveStockItemRequest(false, 0m), 3m)).Code.ShouldBe(InventoryErrors.StockStillOnHand);
        item.Configure(product, new SaveStockItemRequest(false, 0m), 0m);
        item.IsTracked.ShouldBeFalse();
    }
}

/// <summary>A count sheet: every line counted before posting, differences valued by what the movements moved, posted once.</summary>
public sealed class StocktakeTests
{
    private static Stocktake Sheet() => Stocktake.Open("PD202600001", Guid.NewGuid(), "主仓库", new DateOnly(2026, 12, 31),
    [
        new StocktakeLine(Guid.NewGuid(), "A-1", "甲", "个", 10m, 5m),
        new StocktakeLine(Guid.NewGuid(), "B-1", "乙", "个", 4m, 2.5m),
        new StocktakeLine(Guid.NewGuid(), "C-1", "丙", "个", 7m, 1m),
    ]);

    [Fact]
    public void Posting_needs_every_line_counted()
    {
        var sheet = Sheet();
        sheet.RecordCounts([new(sheet.Lines[0].Id, 9m)]);

        var refused = Should.Throw<BusinessException>(() => sheet.Differences());
        (refused.Code, refused.Args[0]).ShouldBe((InventoryErrors.StocktakeNotCounted, (object)2));
    }

    [Fact]
    public void Differences_become_gains_and_losses_and_the_sheet_is_posted_once()
    {
        var sheet = Sheet();
        sheet.RecordCounts([new(sheet.Lines[0].Id, 9m), new(sheet.Lines[1].Id, 6m), new(sheet.Lines[2].Id, 7m)]);

        var differences = sheet.Differences();
        differences.Select(l => (l.Sku, l.Difference)).ShouldBe([("A-1", -1m), ("B-1", 2m)]);
        differences[0].Moved(-5m);
        differences[1].Moved(5m);
        sheet.Post();

        (sheet.Status, sheet.GainValue, sheet.LossValue).ShouldBe((StocktakeStatus.Posted, 5m, 5m));
        var posted = sheet.RaisedEvents.Select(e => e.Event).OfType<StocktakePosted>().ShouldHaveSingleItem();
        (posted.StocktakeNumber, posted.GainValue, posted.LossValue).ShouldBe(("PD202600001", 5m, 5m));
        Should.Throw<BusinessException>(() => sheet.Post()).Code.ShouldBe(InventoryErrors.StocktakeNotDraft);
        Should.Throw<BusinessException>(() => sheet.RecordCounts([new(sheet.Lines[0].Id, 1m)])).StatusCode.ShouldBe(409);
    }

    [Fact]
    public void A_count_for_a_line_of_another_sheet_is_refused()
    {
        var refused = Should.Throw<BusinessException>(() => Sheet().RecordCounts([new(Guid.NewGuid(), 1m)]));
        (refused.Code, refused.StatusCode, refused.Field).ShouldBe((InventoryErrors.UnknownStocktakeLine, 400, "lines"));
    }
}
