using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Suppliers;

/// <summary>Suppliers from a spreadsheet (供应商导入): the credit code is checked and must be new to the tenant and to the file.</summary>
internal sealed class SupplierImporter(PurchasingDbContext db, SupplierAppService suppliers) : Importer<SaveSupplierRequest>
{
    public override string Name => "suppliers";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("name", Required: true, "供应商名称", "公司名称", "Supplier name", "Company"),
        new("creditCode", false, "统一社会信用代码", "信用代码", "Unified social credit code"),
        new("taxId", false, "税号", "纳税人识别号"),
        new("bankName", false, "开户行", "Bank"),
        new("bankAccount", false, "银行账号", "账号"),
        new("contactName", false, "联系人", "Contact"),
        new("contactPhone", false, "联系电话", "电话", "Phone"),
        new("contactEmail", false, "邮箱", "电子邮件", "E-mail", "Email"),
        new("paymentTermDays", false, "账期（天）", "账期", "Payment terms (days)", "Payment terms"),
    ];

    protected override string CustomFieldEntityType => PurchasingCustomFields.Supplier;

    protected override Task<SaveSupplierRequest> ParseAsync(ImportRow row, CancellationToken ct)
    {
        var days = row.Text("paymentTermDays") is null ? 30 : (int)row.Decimal("paymentTermDays");
        var request = new SaveSupplierRequest(row.Text("name") ?? "", row.Text("creditCode")?.ToUpperInvariant(), row.Text("taxId"), row.Text("bankName"),
            row.Text("bankAccount"), row.Text("contactName"), row.Text("contactPhone"), row.Text("contactEmail"), days, CustomFields: CustomFieldValues(row));
        row.Check(() => Supplier.Create(request, "CNY"));
        return Task.FromResult(request);
    }

    protected override async Task CheckAsync(IReadOnlyList<(ImportRow Row, SaveSupplierRequest Request)> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Request.CreditCode).OfType<string>().Distinct().ToList();
        var taken = await db.Suppliers.Where(s => codes.Contains(s.CreditCode!)).Select(s => s.CreditCode!).ToListAsync(ct);
        FlagDuplicates(rows, "creditCode", r => r.CreditCode, taken, PurchasingErrors.DuplicateCreditCode);
    }

    protected override Task CreateAsync(SaveSupplierRequest request, CancellationToken ct) => suppliers.CreateAsync(request, ct);
}
