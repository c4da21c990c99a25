namespace BizSuite.Crm;

/// <summary>Who receives a customer's documents (invoices, statements): its primary contact that has an e-mail address.</summary>
public sealed record BillingContact(string Name, string Email);

/// <summary>What other modules may ask CRM about a customer.</summary>
public interface ICustomerDirectory
{
    Task<BillingContact?> FindBillingContactAsync(Guid customerId, CancellationToken cancellationToken);
}
