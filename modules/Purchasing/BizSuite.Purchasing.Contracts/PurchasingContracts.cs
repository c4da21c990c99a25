using BizSuite.Kernel;

namespace BizSuite.Purchasing;

public static class PurchasingPermissions
{
    public const string Suppliers = "Purchasing.Suppliers";
    public const string SuppliersManage = "Purchasing.Suppliers.Manage";
    /// <summary>Requester: every member raises and follows their own purchase requests.</summary>
    public const string Requests = "Purchasing.Requests";
    /// <summary>Buyer: sees everyone's requests.</summary>
    public const string RequestsAll = "Purchasing.Requests.All";
    public const string Orders = "Purchasing.Orders";
    /// <summary>Buyer: creates, adjusts, confirms, cancels and sends purchase orders.</summary>
    public const string OrdersManage = "Purchasing.Orders.Manage";
    /// <summary>Warehouse keeper: records goods receipts.</summary>
    public const string Receipts = "Purchasing.Receipts";
    /// <summary>AP clerk: sees and enters supplier bills.</summary>
    public const string Bills = "Purchasing.Bills";
    public const string BillsManage = "Purchasing.Bills.Manage";
    /// <summary>Posts a bill that fails the three-way match, with a reason (audited).</summary>
    public const string BillsOverride = "Purchasing.Bills.Override";
}

public static class PurchasingSettings
{
    /// <summary>Percent a line may be received beyond its ordered quantity (default 0).</summary>
    public const string OverReceiptTolerance = "Purchasing.OverReceiptTolerance";
    /// <summary>Percent a bill's unit price may differ from the order's agreed price (default 0).</summary>
    public const string PriceTolerance = "Purchasing.PriceTolerance";
}

public enum PurchaseRequestStatus { Draft, Submitted, Approved }

public enum PurchaseOrderStatus { Draft, Confirmed, PartiallyReceived, Received, Closed, Cancelled }

public enum SupplierBillStatus { Posted, Paid }

public sealed record SupplierDto(Guid Id, string Name, string? CreditCode, string? TaxId, string? BankName, string? BankAccount, string? ContactName,
    string? ContactPhone, string? ContactEmail, int PaymentTermDays, string Currency, bool IsActive, DateTime CreatedAt,
    [property: CustomFields(PurchasingCustomFields.Supplier)] System.Text.Json.Nodes.JsonObject CustomFields);

/// <summary>The Purchasing records in the global search (<c>/api/search</c>).</summary>
public static class PurchasingRecordTypes
{
    public const string Supplier = "purchasing.supplier";
}

/// <summary>The kinds of Purchasing record that take the tenant's custom fields.</summary>
public static class PurchasingCustomFields
{
    public const string Supplier = "purchasing.supplier";
    public const string PurchaseOrder = "purchasing.purchase-order";
}

/// <summary>An active supplier a requester may suggest (name only: bank and contact details stay with the buyers).</summary>
public sealed record SupplierChoiceDto(Guid Id, string Name);

/// <summary>An active catalogue product a requester may pick for a line (requesters need no access to the catalogue itself).</summary>
public sealed record ProductChoiceDto(Guid Id, string Sku, string Name, string Unit, decimal DefaultVatRate);

/// <summary>Currency defaults to the tenant's currency setting.</summary>
public sealed record SaveSupplierRequest(string Name, string? CreditCode, string? TaxId, string? BankName, string? BankAccount, string? ContactName,
    string? ContactPhone, string? ContactEmail, int PaymentTermDays = 30, string? Currency = null, bool IsActive = true,
    System.Text.Json.Nodes.JsonObject? CustomFields = null);

public sealed record PurchaseRequestLineDto(int LineNumber, Guid? ProductId, string Description, decimal Quantity, decimal EstimatedUnitPrice, decimal VatRate,
    Guid? SupplierId, string? SupplierName, decimal Amount);

public sealed record PurchaseRequestDto(Guid Id, string Number, Guid RequesterUserId, string RequesterName, Guid? DepartmentId, DateOnly NeededBy,
    string Reason, string Currency, decimal EstimatedTotal, PurchaseRequestStatus Status, Guid? ApprovalId, string? RejectionComment,
    IReadOnlyList<Guid> OrderIds, IReadOnlyList<PurchaseRequestLineDto> Lines, DateTime CreatedAt);

/// <summary>A line of a request: a catalogue product or free text, and the supplier the requester suggests (needed to submit).</summary>
public sealed record SavePurchaseRequestLine(Guid? ProductId, string Description, decimal Quantity, decimal EstimatedUnitPrice, Guid? SupplierId,
    decimal VatRate = 0.13m);

public sealed record SavePurchaseRequest(DateOnly NeededBy, string Reason, IReadOnlyList<SavePurchaseRequestLine> Lines);

public sealed record PurchaseOrderLineDto(Guid Id, int LineNumber, Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate,
    decimal NetAmount, decimal VatAmount, decimal ReceivedQuantity, decimal RejectedQuantity, decimal BilledQuantity);

public sealed record PurchaseOrderDto(Guid Id, string Number, Guid SupplierId, string SupplierName, Guid? RequestId, string? RequestNumber, string Currency,
    DateOnly? ExpectedOn, PurchaseOrderStatus Status, decimal NetTotal, decimal VatTotal, decimal GrossTotal, IReadOnlyList<PurchaseOrderLineDto> Lines,
    DateTime CreatedAt, [property: CustomFields(PurchasingCustomFields.PurchaseOrder)] System.Text.Json.Nodes.JsonObject CustomFields);

public sealed record SavePurchaseOrderLine(Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate);

/// <summary>A buyer's own order, or the adjustment of a draft (lines replaced whole; the supplier stays).</summary>
public sealed record SavePurchaseOrderRequest(Guid SupplierId, DateOnly? ExpectedOn, IReadOnlyList<SavePurchaseOrderLine> Lines);

public sealed record GoodsReceiptLineDto(Guid OrderLineId, string Description, decimal AcceptedQuantity, decimal RejectedQuantity, string? RejectionReason);

public sealed record GoodsReceiptDto(Guid Id, string Number, Guid OrderId, string OrderNumber, Guid SupplierId, string SupplierName, Guid WarehouseId,
    string WarehouseName, DateOnly ReceivedOn, string? Note, IReadOnlyList<GoodsReceiptLineDto> Lines, DateTime CreatedAt);

public sealed record ReceiveLine(Guid OrderLineId, decimal AcceptedQuantity, decimal RejectedQuantity = 0, string? RejectionReason = null);

public sealed record ReceiveGoodsRequest(Guid WarehouseId, DateOnly? ReceivedOn, string? Note, IReadOnlyList<ReceiveLine> Lines);

/// <summary>How one bill line compares with its order line (price) and with what was received and not yet billed (quantity).</summary>
public sealed record BillLineMatchDto(Guid OrderLineId, string Description, decimal Quantity, decimal UnitPrice, decimal OrderedUnitPrice,
    decimal ReceivedQuantity, decimal BilledBefore, bool PriceMatched, bool QuantityMatched);

public sealed record BillMatchDto(bool Matched, IReadOnlyList<BillLineMatchDto> Lines);

public sealed record SupplierBillLineDto(Guid OrderLineId, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal NetAmount,
    decimal VatAmount, bool Matched);

public sealed record SupplierBillDto(Guid Id, string Number, string SupplierInvoiceNumber, Guid SupplierId, string SupplierName, Guid OrderId,
    string OrderNumber, DateOnly BillDate, DateOnly DueOn, string Currency, decimal NetTotal, decimal VatTotal, decimal GrossTotal, SupplierBillStatus Status,
    bool Overridden, string? OverrideReason, DateOnly? PaidOn, IReadOnlyList<SupplierBillLineDto> Lines, DateTime CreatedAt);

public sealed record BillLineRequest(Guid OrderLineId, decimal Quantity, decimal UnitPrice);

/// <summary>A supplier's invoice against one order; <paramref name="Override"/> posts it despite a mismatch (needs the override permission and a reason).</summary>
public sealed record EnterBillRequest(Guid OrderId, string SupplierInvoiceNumber, DateOnly BillDate, IReadOnlyList<BillLineRequest> Lines,
    bool Override = false, string? OverrideReason = null);

public static class PurchasingErrors
{
    public const string InvalidCreditCode = "Purchasing:InvalidCreditCode";
    public const string DuplicateCreditCode = "Purchasing:DuplicateCreditCode";
    public const string UnknownSupplier = "Purchasing:UnknownSupplier";
    public const string UnknownProduct = "Purchasing:UnknownProduct";
    public const string UnknownWarehouse = "Purchasing:UnknownWarehouse";
    public const string UnknownOrderLine = "Purchasing:UnknownOrderLine";
    public const string RequestNotDraft = "Purchasing:RequestNotDraft";
    public const string RequestNotSubmitted = "Purchasing:RequestNotSubmitted";
    public const string LineWithoutSupplier = "Purchasing:LineWithoutSupplier";
    public const string OrderNotDraft = "Purchasing:OrderNotDraft";
    public const string OrderNotReceivable = "Purchasing:OrderNotReceivable";
    public const string OrderNotBillable = "Purchasing:OrderNotBillable";
    public const string OrderNotCancellable = "Purchasing:OrderNotCancellable";
    public const string OverReceipt = "Purchasing:OverReceipt";
    public const string EmptyReceipt = "Purchasing:EmptyReceipt";
    public const string RejectionReasonRequired = "Purchasing:RejectionReasonRequired";
    public const string DuplicateSupplierInvoice = "Purchasing:DuplicateSupplierInvoice";
    public const string BillMismatch = "Purchasing:BillMismatch";
    public const string OverrideNotAllowed = "Purchasing:OverrideNotAllowed";
    public const string OverrideReasonRequired = "Purchasing:OverrideReasonRequired";
    public const string NotAllRequests = "Purchasing:NotAllRequests";
    public const string InactiveSupplier = "Purchasing:InactiveSupplier";
    public const string NoSupplierEmail = "Purchasing:NoSupplierEmail";
    public const string MailNotConfigured = "Purchasing:MailNotConfigured";
}

/// <summary>The tenant's suppliers (the host's demo seeder uses it too).</summary>
public interface ISupplierAppService
{
    /// <summary><paramref name="customField"/> and <paramref name="customValue"/> filter by one option of a custom select field.</summary>
    Task<PagedResult<SupplierDto>> GetListAsync(PageRequest page, bool? active, string? customField, string? customValue, CancellationToken cancellationToken);
    Task<SupplierDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<SupplierDto> CreateAsync(SaveSupplierRequest request, CancellationToken cancellationToken);
}

/// <summary>Purchase orders a buyer creates and confirms (the host's demo seeder uses it too).</summary>
public interface IPurchaseOrderAppService
{
    Task<PurchaseOrderDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<PurchaseOrderDto> CreateAsync(SavePurchaseOrderRequest request, CancellationToken cancellationToken);
    Task<PurchaseOrderDto> ConfirmAsync(Guid id, CancellationToken cancellationToken);
}
