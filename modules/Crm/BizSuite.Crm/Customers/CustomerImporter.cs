using BizSuite.Crm.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Customers;

/// <summary>Customers from a spreadsheet (客户导入): the credit code is checked and must be new to the tenant and to the file.</summary>
internal sealed class CustomerImporter(CrmDbContext db, CustomerAppService customers) : Importer<SaveCustomerRequest>
{
    public override string Name => "customers";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("name", Required: true, "客户名称", "公司名称", "Customer name", "Company"),
        new("creditCode", false, "统一社会信用代码", "信用代码", "Unified social credit code"),
        new("taxId", false, "税号", "纳税人识别号"),
        new("billingAddress", false, "开票地址", "地址", "Address"),
        new("bankAccount", false, "开户行及账号", "银行账号"),
    ];

    protected override string CustomFieldEntityType => CrmCustomFields.Customer;

    protected override Task<SaveCustomerRequest> ParseAsync(ImportRow row, CancellationToken ct)
    {
        var request = new SaveCustomerRequest(row.Text("name") ?? "", row.Text("creditCode")?.ToUpperInvariant(), row.Text("taxId"),
            row.Text("billingAddress"), row.Text("bankAccount"), CustomFieldValues(row));
        row.Check(() => Customer.Create(request));
        return Task.FromResult(request);
    }

    protected override async Task CheckAsync(IReadOnlyList<(ImportRow Row, SaveCustomerRequest Request)> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Request.CreditCode).OfType<string>().Distinct().ToList();
        var taken = await db.Customers.Where(c => codes.Contains(c.CreditCode!)).Select(c => c.CreditCode!).ToListAsync(ct);
        FlagDuplicates(rows, "creditCode", r => r.CreditCode, taken, CrmErrors.DuplicateCreditCode);
    }

    protected override Task CreateAsync(SaveCustomerRequest request, CancellationToken ct) => customers.CreateAsync(request, ct);
}
