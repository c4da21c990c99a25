using BizSuite.Kernel;
using BizSuite.Purchasing.Orders;
using Shouldly;

namespace BizSuite.Purchasing.Tests;

public sealed class PurchaseOrderTests
{
    [Fact]
    public void A_new_order_is_a_draft_with_rounded_line_amounts_and_raises_PurchaseOrderCreated()
    {
        var order = new PurchaseOrder("CG202600007", Guid.NewGuid(), "供应商", Guid.NewGuid(), "QG202600001", "CNY", null,
            [new SavePurchaseOrderLine(null, "纸", 3m, 3.335m, 0.13m)]);
        order.Status.ShouldBe(PurchaseOrderStatus.Draft);
        var line = order.Lines.ShouldHaveSingleItem();
        (line.UnitPrice, line.NetAmount, line.VatAmount).ShouldBe((3.34m, 10.02m, 1.30m));
        (order.NetTotal, order.VatTotal, order.GrossTotal).ShouldBe((10.02m, 1.30m, 11.32m));
        var created = order.RaisedEvents.Select(e => e.Event).OfType<PurchaseOrderCreated>().ShouldHaveSingleItem();
        (created.OrderNumber, created.GrossTotal, created.RequestId).ShouldBe(("CG202600007", 11.32m, order.RequestId));
    }

    [Fact]
    public void The_buyer_adjusts_a_draft_but_not_a_confirmed_order()
    {
        var order = new PurchaseOrder("CG202600001", Guid.NewGuid(), "供应商", null, null, "CNY", null, [new SavePurchaseOrderLine(null, "纸", 3m, 10m, 0.13m)]);
        order.Adjust(new DateOnly(2026, 12, 31), [new SavePurchaseOrderLine(null, "纸", 5m, 9.5m, 0.13m)]);
        (order.NetTotal, order.ExpectedOn).ShouldBe((47.50m, new DateOnly(2026, 12, 31)));
        order.Confirm();
        Should.Throw<BusinessException>(() => order.Adjust(null, [new SavePurchaseOrderLine(null, "纸", 1m, 1m, 0m)])).Code
            .ShouldBe(PurchasingErrors.OrderNotDraft);
        Should.Throw<BusinessException>(order.Confirm).StatusCode.ShouldBe(409);
    }

    [Fact]
    public void Partial_then_full_receipt_moves_the_status_and_rejected_units_do_not_count()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 6m, 1m, "破损")], 0m);
        order.Status.ShouldBe(PurchaseOrderStatus.PartiallyReceived);
        (order.First().ReceivedQuantity, order.First().RejectedQuantity).ShouldBe((6m, 1m));
        order.Receive([new ReceiveLine(order.First().Id, 4m), new ReceiveLine(order.Second().Id, 4m)], 0m);
        order.Status.ShouldBe(PurchaseOrderStatus.Received);
    }

    [Fact]
    public void Over_receipt_is_refused_beyond_the_tolerance_and_allowed_up_to_its_edge()
    {
        var order = Builders.ConfirmedOrder();
        var refused = Should.Throw<BusinessException>(() => order.Receive([new ReceiveLine(order.First().Id, 10.0001m)], 0m));
        (refused.Code, refused.StatusCode, refused.Field).ShouldBe((PurchasingErrors.OverReceipt, 422, "lines[0].acceptedQuantity"));
        refused.Args.ShouldBe(["螺丝 M6", 10m, 0m, 10m]);
        // 10 % of 10 is 1: 11 is the edge, 11.0001 beyond it.
        Should.Throw<BusinessException>(() => order.Receive([new ReceiveLine(order.First().Id, 11.0001m)], 10m));
        order.Receive([new ReceiveLine(order.First().Id, 11m)], 10m);
        order.First().ReceivedQuantity.ShouldBe(11m);
    }

    [Fact]
    public void A_refused_receipt_moves_no_line_and_two_parts_of_one_line_count_together()
    {
        var order = Builders.ConfirmedOrder();
        Should.Throw<BusinessException>(() => order.Receive(
            [new ReceiveLine(order.Second().Id, 4m), new ReceiveLine(order.First().Id, 6m), new ReceiveLine(order.First().Id, 5m)], 0m))
            .Field.ShouldBe("lines[1].acceptedQuantity");
        order.Lines.ShouldAllBe(l => l.ReceivedQuantity == 0);
        order.Status.ShouldBe(PurchaseOrderStatus.Confirmed);
    }

    [Fact]
    public void Receipts_need_a_confirmed_order_a_known_line_and_some_quantity()
    {
        var draft = new PurchaseOrder("CG202600001", Guid.NewGuid(), "供应商", null, null, "CNY", null, [new SavePurchaseOrderLine(null, "纸", 3m, 10m, 0.13m)]);
        Should.Throw<BusinessException>(() => draft.Receive([new ReceiveLine(draft.Lines[0].Id, 1m)], 0m)).Code.ShouldBe(PurchasingErrors.OrderNotReceivable);
        var order = Builders.ConfirmedOrder();
        Should.Throw<BusinessException>(() => order.Receive([new ReceiveLine(Guid.NewGuid(), 1m)], 0m)).Code.ShouldBe(PurchasingErrors.UnknownOrderLine);
        Should.Throw<BusinessException>(() => order.Receive([new ReceiveLine(order.First().Id, 0m)], 0m)).Code.ShouldBe(PurchasingErrors.EmptyReceipt);
        order.Cancel();
        var cancelled = Should.Throw<BusinessException>(() => order.Receive([new ReceiveLine(order.First().Id, 1m)], 0m));
        (cancelled.Code, cancelled.StatusCode).ShouldBe((PurchasingErrors.OrderNotReceivable, 409));
    }

    [Fact]
    public void An_order_with_receipts_cannot_be_cancelled()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 1m)], 0m);
        Should.Throw<BusinessException>(order.Cancel).Code.ShouldBe(PurchasingErrors.OrderNotCancellable);
    }

    [Fact]
    public void An_order_closes_only_when_received_billed_and_paid()
    {
        var order = Builders.ConfirmedOrder();
        order.Receive([new ReceiveLine(order.First().Id, 10m), new ReceiveLine(order.Second().Id, 4m)], 0m);
        order.CloseIfSettled(allBillsPaid: true).ShouldBeFalse(); // nothing billed yet
        order.Bill(order.First().Id, 10m);
        order.Bill(order.Second().Id, 4m);
        order.CloseIfSettled(allBillsPaid: false).ShouldBeFalse();
        order.CloseIfSettled(allBillsPaid: true).ShouldBeTrue();
        order.Status.ShouldBe(PurchaseOrderStatus.Closed);
    }
}
