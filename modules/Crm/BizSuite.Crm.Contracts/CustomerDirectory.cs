namespace BizSuite.Crm;

/// <summary>Who receives a customer's documents (invoices, statements): its primary contact that has an e-mail address.</summary>
public sealed record BillingContact(string Name, string Email);

/// <summary>The buyer as its invoices and statements print it (购买方): taxpayer id, address, bank and account.</summary>
public sealed record CustomerBillingDetails(string Name, string? TaxId, string? Address, string? BankAccount)
{
    public BizSuite.Kernel.Party AsParty => new(Name, TaxId, Address, BankAccount);
}

/// <summary>What other modules may ask CRM about a customer.</summary>
public interface ICustomerDirectory
{
    Task<BillingContact?> FindBillingContactAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>Null for an unknown customer (or another tenant's).</summary>
    Task<CustomerBillingDetails?> FindBillingDetailsAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>The customer's custom-field values, for events of other modules' documents about it (empty for an unknown customer).</summary>
    Task<System.Text.Json.Nodes.JsonObject> FindCustomFieldsAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>The contract's salesperson: the user who drafted it (null for an unknown contract).</summary>
    Task<Guid?> FindContractOwnerAsync(Guid contractId, CancellationToken cancellationToken);
}
