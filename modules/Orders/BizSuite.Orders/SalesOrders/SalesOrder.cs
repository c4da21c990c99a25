using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Orders.Products;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Orders.SalesOrders;

/// <summary>A sales order (销售订单), created from a signed contract with its lines, and delivered in one or more parts.</summary>
[Audited]
internal sealed class SalesOrder : CustomFieldsAggregate, IMultiTenant
{
    private readonly List<SalesOrderLine> _lines = [];
    private readonly List<Delivery> _deliveries = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid ContractId { get; private set; }
    public string ContractNumber { get; private set; } = "";
    public Guid CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public SalesOrderStatus Status { get; private set; }
    /// <summary>Finance's view of the money (回款状态), kept here so order lists can show and filter it.</summary>
    public CollectionStatus CollectionStatus { get; private set; }
    public decimal NetTotal { get; private set; }
    public decimal VatTotal { get; private set; }
    public decimal GrossTotal { get; private set; }
    public IReadOnlyList<SalesOrderLine> Lines => _lines;
    public IReadOnlyList<Delivery> Deliveries => _deliveries;

    private SalesOrder() { }

    /// <summary>
    /// The order of a signed contract. Its event hands on the contract's lines with each catalogue product's unit and
    /// specification (the SKU, the short code printed as 规格型号), which the invoice prints; free-text lines have neither.
    /// </summary>
    public static SalesOrder FromContract(string number, ContractSigned contract, IReadOnlyDictionary<Guid, Product> products)
    {
        var lines = contract.Lines
            .Select(l => l.ProductId is { } id && products.TryGetValue(id, out var product) ? l with { Unit = product.Unit, Specification = product.Sku } : l)
            .ToList();
        var order = new SalesOrder
        {
            Number = number,
            ContractId = contract.ContractId,
            ContractNumber = contract.ContractNumber,
            CustomerId = contract.CustomerId,
            CustomerName = contract.CustomerName,
            Currency = contract.Currency,
            Status = SalesOrderStatus.Open,
            NetTotal = contract.NetTotal,
            VatTotal = contract.VatTotal,
            GrossTotal = contract.GrossTotal,
        };
        order._lines.AddRange(contract.Lines.Select(SalesOrderLine.From));
        order.Raise(new SalesOrderCreated(order.Id, number, contract.ContractId, contract.ContractNumber, contract.CustomerId, contract.CustomerName,
            contract.Currency, contract.SignedOn, contract.NetTotal, contract.VatTotal, contract.GrossTotal, lines, contract.Installments));
        return order;
    }

    public void UpdateCollection(CollectionStatus status) => CollectionStatus = status;

    /// <summary>
    /// Records a (partial) delivery; no line may be delivered beyond its ordered quantity, counting every part of the
    /// delivery for that line. The whole delivery is checked before any line moves, so a refused one changes nothing.
    /// The warehouse only travels with the event: Inventory checks it and takes the stock from it.
    /// </summary>
    public Delivery Deliver(DateOnly deliveredOn, string? note, IReadOnlyList<DeliveryLineDto> quantities, Guid? warehouseId = null)
    {
        var lines = quantities.Where(q => q.Quantity != 0).ToList();
        if (lines.Count == 0 || lines.Any(l => l.Quantity < 0))
            throw new BusinessException(OrdersErrors.EmptyDelivery, StatusCodes.Status400BadRequest) { Field = "lines" };
        var perLine = lines.GroupBy(part => part.OrderLineId).Select(parts =>
            (Line: _lines.FirstOrDefault(l => l.Id == parts.Key)
                   ?? throw new BusinessException(OrdersErrors.UnknownOrderLine, StatusCodes.Status400BadRequest, parts.Key) { Field = "lines" },
             Quantity: parts.Sum(p => p.Quantity))).ToList();
        foreach (var (line, quantity) in perLine) line.EnsureDeliverable(quantity);
        foreach (var (line, quantity) in perLine) line.Deliver(quantity);
        var delivery = new Delivery(deliveredOn, note, lines);
        _deliveries.Add(delivery);
        Status = _lines.All(l => l.DeliveredQuantity == l.Quantity) ? SalesOrderStatus.Delivered : SalesOrderStatus.PartiallyDelivered;
        Raise(new DeliveryRecorded(Id, ContractId, delivery.Id, Status == SalesOrderStatus.Delivered, deliveredOn,
            perLine.Select(p => new DeliveredLineData(p.Line.Id, p.Line.ProductId, p.Line.Description, p.Quantity)).ToList(), warehouseId, CustomFieldValues()));
        return delivery;
    }
}

internal sealed class SalesOrderLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; }
    public Guid? ProductId { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal DeliveredQuantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountRate { get; private set; }
    public decimal VatRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal VatAmount { get; private set; }

    private SalesOrderLine() { }

    public static SalesOrderLine From(ContractLineData line) => new()
    {
        LineNumber = line.LineNumber,
        ProductId = line.ProductId,
        Description = line.Description,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        DiscountRate = line.DiscountRate,
        VatRate = line.VatRate,
        NetAmount = line.NetAmount,
        VatAmount = line.VatAmount,
    };

    public void EnsureDeliverable(decimal quantity)
    {
        if (DeliveredQuantity + quantity > Quantity)
            throw new BusinessException(OrdersErrors.DeliveryExceedsOrder, StatusCodes.Status400BadRequest, Description, Quantity - DeliveredQuantity) { Field = "lines" };
    }

    public void Deliver(decimal quantity)
    {
        EnsureDeliverable(quantity);
        DeliveredQuantity += quantity;
    }
}

internal sealed class Delivery
{
    private readonly List<DeliveryLine> _lines = [];

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly DeliveredOn { get; private set; }
    public string? Note { get; private set; }
    public IReadOnlyList<DeliveryLine> Lines => _lines;

    private Delivery() { }

    public Delivery(DateOnly deliveredOn, string? note, IEnumerable<DeliveryLineDto> lines)
    {
        DeliveredOn = deliveredOn;
        Note = note?.Trim();
        _lines.AddRange(lines.Select(l => new DeliveryLine(l.OrderLineId, l.Quantity)));
    }
}

internal sealed class DeliveryLine(Guid orderLineId, decimal quantity)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid OrderLineId { get; private set; } = orderLineId;
    public decimal Quantity { get; private set; } = quantity;
}
