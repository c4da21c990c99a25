using System.Text.Json.Nodes;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Crm.Customers;

/// <summary>A customer company (客户) with the data its invoices need: credit code, tax id, billing details.</summary>
[Audited]
internal sealed class Customer : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码; optional for individuals and foreign companies, checked when given.</summary>
    public string? CreditCode { get; private set; }
    public string? TaxId { get; private set; }
    public string? BillingAddress { get; private set; }
    public string? BankAccount { get; private set; }
    /// <summary>Custom-field values as JSON, checked by the kernel's field definitions; the audit log records its changes.</summary>
    public string CustomFields { get; private set; } = "{}";
    /// <summary>Select values, one row each, so lists filter by them through an index.</summary>
    public List<CustomerFieldValue> IndexedValues { get; private set; } = [];

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

    public JsonObject CustomFieldValues() => JsonNode.Parse(CustomFields)!.AsObject();

    /// <summary>
    /// Takes checked values; those of <paramref name="indexedKeys"/> (select fields) also go to the filter index, whose
    /// rows carry the tenant (a new customer gets its own only when added) so the index serves one tenant's filter.
    /// </summary>
    public void SetCustomFields(JsonObject values, IReadOnlySet<string> indexedKeys, Guid? tenantId)
    {
        CustomFields = values.ToJsonString();
        var wanted = values.Where(v => indexedKeys.Contains(v.Key))
            .SelectMany(v => v.Value is JsonArray many ? many.Select(x => (v.Key, x!.GetValue<string>())) : [(v.Key, v.Value!.ToString())])
            .ToHashSet();
        IndexedValues.RemoveAll(x => !wanted.Contains((x.FieldKey, x.Value)));
        foreach (var (key, value) in wanted.Where(w => !IndexedValues.Any(x => x.FieldKey == w.Item1 && x.Value == w.Item2)))
            IndexedValues.Add(new CustomerFieldValue(tenantId, key, value));
    }
}

/// <summary>One chosen option of a customer's select field (客户等级 = A), the row a list filter finds through its index.</summary>
internal sealed class CustomerFieldValue(Guid? tenantId, string fieldKey, string value) : Entity
{
    public Guid? TenantId { get; private set; } = tenantId;
    public string FieldKey { get; private set; } = fieldKey;
    public string Value { get; private set; } = value;
}
