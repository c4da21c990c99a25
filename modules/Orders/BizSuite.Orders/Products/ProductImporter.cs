using BizSuite.Kernel;
using BizSuite.Orders.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.Products;

/// <summary>The catalogue from a spreadsheet (产品导入): SKUs must be new to the tenant and to the file.</summary>
internal sealed class ProductImporter(OrdersDbContext db, IProductAppService products) : Importer<SaveProductRequest>
{
    /// <summary>The general VAT rate applies when the file leaves the rate blank, as on the product form.</summary>
    private const decimal StandardVatRate = 0.13m;

    public override string Name => "products";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("sku", Required: true, "产品编码", "编号", "Code"),
        new("name", Required: true, "产品名称", "名称", "Product name"),
        new("kind", false, "类别"),
        new("unit", Required: true, "计量单位"),
        new("unitPrice", false, "价格", "Price"),
        new("currency", false, "货币"),
        new("defaultVatRate", false, "税率", "VAT rate", "VAT"),
        new("description", false, "说明", "备注"),
    ];

    protected override string CustomFieldEntityType => OrdersCustomFields.Product;

    protected override Task<SaveProductRequest> ParseAsync(ImportRow row, CancellationToken ct)
    {
        // "13%", "13" and "0.13" all mean the 13 % rate.
        var vat = row.Text("defaultVatRate") is null ? StandardVatRate : row.Decimal("defaultVatRate");
        if (vat >= 1) vat /= 100;
        var request = new SaveProductRequest((row.Text("sku") ?? "").ToUpperInvariant(), row.Text("name") ?? "", row.Enum("kind", ProductKind.Product),
            row.Text("unit") ?? "", row.Decimal("unitPrice"), row.Text("currency")?.ToUpperInvariant(), vat, row.Text("description"),
            CustomFieldValues(row));
        row.Check(() => Product.Create(request, request.Currency ?? "CNY"));
        return Task.FromResult(request);
    }

    protected override async Task CheckAsync(IReadOnlyList<(ImportRow Row, SaveProductRequest Request)> rows, CancellationToken ct)
    {
        var skus = rows.Select(r => r.Request.Sku).Where(s => s.Length > 0).Distinct().ToList();
        var taken = await db.Products.Where(p => skus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(ct);
        FlagDuplicates(rows, "sku", r => r.Sku, taken, OrdersErrors.DuplicateSku);
    }

    protected override Task CreateAsync(SaveProductRequest request, CancellationToken ct) => products.CreateAsync(request, ct);
}
