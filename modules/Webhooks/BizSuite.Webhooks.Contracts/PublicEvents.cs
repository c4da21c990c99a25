using System.Text.Json;
using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Hr;
using BizSuite.Insights;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Orders;
using BizSuite.Purchasing;

namespace BizSuite.Webhooks;

/// <summary>
/// A public event type: a stable dotted name, the version of its payload, and the mapping from the module's domain event to
/// that payload. The mapping is explicit so a module can reshape its event without breaking partners (a new shape is a new version).
/// <paramref name="CustomFields"/> says where the payload carries a record's custom-field values, so a rule editor can offer those fields.
/// </summary>
public sealed record PublicEventType(string Name, int Version, Type EventType, Func<IDomainEvent, object> Map, IReadOnlyList<PayloadCustomFields> CustomFields);

/// <summary>A payload's custom-field values: the object's dotted path (<c>customer.customFields</c>) and the kind of record they belong to.</summary>
public sealed record PayloadCustomFields(string Path, string EntityType);

/// <summary>
/// The catalogue of public business events: what partners may subscribe to as outbound webhooks (only these leave the suite) and
/// what a tenant's automation rules may be triggered by, with the same names and payloads.
/// </summary>
public static class PublicEvents
{
    /// <summary>The test event <c>POST …/subscriptions/{id}/ping</c> sends; nobody subscribes to it.</summary>
    public const string Ping = "webhook.ping";

    public static readonly IReadOnlyList<PublicEventType> All =
    [
        Of<ContractSigned>("crm.contract.signed", e => new
        {
            e.ContractId, e.ContractNumber, e.CustomerId, e.CustomerName, e.Currency, e.SignedOn, e.NetTotal, e.VatTotal, e.GrossTotal,
            Lines = e.Lines.Select(l => new { l.LineNumber, l.ProductId, l.Description, l.Quantity, l.UnitPrice, l.DiscountRate, l.VatRate, l.NetAmount, l.VatAmount }),
            Installments = e.Installments.Select(i => new { i.Number, i.Trigger, i.DueDate, i.Amount }),
            CustomFields = e.CustomFields ?? [],
        }, new PayloadCustomFields("customFields", CrmCustomFields.Contract)),
        Of<CustomerCreated>("crm.customer.created", e => new { e.CustomerId, e.Name, e.CreditCode, e.CustomFields },
            new PayloadCustomFields("customFields", CrmCustomFields.Customer)),
        Of<CustomerUpdated>("crm.customer.updated", e => new { e.CustomerId, e.Name, e.CreditCode, e.CustomFields },
            new PayloadCustomFields("customFields", CrmCustomFields.Customer)),
        Of<ContractCompleted>("crm.contract.completed", e => new { e.ContractId, e.ContractNumber, e.CustomerId }),
        Of<ContractTerminated>("crm.contract.terminated", e => new { e.ContractId, e.ContractNumber, e.CustomerId, e.Reason }),
        Of<LeadQualified>("crm.lead.qualified", e => new { e.LeadId, e.CustomerId, e.ContactId, e.OpportunityId }),
        Of<OpportunityStageChanged>("crm.opportunity.stage_changed", e => new { e.OpportunityId, e.CustomerId, e.From, e.To, e.Amount, e.Currency }),
        Of<SalesOrderCreated>("orders.sales_order.created", e => new { e.OrderId, e.OrderNumber, e.ContractId }),
        Of<DeliveryRecorded>("orders.delivery.recorded", e => new
        {
            e.OrderId, e.ContractId, e.DeliveryId, e.OrderFullyDelivered, CustomFields = e.CustomFields ?? [],
        }, new PayloadCustomFields("customFields", OrdersCustomFields.SalesOrder)),
        Of<InvoiceIssued>("finance.invoice.issued", e => new
        {
            e.InvoiceId, e.InvoiceNumber, e.ContractId, e.OrderId, e.CustomerId, e.CustomerName, e.Currency, e.InstallmentNumber, e.IssuedOn, e.DueOn,
            e.NetTotal, e.VatTotal, e.GrossTotal,
        }),
        Of<InvoiceOverdue>("finance.invoice.overdue", e => new
        {
            e.InvoiceId, e.InvoiceNumber, e.ContractId, e.ContractNumber, e.CustomerId, e.CustomerName, e.Currency, e.DueOn, e.Outstanding, e.OwnerUserId,
            Customer = new { Id = e.CustomerId, Name = e.CustomerName, CustomFields = e.CustomerCustomFields }, CustomFields = e.CustomFields ?? [],
        }, new PayloadCustomFields("customFields", FinanceCustomFields.Invoice), new PayloadCustomFields("customer.customFields", CrmCustomFields.Customer)),
        Of<PaymentRecorded>("finance.payment.recorded", e => new
        {
            e.PaymentId, e.PaymentNumber, e.InvoiceId, e.InvoiceNumber, e.ContractId, e.CustomerId, e.Currency, e.Method, e.ReceivedOn, e.Amount, e.InvoicePaid,
        }),
        Of<CreditNoteIssued>("finance.credit_note.issued", e => new
        {
            e.CreditNoteId, e.CreditNoteNumber, e.InvoiceId, e.InvoiceNumber, e.ContractId, e.CustomerId, e.IssuedOn, e.NetTotal, e.VatTotal, e.GrossTotal,
        }),
        Of<CollectionStatusChanged>("finance.collection_status.changed", e => new { e.ContractId, e.OrderId, e.Status, e.Collectible, e.Paid }),
        Of<PayablePaid>("finance.payable.paid", e => new { e.PayableId, e.PayableNumber, e.SourceType, e.SourceId, e.PaidOn, e.Amount }),
        Of<EmployeeHired>("hr.employee.hired", e => new { e.EmployeeId, e.EmployeeNumber, e.Name, e.Email, e.DepartmentId, e.ManagerEmployeeId, e.HireDate }),
        Of<EmployeeUpdated>("hr.employee.updated", e => new { e.EmployeeId, e.EmployeeNumber, e.Name, e.DepartmentId, e.Status, e.CustomFields },
            new PayloadCustomFields("customFields", HrCustomFields.Employee)),
        Of<ExpenseClaimApproved>("hr.expense_claim.approved", e => new
        {
            e.ClaimId, e.ClaimNumber, e.EmployeeId, e.EmployeeName, e.Currency, e.Total,
            Lines = e.Lines.Select(l => new { l.Category, l.Description, l.Amount }),
        }),
        Of<LeaveApproved>("hr.leave.approved", e => new { e.LeaveRequestId, e.EmployeeId, e.LeaveType, e.From, e.To, e.Days }),
        Of<ApprovalCompleted>("oa.approval.completed", e => new { e.ApprovalId, e.DocumentType, e.DocumentId, e.ApplicantUserId, e.Comment }),
        Of<ApprovalRejected>("oa.approval.rejected", e => new { e.ApprovalId, e.DocumentType, e.DocumentId, e.ApplicantUserId, e.RejectedBy, e.Comment }),
        Of<PurchaseOrderCreated>("purchasing.order.created", e => new
        {
            e.OrderId, e.OrderNumber, e.SupplierId, e.SupplierName, e.RequestId, e.Currency, e.NetTotal, e.VatTotal, e.GrossTotal,
        }),
        Of<PurchaseOrderConfirmed>("purchasing.order.confirmed", e => new
        {
            e.OrderId, e.OrderNumber, e.SupplierId, e.SupplierName, e.Currency, e.GrossTotal, e.CustomFields,
        }, new PayloadCustomFields("customFields", PurchasingCustomFields.PurchaseOrder)),
        Of<SupplierBillPosted>("purchasing.bill.posted", e => new
        {
            e.BillId, e.BillNumber, e.SupplierInvoiceNumber, e.SupplierId, e.SupplierName, e.OrderId, e.OrderNumber, e.BillDate, e.DueOn, e.Currency,
            e.NetTotal, e.VatTotal, e.GrossTotal, e.Overridden,
        }),
        Of<StockLow>("inventory.stock.low", e => new { e.ProductId, e.Sku, e.ProductName, e.WarehouseId, e.WarehouseName, e.OnHand, e.ReorderPoint }),
        Of<KpiBreached>("insights.kpi.breached", e => new
        {
            e.BreachId, e.Key, e.Process, e.Unit, e.Period, e.PeriodStart, e.Value, e.Target, e.Direction, e.OwnerRole,
        }),
    ];

    private static PublicEventType Of<TEvent>(string name, Func<TEvent, object> map, params PayloadCustomFields[] customFields) where TEvent : IDomainEvent =>
        new(name, 1, typeof(TEvent), e => map((TEvent)e), customFields);

    public static bool IsKnown(string name) => All.Any(t => t.Name == name);

    public static PublicEventType For(Type eventType) => All.Single(t => t.EventType == eventType);

    public static PublicEventType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The body partners receive: <c>{ id, type, version, tenantId, occurredAt, data }</c>. The id is the event's (the journal's) id, the
    /// same for every subscription and every retry, so a receiver can drop duplicates by it. camelCase, enums as names.
    /// </summary>
    public static string Envelope(Guid id, string type, int version, Guid tenantId, DateTime occurredAt, object data) =>
        JsonSerializer.Serialize(new { id, type, version, tenantId, occurredAt, data }, JournalJson.Options);

    public static string Envelope(Guid id, PublicEventType type, Guid tenantId, DateTime occurredAt, IDomainEvent domainEvent) =>
        Envelope(id, type.Name, type.Version, tenantId, occurredAt, type.Map(domainEvent));
}
