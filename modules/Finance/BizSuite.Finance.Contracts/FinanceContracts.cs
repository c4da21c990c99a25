using BizSuite.Kernel;

namespace BizSuite.Finance;

/// <summary>The finance records with a timeline (<c>/api/oa/timeline/{type}/{id}</c>).</summary>
public static class FinanceRecordTypes
{
    public const string Invoice = "finance.invoice";
}

/// <summary>The kinds of Finance record that take the tenant's custom fields.</summary>
public static class FinanceCustomFields
{
    public const string Invoice = "finance.invoice";
}

public static class FinancePermissions
{
    public const string Invoices = "Finance.Invoices";
    public const string InvoicesCredit = "Finance.Invoices.Credit";
    public const string Payments = "Finance.Payments";
    public const string PaymentsRecord = "Finance.Payments.Record";
    public const string Vouchers = "Finance.Vouchers";
    public const string Reports = "Finance.Reports";
    public const string Stripe = "Finance.Stripe";
    public const string Payables = "Finance.Payables";
    public const string PayablesPay = "Finance.Payables.Pay";
}

/// <summary>Settings naming who signs the invoices (收款人, 复核, 开票人), printed at the foot of every invoice and receipt.</summary>
public static class InvoiceSignatories
{
    public const string Payee = "Finance.Invoice.Payee";
    public const string Reviewer = "Finance.Invoice.Reviewer";
    public const string Issuer = "Finance.Invoice.Issuer";
}

public static class FinanceErrors
{
    public const string Overpayment = "Finance:Overpayment";
    public const string InvoiceNotOpen = "Finance:InvoiceNotOpen";
    public const string InvoiceHasPayments = "Finance:InvoiceHasPayments";
    public const string UnbalancedVoucher = "Finance:UnbalancedVoucher";
    public const string UnknownAccount = "Finance:UnknownAccount";
    public const string InvalidWebhook = "Finance:InvalidWebhook";
    public const string PayableAlreadyPaid = "Finance:PayableAlreadyPaid";
    public const string PaymentRunEmpty = "Finance:PaymentRunEmpty";
    public const string PaymentRunMixedCurrencies = "Finance:PaymentRunMixedCurrencies";
}

/// <summary>How much of a contract (and its order) has been collected (回款状态).</summary>
public enum CollectionStatus { Unpaid, Partial, Paid, Overdue }

public enum InvoiceStatus { Open, PartiallyPaid, Paid, Credited }

public enum PaymentMethod { BankTransfer, Cash, Stripe }

/// <summary>An invoice was issued for an installment of a signed contract's collection plan.</summary>
public sealed record InvoiceIssued(Guid InvoiceId, string InvoiceNumber, Guid ContractId, Guid? OrderId, Guid CustomerId, string CustomerName,
    string Currency, int InstallmentNumber, DateOnly IssuedOn, DateOnly DueOn, decimal NetTotal, decimal VatTotal, decimal GrossTotal) : IDomainEvent;

/// <summary>
/// An invoice passed its due date unpaid, announced once per invoice by the nightly receivables review. It carries the
/// contract's salesperson (<paramref name="OwnerUserId"/>) and the customer's custom values, so a rule can say
/// "when an invoice is overdue and 客户等级 = A, create a task for the sales owner".
/// </summary>
public sealed record InvoiceOverdue(Guid InvoiceId, string InvoiceNumber, Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName,
    string Currency, DateOnly DueOn, decimal Outstanding, Guid? OwnerUserId, System.Text.Json.Nodes.JsonObject CustomerCustomFields,
    System.Text.Json.Nodes.JsonObject? CustomFields = null) : IDomainEvent;

/// <summary>Money arrived for an invoice (bank receipt or Stripe); <paramref name="InvoicePaid"/> when it settled the invoice in full.</summary>
public sealed record PaymentRecorded(Guid PaymentId, string PaymentNumber, Guid InvoiceId, string InvoiceNumber, Guid ContractId, Guid CustomerId,
    string Currency, PaymentMethod Method, DateOnly ReceivedOn, decimal Amount, bool InvoicePaid, string? ContractNumber = null, string? CustomerName = null) : IDomainEvent;

/// <summary>A credit note (红字发票) reversed an invoice in full.</summary>
public sealed record CreditNoteIssued(Guid CreditNoteId, string CreditNoteNumber, Guid InvoiceId, string InvoiceNumber, Guid ContractId,
    Guid CustomerId, DateOnly IssuedOn, decimal NetTotal, decimal VatTotal, decimal GrossTotal) : IDomainEvent;

/// <summary>A voucher was posted for a business document (its source); the document chain links them through it.</summary>
public sealed record VoucherPosted(Guid VoucherId, string VoucherNumber, DateOnly PostedOn, string SourceType, Guid SourceId, string SourceNumber, decimal Total) : IDomainEvent;

/// <summary>The contract's collection status changed; CRM and Orders show it on the contract and its order.</summary>
public sealed record CollectionStatusChanged(Guid ContractId, Guid? OrderId, CollectionStatus Status, decimal Collectible, decimal Paid) : IDomainEvent;

/// <summary>
/// An invoice line as printed: item, specification (规格型号) and unit (单位) from the catalogue when the contract line had a
/// product, quantity, and the net unit price that times the quantity gives the net amount. An installment invoice bills a
/// share of each line: it keeps the line's quantity and prints the share's unit price.
/// </summary>
public sealed record InvoiceLineDto(int LineNumber, string Description, string? Specification, string? Unit, decimal Quantity, decimal UnitPrice,
    decimal VatRate, decimal NetAmount, decimal VatAmount, decimal GrossAmount);

public sealed record InvoiceDto(Guid Id, string Number, Guid ContractId, string ContractNumber, Guid? OrderId, Guid CustomerId, string CustomerName,
    string Currency, int InstallmentNumber, InvoiceStatus Status, DateOnly IssuedOn, DateOnly DueOn, decimal NetTotal, decimal VatTotal,
    decimal GrossTotal, decimal PaidAmount, decimal Outstanding, string? PaymentUrl, IReadOnlyList<InvoiceLineDto> Lines, DateTime CreatedAt,
    [property: CustomFields(FinanceCustomFields.Invoice)] System.Text.Json.Nodes.JsonObject CustomFields);

public sealed record PaymentDto(Guid Id, string Number, Guid InvoiceId, string InvoiceNumber, Guid ContractId, Guid CustomerId, string CustomerName,
    string Currency, PaymentMethod Method, DateOnly ReceivedOn, decimal Amount, string? Reference, DateTime CreatedAt);

public sealed record RecordPaymentRequest(decimal Amount, DateOnly? ReceivedOn, PaymentMethod Method, string? Reference);

public sealed record CreditNoteRequest(string Reason);

public sealed record CreditNoteDto(Guid Id, string Number, Guid InvoiceId, string InvoiceNumber, DateOnly IssuedOn, string Reason,
    decimal NetTotal, decimal VatTotal, decimal GrossTotal);

public sealed record ReceivableDto(Guid ContractId, string ContractNumber, Guid? OrderId, Guid CustomerId, string CustomerName, string Currency,
    decimal GrossTotal, decimal Invoiced, decimal Credited, decimal Paid, decimal Outstanding, CollectionStatus Status);

public sealed record VoucherLineDto(string AccountCode, string AccountName, decimal Debit, decimal Credit);

public sealed record VoucherDto(Guid Id, string Number, DateOnly PostedOn, string Summary, string SourceType, Guid SourceId, string SourceNumber,
    decimal Total, IReadOnlyList<VoucherLineDto> Lines);

public sealed record AccountDto(string Code, string Name, string Type);

public sealed record TrialBalanceRowDto(string AccountCode, string AccountName, decimal Debit, decimal Credit, decimal BalanceDebit, decimal BalanceCredit);

public sealed record TrialBalanceDto(DateOnly AsOf, IReadOnlyList<TrialBalanceRowDto> Rows, decimal TotalDebit, decimal TotalCredit, bool Balanced);

public sealed record AgingRowDto(Guid CustomerId, string CustomerName, decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90,
    decimal Over90, decimal Total);

public sealed record AgingReportDto(DateOnly AsOf, IReadOnlyList<AgingRowDto> Rows, AgingRowDto Totals);

public sealed record StripeAccountDto(bool Connected, string? KeyHint);

public sealed record ConnectStripeRequest(string SecretKey, string WebhookSecret);

/// <summary>
/// A payable (an approved expense claim, a supplier bill) was paid; the source module marks its document paid.
/// <paramref name="PaymentRunId"/> names the payment run that paid it with others under one voucher (null when paid singly).
/// </summary>
public sealed record PayablePaid(Guid PayableId, string PayableNumber, string SourceType, Guid SourceId, DateOnly PaidOn, decimal Amount,
    Guid? PaymentRunId = null) : IDomainEvent;

/// <summary>What a payable is owed for; the source module reacts to <see cref="PayablePaid"/> of its own type.</summary>
public static class PayableSources
{
    public const string ExpenseClaim = "expense-claim";
    public const string SupplierBill = "supplier-bill";
}

public enum PayableStatus { Open, Paid }

/// <summary>Money the company owes (应付): to an employee for an approved expense claim, to a supplier for a posted bill.</summary>
public sealed record PayableDto(Guid Id, string Number, Guid PayeeId, string PayeeName, string SourceType, Guid SourceId, string SourceNumber,
    string Currency, decimal Amount, PayableStatus Status, DateOnly RecordedOn, DateOnly DueOn, DateOnly? PaidOn, string? Reference,
    Guid? PaymentRunId, DateTime CreatedAt);

public sealed record PayPayableRequest(DateOnly? PaidOn, string? Reference);

/// <summary>Pays several open payables at once (付款批次): all of them or, on any error, none.</summary>
public sealed record PaymentRunRequest(IReadOnlyList<Guid> PayableIds, DateOnly? PaidOn, string? Reference);

public sealed record PaymentRunItemDto(Guid PayableId, string PayableNumber, Guid PayeeId, string PayeeName, string SourceType, string SourceNumber,
    decimal Amount);

public sealed record PaymentRunDto(Guid Id, string Number, DateOnly PaidOn, string? Reference, string Currency, decimal Total,
    IReadOnlyList<PaymentRunItemDto> Items, DateTime CreatedAt);

/// <summary>A supplier that has payables, for pickers in Finance's pages.</summary>
public sealed record PayeeDto(Guid Id, string Name);

/// <summary>Open supplier payables of one supplier by days past due (应付账龄).</summary>
public sealed record PayableAgingRowDto(Guid SupplierId, string SupplierName, decimal Current, decimal Days1To30, decimal Days31To60,
    decimal Days61To90, decimal Over90, decimal Total);

public sealed record PayableAgingReportDto(DateOnly AsOf, IReadOnlyList<PayableAgingRowDto> Rows, PayableAgingRowDto Totals);

/// <summary>One movement of a supplier's account: a bill owed (credit) or a payment (debit); the balance is what is still owed.</summary>
public sealed record SupplierStatementEntryDto(DateOnly On, string Kind, string Number, string Reference, decimal Billed, decimal Paid, decimal Balance);

public sealed record SupplierStatementDto(Guid SupplierId, string SupplierName, string Currency, DateOnly From, DateOnly To, decimal Opening,
    IReadOnlyList<SupplierStatementEntryDto> Entries, decimal Billed, decimal Paid, decimal Closing);
