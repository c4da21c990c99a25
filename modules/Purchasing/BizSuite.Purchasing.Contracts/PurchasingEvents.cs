using BizSuite.Kernel;

namespace BizSuite.Purchasing;

/// <summary>
/// The Procure-to-Pay chain as the other modules see it: Inventory takes receipts into stock, Finance books the accrual on receipt
/// and a payable for a posted bill, and answers with <c>PayablePaid</c> (source type <c>supplier-bill</c>) when it is paid.
/// </summary>
public sealed record PurchaseRequestApproved(Guid RequestId, string RequestNumber, Guid RequesterUserId, IReadOnlyList<Guid> OrderIds) : IDomainEvent;

/// <summary>A purchase order exists, created from an approved request (<paramref name="RequestId"/>) or by a buyer.</summary>
public sealed record PurchaseOrderCreated(Guid OrderId, string OrderNumber, Guid SupplierId, string SupplierName, Guid? RequestId, string Currency,
    decimal NetTotal, decimal VatTotal, decimal GrossTotal) : IDomainEvent;

/// <summary>A buyer confirmed a draft order to its supplier, with the order's custom-field values as they stand then.</summary>
public sealed record PurchaseOrderConfirmed(Guid OrderId, string OrderNumber, Guid SupplierId, string SupplierName, string Currency, decimal GrossTotal,
    System.Text.Json.Nodes.JsonObject CustomFields) : IDomainEvent;

/// <summary>One accepted line of a goods receipt; <paramref name="UnitCost"/> is the order line's agreed net unit price.</summary>
public sealed record ReceivedLineData(Guid OrderLineId, Guid? ProductId, string Description, decimal AcceptedQuantity, decimal UnitCost);

/// <summary>
/// Goods were accepted into a warehouse: Inventory raises on-hand and the moving average for stock-tracked products,
/// Finance posts Dr 库存商品 / Cr 应付账款-暂估 for the accepted value. Rejected quantities never appear here.
/// </summary>
public sealed record GoodsReceived(Guid ReceiptId, string ReceiptNumber, Guid OrderId, string OrderNumber, Guid SupplierId, string SupplierName,
    Guid WarehouseId, DateOnly ReceivedOn, string Currency, IReadOnlyList<ReceivedLineData> Lines) : IDomainEvent;

/// <summary>
/// One line of a posted bill: the billed quantity and price beside <paramref name="AccruedUnitCost"/>, the order's agreed price at which the
/// receipt was accrued and taken into stock, and the warehouse the line's goods were last received into (null when none were).
/// </summary>
public sealed record BilledLineData(Guid BillLineId, Guid OrderLineId, Guid? ProductId, Guid? WarehouseId, decimal Quantity, decimal UnitPrice,
    decimal AccruedUnitCost);

/// <summary>
/// A supplier bill passed the three-way match (or was overridden with a reason): Finance records the payable due on <paramref name="DueOn"/>
/// and posts Dr 应付账款-暂估 (the accrual) + 库存商品 (the price variance) + 进项税额 / Cr 应付账款; Inventory revalues the stock the
/// variance belongs to. <paramref name="Lines"/> is null in events journalled before lines were carried.
/// </summary>
public sealed record SupplierBillPosted(Guid BillId, string BillNumber, string SupplierInvoiceNumber, Guid SupplierId, string SupplierName,
    Guid OrderId, string OrderNumber, DateOnly BillDate, DateOnly DueOn, string Currency, decimal NetTotal, decimal VatTotal, decimal GrossTotal,
    bool Overridden, IReadOnlyList<BilledLineData>? Lines = null) : IDomainEvent;
