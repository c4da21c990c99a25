using System.Text.Json.Nodes;
using BizSuite.Crm.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contacts;

/// <summary>
/// The billing contact is the primary contact when it has an e-mail address, else the first contact that has one;
/// billing details are the customer's own.
/// </summary>
internal sealed class CustomerDirectory(CrmDbContext db) : ICustomerDirectory
{
    public async Task<BillingContact?> FindBillingContactAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.Contacts.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.Email != null && c.Email != "")
            .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id)
            .Select(c => new BillingContact(c.Name, c.Email!))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<CustomerBillingDetails?> FindBillingDetailsAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new CustomerBillingDetails(c.Name, c.TaxId, c.BillingAddress, c.BankAccount))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<JsonObject> FindCustomFieldsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var json = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.CustomFields).FirstOrDefaultAsync(cancellationToken);
        return json is null ? [] : JsonNode.Parse(json)!.AsObject();
    }

    public async Task<Guid?> FindContractOwnerAsync(Guid contractId, CancellationToken cancellationToken) =>
        await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => c.CreatedBy).FirstOrDefaultAsync(cancellationToken);
}
