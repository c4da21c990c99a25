using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Crm.Customers;

/// <summary>A customer company (客户) with the data its invoices need: credit code, tax id, billing details.</summary>
[Audited]
internal sealed class Customer : CustomFieldsAggregate, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码; optional for individuals and foreign companies, checked when given.</summary>
    public string? CreditCode { get; private set; }
    public string? TaxId { get; private set; }
    public string? BillingAddress { get; private set; }
    public string? BankAccount { get; private set; }
    private Customer() { }

    public static Customer Create(SaveCustomerRequest data)
    {
        var customer = new Customer();
        customer.Update(data);
        return customer;
    }

    public void Update(SaveCustomerRequest data)
    {
        var code = string.IsNullOrWhiteSpace(data.CreditCode) ? null : data.CreditCode.Trim().ToUpperInvariant();
        if (code is not null && !Kernel.CreditCode.IsValid(code))
            throw new BusinessException(CrmErrors.InvalidCreditCode, StatusCodes.Status400BadRequest, code) { Field = "creditCode" };
        Name = data.Name.Trim();
        CreditCode = code;
        // The taxpayer id of a company is its credit code unless another is given.
        TaxId = string.IsNullOrWhiteSpace(data.TaxId) ? code : data.TaxId.Trim();
        BillingAddress = data.BillingAddress?.Trim();
        BankAccount = data.BankAccount?.Trim();
    }

    /// <summary>Announces the customer as saved, custom values included (webhooks, automation rules).</summary>
    public void Saved(bool isNew)
    {
        var values = CustomFieldValues();
        Raise(isNew ? new CustomerCreated(Id, Name, CreditCode, values) : new CustomerUpdated(Id, Name, CreditCode, values));
    }
}
