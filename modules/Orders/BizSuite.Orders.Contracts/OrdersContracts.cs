using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;

namespace BizSuite.Orders;

/// <summary>The orders records with a timeline (<c>/api/oa/timeline/{type}/{id}</c>).</summary>
public static class OrdersRecordTypes
{
    public const string SalesOrder = "orders.sales-order";
}

public static class OrdersPermissions
{
    public const string SalesOrders = "Orders.SalesOrders";
    public const string SalesOrdersDeliver = "Orders.SalesOrders.Deliver";
    public const string Products = "Orders.Products";
    public const string ProductsManage = "Orders.Products.Manage";
}

public static class OrdersErrors
{
    public const string DeliveryExceedsOrder = "Orders:DeliveryExceedsOrder";
    public const string UnknownOrderLine = "Orders:UnknownOrderLine";
    public const string EmptyDelivery = "Orders:EmptyDelivery";
    public const string InvalidSku = "Orders:InvalidSku";
    public const string DuplicateSku = "Orders:DuplicateSku";
    public const string InvalidVatRate = "Orders:InvalidVatRate";
}

public enum SalesOrderStatus { Open, PartiallyDelivered, Delivered }

/// <summary>
/// A sales order exists for a signed contract. It hands on the contract's priced lines and collection plan, so Finance opens
/// the receivable and invoices what falls due on signing for this order in the same transaction, and never patches an order id in later.
/// </summary>
public sealed record SalesOrderCreated(Guid OrderId, string OrderNumber, Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName,
    string Currency, DateOnly SignedOn, decimal NetTotal, decimal VatTotal, decimal GrossTotal,
    IReadOnlyList<ContractLineData> Lines, IReadOnlyList<InstallmentData> Installments) : IDomainEvent;

/// <summary>
/// Goods or services went out; Finance invoices the on-delivery installments once the order is fully delivered, and Inventory
/// takes stock-tracked products out of stock at average cost (refusing, and so rolling the delivery back, when stock is short).
/// </summary>
public sealed record DeliveryRecorded(Guid OrderId, Guid ContractId, Guid DeliveryId, bool OrderFullyDelivered, DateOnly DeliveredOn,
    IReadOnlyList<DeliveredLineData> Lines, Guid? WarehouseId = null, System.Text.Json.Nodes.JsonObject? CustomFields = null) : IDomainEvent;

/// <summary>What one order line delivered this time (its parts summed); <paramref name="ProductId"/> is null for a free-text line.</summary>
public sealed record DeliveredLineData(Guid OrderLineId, Guid? ProductId, string Description, decimal Quantity);

public sealed record SalesOrderLineDto(Guid Id, Guid? ProductId, string Description, decimal Quantity, decimal DeliveredQuantity, decimal UnitPrice,
    decimal DiscountRate, decimal VatRate, decimal NetAmount, decimal VatAmount);

public sealed record DeliveryLineDto(Guid OrderLineId, decimal Quantity);

public sealed record DeliveryDto(Guid Id, DateOnly DeliveredOn, string? Note, IReadOnlyList<DeliveryLineDto> Lines);

public sealed record SalesOrderDto(Guid Id, string Number, Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, string Currency,
    SalesOrderStatus Status, CollectionStatus CollectionStatus, decimal NetTotal, decimal VatTotal, decimal GrossTotal, IReadOnlyList<SalesOrderLineDto> Lines,
    IReadOnlyList<DeliveryDto> Deliveries, DateTime CreatedAt,
    [property: CustomFields(OrdersCustomFields.SalesOrder)] System.Text.Json.Nodes.JsonObject CustomFields);

/// <summary><paramref name="WarehouseId"/> is where Inventory takes tracked products from; null means the default warehouse.</summary>
public sealed record DeliverRequest(DateOnly? DeliveredOn, string? Note, IReadOnlyList<DeliveryLineDto> Lines, Guid? WarehouseId = null);

/// <summary>What a catalogue item is: goods that are shipped, or work that is performed.</summary>
public enum ProductKind { Product, Service }

/// <summary>An item of the products and services catalogue (产品/服务目录) that contract lines are priced from.</summary>
public sealed record ProductDto(Guid Id, string Sku, string Name, ProductKind Kind, string Unit, decimal UnitPrice, string Currency,
    decimal DefaultVatRate, bool IsActive, string? Description, DateTime CreatedAt,
    [property: CustomFields(OrdersCustomFields.Product)] System.Text.Json.Nodes.JsonObject CustomFields);

/// <summary>The kinds of Orders record that take the tenant's custom fields.</summary>
public static class OrdersCustomFields
{
    public const string Product = "orders.product";
    public const string SalesOrder = "orders.sales-order";
}

/// <summary>Currency defaults to the tenant's currency setting.</summary>
public sealed record SaveProductRequest(string Sku, string Name, ProductKind Kind, string Unit, decimal UnitPrice, string? Currency,
    decimal DefaultVatRate, string? Description, System.Text.Json.Nodes.JsonObject? CustomFields = null);

/// <summary>The catalogue; the API and the host's demo seeding both go through it.</summary>
public interface IProductAppService
{
    /// <summary><paramref name="customField"/> and <paramref name="customValue"/> filter by one option of a custom select field.</summary>
    Task<PagedResult<ProductDto>> GetListAsync(PageRequest page, bool? active, string? customField, string? customValue, CancellationToken cancellationToken);
    Task<ProductDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<ProductDto> CreateAsync(SaveProductRequest request, CancellationToken cancellationToken);
    Task<ProductDto> UpdateAsync(Guid id, SaveProductRequest request, CancellationToken cancellationToken);
    Task<ProductDto> SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken);
}

/// <summary>What other modules may ask Orders about a sales order (an invoice prints its order's number).</summary>
public interface ISalesOrderDirectory
{
    /// <summary>Null for an unknown order (or another tenant's).</summary>
    Task<string?> FindNumberAsync(Guid orderId, CancellationToken cancellationToken);
}
