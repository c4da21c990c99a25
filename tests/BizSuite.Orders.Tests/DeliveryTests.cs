using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders.Products;
using BizSuite.Orders.SalesOrders;
using Shouldly;

namespace BizSuite.Orders.Tests;

/// <summary>A sales order goes out in one or more deliveries (发货), never beyond what the contract ordered.</summary>
public sealed class DeliveryTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly Product Server =
        Product.Create(new SaveProductRequest("srv-r750", "机架式服务器", ProductKind.Product, "台", 25000m, null, 0.13m, "2U, 2 × Xeon"), "CNY");

    /// <summary>4 catalogue servers and 2.5 days of installation written on the contract, as a signed contract hands them on.</summary>
    private static SalesOrder Order()
    {
        ContractLineData[] lines =
        [
            new(1, Server.Id, "服务器", 4m, 25000m, 0m, 0.13m, 100000.00m, 13000.00m),
            new(2, null, "安装调试（人天）", 2.5m, 3200m, 0m, 0.06m, 8000.00m, 480.00m),
        ];
        return SalesOrder.FromContract("SO202600001", new ContractSigned(Guid.NewGuid(), "HT202600001", Guid.NewGuid(), "杭州某某科技有限公司", "CNY",
            Today, 108000.00m, 13480.00m, 121480.00m, lines, [new InstallmentData(1, InstallmentTrigger.OnDelivery, null, 121480.00m)]),
            new Dictionary<Guid, Product> { [Server.Id] = Server });
    }

    private static DeliveryLineDto Part(SalesOrder order, int lineNumber, decimal quantity) =>
        new(order.Lines.Single(l => l.LineNumber == lineNumber).Id, quantity);

    private static Delivery Deliver(SalesOrder order, params DeliveryLineDto[] parts) => order.Deliver(Today, "顺丰 SF1234", parts);

    private static DeliveryRecorded LastDelivery(SalesOrder order) => order.RaisedEvents.Select(e => e.Event).OfType<DeliveryRecorded>().Last();

    private static decimal[] Delivered(SalesOrder order) => order.Lines.OrderBy(l => l.LineNumber).Select(l => l.DeliveredQuantity).ToArray();

    [Fact]
    public void A_new_order_has_the_contracts_lines_and_nothing_delivered()
    {
        var order = Order();

        order.Status.ShouldBe(SalesOrderStatus.Open);
        order.Lines.Select(l => (l.LineNumber, l.Quantity, l.DeliveredQuantity)).ShouldBe([(1, 4m, 0m), (2, 2.5m, 0m)]);
        order.RaisedEvents.Select(e => e.Event).OfType<SalesOrderCreated>().Single().Installments.ShouldHaveSingleItem()
            .Trigger.ShouldBe(InstallmentTrigger.OnDelivery, "the order hands the collection plan on to Finance");
    }

    [Fact]
    public void The_order_hands_on_each_catalogue_lines_unit_and_specification_for_the_invoice()
    {
        var created = Order().RaisedEvents.Select(e => e.Event).OfType<SalesOrderCreated>().Single();

        created.Lines.Select(l => (l.LineNumber, l.Unit, l.Specification, l.Quantity)).ShouldBe([(1, "台", "SRV-R750", 4m), (2, null, null, 2.5m)],
            "a free-text line has no catalogue unit or specification");
    }

    [Fact]
    public void A_partial_delivery_leaves_the_order_partially_delivered()
    {
        var order = Order();

        var delivery = Deliver(order, Part(order, 1, 2m));

        order.Status.ShouldBe(SalesOrderStatus.PartiallyDelivered);
        Delivered(order).ShouldBe([2m, 0m]);
        delivery.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(2m);
        var recorded = LastDelivery(order);
        (recorded.OrderId, recorded.ContractId, recorded.DeliveryId, recorded.OrderFullyDelivered, recorded.DeliveredOn)
            .ShouldBe((order.Id, order.ContractId, delivery.Id, false, Today));
        var servers = order.Lines.Single(l => l.LineNumber == 1);
        recorded.Lines.ShouldBe([new DeliveredLineData(servers.Id, servers.ProductId, "服务器", 2m)], "Inventory takes the product's stock out");
    }

    [Fact]
    public void Delivering_the_rest_in_parts_and_fractions_completes_the_order()
    {
        var order = Order();
        Deliver(order, Part(order, 1, 2m), Part(order, 2, 1.5m));

        Deliver(order, Part(order, 1, 2m), Part(order, 2, 1m));

        order.Status.ShouldBe(SalesOrderStatus.Delivered);
        Delivered(order).ShouldBe([4m, 2.5m]);
        order.Deliveries.Count.ShouldBe(2);
        LastDelivery(order).OrderFullyDelivered.ShouldBeTrue();
        LastDelivery(order).Lines.Select(l => (l.Description, l.Quantity)).ShouldBe([("服务器", 2m), ("安装调试（人天）", 1m)]);
    }

    [Fact]
    public void Delivering_more_than_is_left_on_a_line_is_refused()
    {
        var order = Order();
        Deliver(order, Part(order, 1, 3m));

        var refused = Should.Throw<BusinessException>(() => Deliver(order, Part(order, 1, 2m)));

        (refused.Code, refused.StatusCode, refused.Field).ShouldBe((OrdersErrors.DeliveryExceedsOrder, 400, "lines"));
        refused.Args.ShouldBe(["服务器", 1m], "the line and what is left of it");
        Delivered(order).ShouldBe([3m, 0m]);
    }

    [Fact]
    public void After_fractional_deliveries_only_the_exact_remainder_can_still_go_out()
    {
        var order = Order();
        Deliver(order, Part(order, 2, 1.5m));

        var refused = Should.Throw<BusinessException>(() => Deliver(order, Part(order, 2, 1.25m)));

        refused.Args.ShouldBe(["安装调试（人天）", 1.0m], "1.5 of 2.5 days are done");
        Deliver(order, Part(order, 2, 1.0m));
        Delivered(order).ShouldBe([0m, 2.5m]);
        order.Status.ShouldBe(SalesOrderStatus.PartiallyDelivered, "the servers are still to go");
    }

    [Fact]
    public void A_fully_delivered_order_takes_no_further_delivery()
    {
        var order = Order();
        Deliver(order, Part(order, 1, 4m), Part(order, 2, 2.5m));

        Should.Throw<BusinessException>(() => Deliver(order, Part(order, 2, 0.5m))).Code.ShouldBe(OrdersErrors.DeliveryExceedsOrder);
        (order.Status, order.Deliveries.Count).ShouldBe((SalesOrderStatus.Delivered, 1));
    }

    [Fact]
    public void A_refused_delivery_moves_no_line_at_all()
    {
        var order = Order();

        Should.Throw<BusinessException>(() => Deliver(order, Part(order, 1, 2m), Part(order, 2, 3m))).Code.ShouldBe(OrdersErrors.DeliveryExceedsOrder);

        Delivered(order).ShouldBe([0m, 0m], "the servers stay undelivered when the installation days are too many");
        (order.Status, order.Deliveries.Count).ShouldBe((SalesOrderStatus.Open, 0));
        order.RaisedEvents.Select(e => e.Event).OfType<DeliveryRecorded>().ShouldBeEmpty();
    }

    [Fact]
    public void Two_parts_for_the_same_line_count_together()
    {
        var order = Order();

        Should.Throw<BusinessException>(() => Deliver(order, Part(order, 1, 3m), Part(order, 1, 2m))).Code.ShouldBe(OrdersErrors.DeliveryExceedsOrder);
        Delivered(order).ShouldBe([0m, 0m]);

        Deliver(order, Part(order, 1, 3m), Part(order, 1, 1m));
        Delivered(order).ShouldBe([4m, 0m]);
    }

    [Fact]
    public void A_delivery_of_nothing_or_of_negative_quantities_is_refused()
    {
        var order = Order();

        Should.Throw<BusinessException>(() => Deliver(order)).Code.ShouldBe(OrdersErrors.EmptyDelivery);
        Should.Throw<BusinessException>(() => Deliver(order, Part(order, 1, 0m))).Code.ShouldBe(OrdersErrors.EmptyDelivery);
        Should.Throw<BusinessException>(() => Deliver(order, Part(order, 1, 2m), Part(order, 2, -1m))).Code.ShouldBe(OrdersErrors.EmptyDelivery);
        (order.Status, order.Deliveries.Count).ShouldBe((SalesOrderStatus.Open, 0));
    }

    [Fact]
    public void A_line_of_another_order_is_refused()
    {
        var order = Order();

        var refused = Should.Throw<BusinessException>(() => Deliver(order, Part(Order(), 1, 1m)));

        (refused.Code, refused.StatusCode).ShouldBe((OrdersErrors.UnknownOrderLine, 400));
        Delivered(order).ShouldBe([0m, 0m]);
    }
}
