using BizSuite.Orders.Products;
using BizSuite.Orders.SalesOrders;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Orders;

/// <summary>Entity → DTO mapping of Orders (Mapperly; common.props says what fails the build).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class OrdersMapper
{
    public static partial ProductDto ToDto(this Product product);

    private static System.Text.Json.Nodes.JsonObject CustomFieldValues(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    [MapProperty(nameof(SalesOrder.Lines), nameof(SalesOrderDto.Lines), Use = nameof(InLineOrder))]
    [MapProperty(nameof(SalesOrder.Deliveries), nameof(SalesOrderDto.Deliveries), Use = nameof(InDeliveryOrder))]
    public static partial SalesOrderDto ToDto(this SalesOrder order);

    private static partial SalesOrderLineDto ToDto(SalesOrderLine line);

    private static partial DeliveryDto ToDto(Delivery delivery);

    private static partial DeliveryLineDto ToDto(DeliveryLine line);

    // Loaded collections come back in no particular order; the order reads in line order and deliveries by date.
    private static IReadOnlyList<SalesOrderLineDto> InLineOrder(IReadOnlyList<SalesOrderLine> lines) =>
        lines.OrderBy(l => l.LineNumber).Select(ToDto).ToList();

    private static IReadOnlyList<DeliveryDto> InDeliveryOrder(IReadOnlyList<Delivery> deliveries) =>
        deliveries.OrderBy(d => d.DeliveredOn).Select(ToDto).ToList();
}
