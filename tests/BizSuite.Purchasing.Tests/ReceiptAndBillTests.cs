using BizSuite.Kernel;
using BizSuite.Purchasing.Bills;
using BizSuite.Purchasing.Receipts;
using Shouldly;

namespace BizSuite.Purchasing.Tests;

public sealed class ReceiptAndBillTests
{
    private static readonly Guid Warehouse = Guid.NewGuid();

    [Fact]
    public void A_receipt_raises_GoodsReceived_with_accepted_lines_at_the_agreed_price_only()
    {
        var order = Builders.ConfirmedOrder();
        var receipt = GoodsReceipt.Record("SH202600001", order, Warehouse, "总仓", new DateOnly(2026, 12, 3), " 到货 ",
            [new ReceiveLine(order.First().Id, 6m, 2m, "锈蚀"), new ReceiveLine(order.Second().Id, 0m, 1m, "未到")], 0m);
        receipt.Lines.Count.ShouldBe(2);
        receipt.Note.ShouldBe("到货");
        var received = receipt.RaisedEvents.Select(e => e.Event).OfType<GoodsReceived>().ShouldHaveSingleItem();
        (received.WarehouseId, received.OrderNumber, received.ReceivedOn).ShouldBe((Warehouse, "CG202600001", new DateOnly(2026, 12, 3)));
        var line = received.Lines.ShouldHaveSingleItem();
        (line.OrderLineId, line.ProductId, line.AcceptedQuantity, line.UnitCost).ShouldBe((order.First().Id, order.First().ProductId, 6m, 12.50m));
    }

    [Fact]
    public void A_receipt_of_rejected_units_only_raises_nothing()
    {
        var order = Builders.ConfirmedOrder();
        var receipt = GoodsReceipt.Record("SH202600002", order, Warehouse, "总仓", new DateOnly(2026, 12, 3), null,
            [new ReceiveLine(order.First().Id, 0m, 3m, "型号不符")], 0m);
        receipt.RaisedEvents.ShouldBeEmpty();
        order.First().RejectedQuantity.ShouldBe(3m);
    }

    [Theory]
    [InlineData(12.50, 0, true)]
    [InlineData(12.51, 0, false)]
    [InlineData(12.49, 0, false)]
    [InlineData(12.75, 2, true)] // 2 % of 12.50 is 0.25: the edge is included
    [InlineData(12.25, 2, true)]
    [InlineData(12.76, 2, false)]
    public void Price_matches_within_the_tolerance_edges_included(decimal billed, decimal tolerance, bool matched)
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 10m)], 0m);
        var result = ThreeWayMatch.Check(order, [new BillLineRequest(order.First().Id, 10m, billed)], tolerance);
        result.Lines.ShouldHaveSingleItem().PriceMatched.ShouldBe(matched);
        result.Matched.ShouldBe(matched);
    }

    [Fact]
    public void Quantity_matches_up_to_what_is_received_and_not_yet_billed_counting_parts_of_one_bill_together()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 6m)], 0m);
        ThreeWayMatch.Check(order, [new BillLineRequest(order.First().Id, 6m, 12.50m)], 0m).Matched.ShouldBeTrue();
        var split = ThreeWayMatch.Check(order, [new BillLineRequest(order.First().Id, 4m, 12.50m), new BillLineRequest(order.First().Id, 3m, 12.50m)], 0m);
        split.Lines.Select(l => (l.BilledBefore, l.QuantityMatched)).ShouldBe([(0m, true), (4m, false)]);
        // Nothing received on line 2: billing it does not match.
        ThreeWayMatch.Check(order, [new BillLineRequest(order.Second().Id, 1m, 100m)], 0m).Lines[0].QuantityMatched.ShouldBeFalse();
    }

    [Fact]
    public void A_matched_bill_posts_with_totals_due_date_and_event_and_counts_as_billed()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 6m), new ReceiveLine(order.Second().Id, 4m)], 0m);
        var bill = SupplierBill.Post("JX202600001", order, " INV-88 ", new DateOnly(2026, 12, 5), 30,
            [new BillLineRequest(order.First().Id, 6m, 12.50m), new BillLineRequest(order.Second().Id, 4m, 100m)], 0m, null);
        (bill.NetTotal, bill.VatTotal, bill.GrossTotal).ShouldBe((475m, 9.75m + 24m, 508.75m));
        (bill.DueOn, bill.SupplierInvoiceNumber, bill.Overridden, bill.Status).ShouldBe((new DateOnly(2027, 1, 4), "INV-88", false, SupplierBillStatus.Posted));
        var posted = bill.RaisedEvents.Select(e => e.Event).OfType<SupplierBillPosted>().ShouldHaveSingleItem();
        (posted.GrossTotal, posted.DueOn, posted.OrderId).ShouldBe((508.75m, new DateOnly(2027, 1, 4), order.Id));
        order.First().BilledQuantity.ShouldBe(6m);
        // The same receipt cannot be billed twice.
        Should.Throw<BusinessException>(() => SupplierBill.Post("JX202600002", order, "INV-89", new DateOnly(2026, 12, 5), 30,
            [new BillLineRequest(order.First().Id, 1m, 12.50m)], 0m, null)).Code.ShouldBe(PurchasingErrors.BillMismatch);
    }

    [Fact]
    public void A_mismatched_bill_is_refused_listing_its_lines_and_changes_nothing()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 6m)], 0m);
        var refused = Should.Throw<BusinessException>(() => SupplierBill.Post("JX202600001", order, "INV-1", new DateOnly(2026, 12, 5), 30,
            [new BillLineRequest(order.First().Id, 6m, 13m), new BillLineRequest(order.Second().Id, 1m, 100m)], 0m, null));
        (refused.Code, refused.StatusCode).ShouldBe((PurchasingErrors.BillMismatch, 422));
        refused.Args.ShouldBe([2, "CG202600001"]);
        var lines = refused.Extensions!["lines"].ShouldBeAssignableTo<IReadOnlyList<BillLineMatchDto>>()!;
        lines.Select(l => (l.PriceMatched, l.QuantityMatched)).ShouldBe([(false, true), (true, false)]);
        order.Lines.ShouldAllBe(l => l.BilledQuantity == 0);
    }

    [Fact]
    public void An_overridden_bill_posts_with_its_reason_and_marks_the_mismatched_lines()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 6m)], 0m);
        var bill = SupplierBill.Post("JX202600001", order, "INV-1", new DateOnly(2026, 12, 5), 0, [new BillLineRequest(order.First().Id, 6m, 13m)], 0m, "运费涨价已确认");
        (bill.Overridden, bill.OverrideReason, bill.NetTotal).ShouldBe((true, "运费涨价已确认", 78m));
        bill.Lines.ShouldHaveSingleItem().Matched.ShouldBeFalse();
        bill.RaisedEvents.Select(e => e.Event).OfType<SupplierBillPosted>().ShouldHaveSingleItem().Overridden.ShouldBeTrue();
        // A reason on a matching bill is no override.
        var other = Received(Builders.ConfirmedOrder());
        var clean = SupplierBill.Post("JX202600002", other, "INV-2", new DateOnly(2026, 12, 5), 0, [new BillLineRequest(other.First().Id, 1m, 12.50m)], 0m, "不需要");
        (clean.Overridden, clean.OverrideReason).ShouldBe((false, null));
    }

    private static Orders.PurchaseOrder Received(Orders.PurchaseOrder order)
    {
        order.Receive([new ReceiveLine(order.First().Id, 1m)], 0m);
        return order;
    }

    [Fact]
    public void Bills_need_a_confirmed_order_and_paying_twice_changes_nothing()
    {
        var draft = new Orders.PurchaseOrder("CG202600001", Guid.NewGuid(), "供应商", null, null, "CNY", null, [new SavePurchaseOrderLine(null, "纸", 3m, 10m, 0.13m)]);
        Should.Throw<BusinessException>(() => SupplierBill.Post("JX1", draft, "INV", new DateOnly(2026, 12, 5), 0,
            [new BillLineRequest(draft.Lines[0].Id, 1m, 10m)], 0m, null)).Code.ShouldBe(PurchasingErrors.OrderNotBillable);
        var order = Received(Builders.ConfirmedOrder());
        var bill = SupplierBill.Post("JX2", order, "INV", new DateOnly(2026, 12, 5), 0, [new BillLineRequest(order.First().Id, 1m, 12.50m)], 0m, null);
        bill.MarkPaid(new DateOnly(2026, 12, 9)).ShouldBeTrue();
        bill.MarkPaid(new DateOnly(2026, 12, 10)).ShouldBeFalse();
        (bill.Status, bill.PaidOn).ShouldBe((SupplierBillStatus.Paid, new DateOnly(2026, 12, 9)));
    }
}
