using System.Text.RegularExpressions;
using BizSuite.Crm;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Orders.Products;

/// <summary>
/// A product or service of the catalogue (产品/服务). Contract lines copy its name, price and VAT rate
/// when it is picked, so changing it later never changes a contract already drafted.
/// </summary>
[Audited]
internal sealed partial class Product : CustomFieldsAggregate, IMultiTenant
{
    public const int SkuMaxLength = 40;

    public Guid? TenantId { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ProductKind Kind { get; private set; }
    /// <summary>Free text as printed on invoices: 台, 个, 小时, 套 …</summary>
    public string Unit { get; private set; } = "";
    public decimal UnitPrice { get; private set; }
    public string Currency { get; private set; } = "";
    public decimal DefaultVatRate { get; private set; }
    /// <summary>Inactive items stay on old documents but are no longer offered for new lines.</summary>
    public bool IsActive { get; private set; }
    public string? Description { get; private set; }

    private Product() { }

    public static Product Create(SaveProductRequest data, string currency)
    {
        var product = new Product { IsActive = true };
        product.Update(data, currency);
        return product;
    }

    public void Update(SaveProductRequest data, string currency)
    {
        // SKUs are compared and printed in upper case; accepting "srv-01" spares users a pointless error.
        var sku = data.Sku.Trim().ToUpperInvariant();
        if (!SkuPattern().IsMatch(sku))
            throw new BusinessException(OrdersErrors.InvalidSku, StatusCodes.Status400BadRequest, sku, SkuMaxLength) { Field = "sku" };
        if (!VatRates.Allowed.Contains(data.DefaultVatRate))
            throw new BusinessException(OrdersErrors.InvalidVatRate, StatusCodes.Status400BadRequest, data.DefaultVatRate) { Field = "defaultVatRate" };
        Sku = sku;
        Name = data.Name.Trim();
        Kind = data.Kind;
        Unit = data.Unit.Trim();
        UnitPrice = data.UnitPrice;
        Currency = currency.ToUpperInvariant();
        DefaultVatRate = data.DefaultVatRate;
        Description = string.IsNullOrWhiteSpace(data.Description) ? null : data.Description.Trim();
    }

    public void SetActive(bool isActive) => IsActive = isActive;

    [GeneratedRegex("^[A-Z0-9-]{1,40}$")]
    private static partial Regex SkuPattern();
}
