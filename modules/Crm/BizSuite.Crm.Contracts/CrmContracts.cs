using BizSuite.Kernel;

namespace BizSuite.Crm;

/// <summary>VAT rates a contract line may carry (增值税税率).</summary>
public static class VatRates
{
    public static readonly IReadOnlyList<decimal> Allowed = [0.13m, 0.09m, 0.06m, 0m];
}

/// <summary>What makes an installment of a collection plan (回款计划) due.</summary>
public enum InstallmentTrigger { OnSigning, OnDelivery, OnDate }

public enum ContractStatus { Draft, Submitted, Approved, Signed, Completed, Terminated }

public sealed record ContractLineData(int LineNumber, Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountRate, decimal VatRate,
    decimal NetAmount, decimal VatAmount);

public sealed record InstallmentData(int Number, InstallmentTrigger Trigger, DateOnly? DueDate, decimal Amount);

/// <summary>
/// A contract was signed: Orders creates the sales order and Finance invoices the on-signing
/// installments, all in the signing transaction.
/// </summary>
public sealed record ContractSigned(Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, string Currency,
    DateOnly SignedOn, decimal NetTotal, decimal VatTotal, decimal GrossTotal,
    IReadOnlyList<ContractLineData> Lines, IReadOnlyList<InstallmentData> Installments) : IDomainEvent;

public sealed record ContractSubmitted(Guid ContractId, string ContractNumber, decimal GrossTotal) : IDomainEvent;

public static class CrmPermissions
{
    public const string Customers = "Crm.Customers";
    public const string CustomersManage = "Crm.Customers.Manage";
    public const string Contracts = "Crm.Contracts";
    public const string ContractsManage = "Crm.Contracts.Manage";
    public const string ContractsApprove = "Crm.Contracts.Approve";
    public const string ContractsSign = "Crm.Contracts.Sign";
}

public sealed record CustomerDto(Guid Id, string Name, string? CreditCode, string? TaxId, string? BillingAddress, string? BankAccount, DateTime CreatedAt);

public sealed record SaveCustomerRequest(string Name, string? CreditCode, string? TaxId, string? BillingAddress, string? BankAccount);

public sealed record ContractLineRequest(Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountRate, decimal VatRate);

public sealed record InstallmentRequest(InstallmentTrigger Trigger, decimal? Percentage, decimal? Amount, DateOnly? DueDate);

public sealed record SaveContractRequest(string Title, Guid CustomerId, string? Currency, IReadOnlyList<ContractLineRequest> Lines, IReadOnlyList<InstallmentRequest>? Installments);

public sealed record RejectContractRequest(string Comment);

public sealed record ContractLineDto(Guid Id, Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountRate, decimal VatRate, decimal NetAmount, decimal VatAmount);

public sealed record InstallmentDto(int Number, InstallmentTrigger Trigger, decimal? Percentage, DateOnly? DueDate, decimal Amount);

public sealed record ContractDto(Guid Id, string Number, string Title, Guid CustomerId, string CustomerName, string Currency, ContractStatus Status,
    decimal NetTotal, decimal VatTotal, decimal GrossTotal, DateOnly? SignedOn, string? RejectionComment,
    IReadOnlyList<ContractLineDto> Lines, IReadOnlyList<InstallmentDto> Installments, DateTime CreatedAt);

public static class CrmErrors
{
    public const string InvalidCreditCode = "Crm:InvalidCreditCode";
    public const string ContractNotDraft = "Crm:ContractNotDraft";
    public const string ContractStatusNotAllowed = "Crm:ContractStatusNotAllowed";
    public const string ContractHasNoLines = "Crm:ContractHasNoLines";
    public const string CollectionPlanMismatch = "Crm:CollectionPlanMismatch";
    public const string InvalidVatRate = "Crm:InvalidVatRate";
    public const string InstallmentDateMissing = "Crm:InstallmentDateMissing";
    public const string DuplicateCreditCode = "Crm:DuplicateCreditCode";
}
