using BizSuite.Kernel;

namespace BizSuite.Orders;

public static class OrdersPermissions
{
    public const string SalesOrders = "Orders.SalesOrders";
    public const string SalesOrdersDeliver = "Orders.SalesOrders.Deliver";
}

public static class OrdersErrors
{
    public const string DeliveryExceedsOrder = "Orders:DeliveryExceedsOrder";
    public const string UnknownOrderLine = "Orders:UnknownOrderLine";
    public const string EmptyDelivery = "Orders:EmptyDelivery";
}

public enum SalesOrderStatus { Open, PartiallyDelivered, Delivered }

/// <summary>A sales order exists for a signed contract.</summary>
public sealed record SalesOrderCreated(Guid OrderId, string OrderNumber, Guid ContractId) : IDomainEvent;

/// <summary>Goods or services went out; Finance invoices the on-delivery installments once the order is fully delivered.</summary>
public sealed record DeliveryRecorded(Guid OrderId, Guid ContractId, Guid DeliveryId, bool OrderFullyDelivered) : IDomainEvent;

public sealed record SalesOrderLineDto(Guid Id, Guid? ProductId, string Description, decimal Quantity, decimal DeliveredQuantity, decimal UnitPrice,
    decimal DiscountRate, decimal VatRate, decimal NetAmount, decimal VatAmount);

public sealed record DeliveryLineDto(Guid OrderLineId, decimal Quantity);

public sealed record DeliveryDto(Guid Id, DateOnly DeliveredOn, string? Note, IReadOnlyList<DeliveryLineDto> Lines);

public sealed record SalesOrderDto(Guid Id, string Number, Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, string Currency,
    SalesOrderStatus Status, decimal NetTotal, decimal VatTotal, decimal GrossTotal, IReadOnlyList<SalesOrderLineDto> Lines,
    IReadOnlyList<DeliveryDto> Deliveries, DateTime CreatedAt);

public sealed record DeliverRequest(DateOnly? DeliveredOn, string? Note, IReadOnlyList<DeliveryLineDto> Lines);
