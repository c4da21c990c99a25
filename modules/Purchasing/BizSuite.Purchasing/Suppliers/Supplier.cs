using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Purchasing.Suppliers;

/// <summary>A supplier (供应商) with what purchase orders, bills and payments need: credit code, bank account, contact, payment terms.</summary>
[Audited]
internal sealed class Supplier : CustomFieldsAggregate, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码; optional for individuals and foreign suppliers, checked when given, unique in the tenant.</summary>
    public string? CreditCode { get; private set; }
    public string? TaxId { get; private set; }
    public string? BankName { get; private set; }
    public string? BankAccount { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    /// <summary>Days from the bill date to the payable's due date (账期).</summary>
    public int PaymentTermDays { get; private set; }
    public string Currency { get; private set; } = "";
    public bool IsActive { get; private set; }

    private Supplier() { }

    public static Supplier Create(SaveSupplierRequest data, string defaultCurrency)
    {
        var supplier = new Supplier();
        supplier.Update(data, defaultCurrency);
        return supplier;
    }

    public void Update(SaveSupplierRequest data, string defaultCurrency)
    {
        var code = string.IsNullOrWhiteSpace(data.CreditCode) ? null : data.CreditCode.Trim().ToUpperInvariant();
        if (code is not null && !Kernel.CreditCode.IsValid(code))
            throw new BusinessException(PurchasingErrors.InvalidCreditCode, StatusCodes.Status400BadRequest, code) { Field = "creditCode" };
        Name = data.Name.Trim();
        CreditCode = code;
        // A company's taxpayer id is its credit code unless another is given.
        TaxId = string.IsNullOrWhiteSpace(data.TaxId) ? code : data.TaxId.Trim();
        BankName = Clean(data.BankName);
        BankAccount = Clean(data.BankAccount);
        ContactName = Clean(data.ContactName);
        ContactPhone = Clean(data.ContactPhone);
        ContactEmail = Clean(data.ContactEmail);
        PaymentTermDays = data.PaymentTermDays;
        Currency = string.IsNullOrWhiteSpace(data.Currency) ? defaultCurrency : data.Currency.Trim().ToUpperInvariant();
        IsActive = data.IsActive;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
