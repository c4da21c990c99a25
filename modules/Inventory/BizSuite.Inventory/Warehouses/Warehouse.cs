using System.Text.RegularExpressions;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Inventory.Warehouses;

/// <summary>
/// A warehouse (仓库). Goods receipts name one; sales deliveries leave from the default one, so a tenant always has at most one default.
/// An inactive warehouse keeps its ledger but takes no new stock.
/// </summary>
[Audited]
internal sealed partial class Warehouse : AggregateRoot, IMultiTenant
{
    public const int CodeMaxLength = 20;

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Address { get; private set; }
    public bool IsDefault { get; private set; }
    public bool IsActive { get; private set; }

    private Warehouse() { }

    public static Warehouse Create(SaveWarehouseRequest data)
    {
        var warehouse = new Warehouse { IsActive = true };
        warehouse.Update(data);
        return warehouse;
    }

    public void Update(SaveWarehouseRequest data)
    {
        var code = data.Code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(code))
            throw new BusinessException(InventoryErrors.InvalidWarehouseCode, StatusCodes.Status400BadRequest, code, CodeMaxLength) { Field = "code" };
        Code = code;
        Name = data.Name.Trim();
        Address = string.IsNullOrWhiteSpace(data.Address) ? null : data.Address.Trim();
        IsDefault = data.IsDefault;
    }

    public void ClearDefault() => IsDefault = false;

    public void MakeDefault() => IsDefault = true;

    public void SetActive(bool isActive)
    {
        IsActive = isActive;
        if (!isActive) IsDefault = false;
    }

    [GeneratedRegex("^[A-Z0-9-]{1,20}$")]
    private static partial Regex CodePattern();
}
