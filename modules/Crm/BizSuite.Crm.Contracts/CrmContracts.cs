using BizSuite.Finance;
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

/// <summary>
/// A priced contract line. <paramref name="Unit"/> (单位) and <paramref name="Specification"/> (规格型号) are the catalogue's:
/// CRM does not know them, Orders adds them from the picked product when it creates the order, so the invoice prints them.
/// </summary>
public sealed record ContractLineData(int LineNumber, Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountRate, decimal VatRate,
    decimal NetAmount, decimal VatAmount, string? Unit = null, string? Specification = null);

public sealed record InstallmentData(int Number, InstallmentTrigger Trigger, DateOnly? DueDate, decimal Amount);

/// <summary>
/// A contract was signed: Orders creates the sales order, whose creation Finance answers with the receivable and the
/// on-signing invoice, all in the signing transaction.
/// </summary>
public sealed record ContractSigned(Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, string Currency,
    DateOnly SignedOn, decimal NetTotal, decimal VatTotal, decimal GrossTotal,
    IReadOnlyList<ContractLineData> Lines, IReadOnlyList<InstallmentData> Installments,
    System.Text.Json.Nodes.JsonObject? CustomFields = null) : IDomainEvent;

public sealed record ContractSubmitted(Guid ContractId, string ContractNumber, decimal GrossTotal) : IDomainEvent;

/// <summary>A customer was added (by hand, by import or from a qualified lead), with its custom-field values.</summary>
public sealed record CustomerCreated(Guid CustomerId, string Name, string? CreditCode, System.Text.Json.Nodes.JsonObject CustomFields) : IDomainEvent;

/// <summary>A customer's data or custom-field values were edited; the event carries them as they are now.</summary>
public sealed record CustomerUpdated(Guid CustomerId, string Name, string? CreditCode, System.Text.Json.Nodes.JsonObject CustomFields) : IDomainEvent;

/// <summary>A signed contract was fulfilled: nothing more is to be delivered or collected under it.</summary>
public sealed record ContractCompleted(Guid ContractId, string ContractNumber, Guid CustomerId) : IDomainEvent;

/// <summary>A signed contract was ended early; open orders and installments under it should stop.</summary>
public sealed record ContractTerminated(Guid ContractId, string ContractNumber, Guid CustomerId, string Reason) : IDomainEvent;

/// <summary>A lead became a customer with a contact and an opportunity: the start of lead-to-cash, counted by the funnel KPIs.</summary>
public sealed record LeadQualified(Guid LeadId, Guid CustomerId, Guid ContactId, Guid OpportunityId) : IDomainEvent;

/// <summary>An opportunity moved on the kanban; the journal of these is the sales funnel (conversion per stage, win rate).</summary>
public sealed record OpportunityStageChanged(Guid OpportunityId, Guid CustomerId, OpportunityStage From, OpportunityStage To, decimal Amount, string Currency) : IDomainEvent;

/// <summary>A lead was recorded: the start of lead-to-cash (the lead → qualified time and rate are measured from here).</summary>
public sealed record LeadCreated(Guid LeadId, string Name, LeadSource Source) : IDomainEvent;

/// <summary>A lead was closed without becoming a customer.</summary>
public sealed record LeadDisqualified(Guid LeadId, string Reason) : IDomainEvent;

/// <summary>An opportunity was opened (from a qualified lead or by hand): the start of its sales cycle.</summary>
public sealed record OpportunityOpened(Guid OpportunityId, Guid CustomerId, string Name, decimal Amount, string Currency) : IDomainEvent;

public enum LeadSource { Website, Referral, Exhibition, ColdCall, Other }

public enum LeadStatus { New, Contacted, Qualified, Disqualified }

/// <summary>Sales stages of an opportunity (商机阶段); Won and Lost are final.</summary>
public enum OpportunityStage { Prospecting, Qualification, Proposal, Negotiation, Won, Lost }

public enum ActivityType { Call, Visit, Meeting, Email, Note }

/// <summary>What an activity (跟进记录) is about.</summary>
public enum ActivityRegarding { Lead, Customer, Contact, Opportunity, Contract }

public static class CrmPermissions
{
    public const string Customers = "Crm.Customers";
    public const string CustomersManage = "Crm.Customers.Manage";
    public const string Contracts = "Crm.Contracts";
    public const string ContractsManage = "Crm.Contracts.Manage";
    public const string ContractsSign = "Crm.Contracts.Sign";
    public const string Leads = "Crm.Leads";
    public const string LeadsManage = "Crm.Leads.Manage";
    public const string Contacts = "Crm.Contacts";
    public const string ContactsManage = "Crm.Contacts.Manage";
    public const string Opportunities = "Crm.Opportunities";
    public const string OpportunitiesManage = "Crm.Opportunities.Manage";
    public const string Activities = "Crm.Activities";
    public const string ActivitiesManage = "Crm.Activities.Manage";
}

/// <summary>Custom-field values by key (kernel custom fields of <c>crm.customer</c>), removed fields' values included.</summary>
public sealed record CustomerDto(Guid Id, string Name, string? CreditCode, string? TaxId, string? BillingAddress, string? BankAccount, DateTime CreatedAt,
    [property: CustomFields(CrmCustomFields.Customer)] System.Text.Json.Nodes.JsonObject CustomFields);

public sealed record SaveCustomerRequest(string Name, string? CreditCode, string? TaxId, string? BillingAddress, string? BankAccount,
    System.Text.Json.Nodes.JsonObject? CustomFields = null);

/// <summary>The CRM records with a timeline (<c>/api/oa/timeline/{type}/{id}</c>) or in the global search (<c>/api/search</c>).</summary>
public static class CrmRecordTypes
{
    public const string Customer = "crm.customer";
    public const string Contract = "crm.contract";
    public const string Contact = "crm.contact";
}

/// <summary>The kinds of CRM record that take tenant-defined custom fields.</summary>
public static class CrmCustomFields
{
    public const string Customer = "crm.customer";
    public const string Contract = "crm.contract";
}

public sealed record ContractLineRequest(Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountRate, decimal VatRate);

public sealed record InstallmentRequest(InstallmentTrigger Trigger, decimal? Percentage, decimal? Amount, DateOnly? DueDate);

public sealed record SaveContractRequest(string Title, Guid CustomerId, string? Currency, IReadOnlyList<ContractLineRequest> Lines, IReadOnlyList<InstallmentRequest>? Installments,
    System.Text.Json.Nodes.JsonObject? CustomFields = null);


public sealed record TerminateContractRequest(string Reason);

public sealed record ContractLineDto(Guid Id, Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal DiscountRate, decimal VatRate, decimal NetAmount, decimal VatAmount);

public sealed record InstallmentDto(int Number, InstallmentTrigger Trigger, decimal? Percentage, DateOnly? DueDate, decimal Amount);

public sealed record ContractDto(Guid Id, string Number, string Title, Guid CustomerId, string CustomerName, string Currency, ContractStatus Status,
    CollectionStatus CollectionStatus, decimal NetTotal, decimal VatTotal, decimal GrossTotal, DateOnly? SignedOn, Guid? ApprovalId, string? RejectionComment, string? TerminationReason,
    IReadOnlyList<ContractLineDto> Lines, IReadOnlyList<InstallmentDto> Installments, DateTime CreatedAt,
    [property: CustomFields(CrmCustomFields.Contract)] System.Text.Json.Nodes.JsonObject CustomFields);

public sealed record SaveLeadRequest(string Name, string ContactPerson, string? Phone, string? Email, LeadSource Source, LeadStatus? Status, Guid? OwnerId, string? Notes);

/// <summary>Everything optional: the opportunity is named after the lead and starts at zero unless told otherwise.</summary>
public sealed record QualifyLeadRequest(string? OpportunityName, decimal? Amount, DateOnly? ExpectedCloseDate, string? CreditCode);

public sealed record DisqualifyLeadRequest(string Reason);

public sealed record LeadDto(Guid Id, string Name, string ContactPerson, string? Phone, string? Email, LeadSource Source, LeadStatus Status,
    Guid? OwnerId, string? Notes, string? DisqualificationReason, Guid? CustomerId, Guid? OpportunityId, DateTime CreatedAt);

public sealed record SaveContactRequest(Guid CustomerId, string Name, string? Position, string? Phone, string? Email, bool IsPrimary);

public sealed record ContactDto(Guid Id, Guid CustomerId, string CustomerName, string Name, string? Position, string? Phone, string? Email, bool IsPrimary, DateTime CreatedAt);

/// <summary>Probability null takes the stage's default.</summary>
public sealed record SaveOpportunityRequest(Guid CustomerId, string Name, decimal Amount, string? Currency, DateOnly? ExpectedCloseDate, int? Probability, Guid? OwnerId);

public sealed record MoveOpportunityRequest(OpportunityStage Stage, string? LostReason, int? Probability);

public sealed record OpportunityDto(Guid Id, Guid CustomerId, string CustomerName, string Name, decimal Amount, string Currency, OpportunityStage Stage,
    int Probability, DateOnly? ExpectedCloseDate, Guid? OwnerId, string? LostReason, DateTime CreatedAt);

/// <summary>OccurredAt null is now.</summary>
public sealed record LogActivityRequest(ActivityType Type, string Subject, string? Notes, DateTime? OccurredAt, ActivityRegarding RegardingType, Guid RegardingId);

public sealed record ActivityDto(Guid Id, ActivityType Type, string Subject, string? Notes, DateTime OccurredAt, ActivityRegarding RegardingType, Guid RegardingId,
    Guid? CreatedBy, DateTime CreatedAt);

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
    public const string LeadAlreadyQualified = "Crm:LeadAlreadyQualified";
    public const string LeadClosed = "Crm:LeadClosed";
    public const string InvalidLeadStatus = "Crm:InvalidLeadStatus";
    public const string OpportunityClosed = "Crm:OpportunityClosed";
    public const string LostReasonRequired = "Crm:LostReasonRequired";
    public const string UnknownCustomer = "Crm:UnknownCustomer";
    public const string AmbiguousCustomer = "Crm:AmbiguousCustomer";
    public const string SeveralPrimaryContacts = "Crm:SeveralPrimaryContacts";
}
