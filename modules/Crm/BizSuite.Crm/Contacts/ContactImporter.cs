using BizSuite.Crm.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contacts;

/// <summary>Contacts from a spreadsheet (联系人导入); the customer is named by its name or its credit code.</summary>
internal sealed class ContactImporter(CrmDbContext db, ContactAppService contacts) : Importer<SaveContactRequest>
{
    private List<(Guid Id, string Name, string? CreditCode)>? _customers;

    public override string Name => "contacts";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("customerId", Required: true, "客户名称", "所属客户", "统一社会信用代码", "Customer name"),
        new("name", Required: true, "联系人", "姓名", "Contact name"),
        new("position", false, "职务", "职位", "Title"),
        new("phone", false, "电话", "手机", "Mobile"),
        new("email", false, "邮箱", "电子邮件", "Email"),
        new("isPrimary", false, "主联系人", "Primary"),
    ];

    protected override async Task<SaveContactRequest> ParseAsync(ImportRow row, CancellationToken ct)
    {
        _customers ??= (await db.Customers.AsNoTracking().Select(c => new { c.Id, c.Name, c.CreditCode }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name, c.CreditCode)).ToList();
        var customerId = Guid.Empty;
        if (row.Text("customerId") is { } customer)
        {
            var matches = _customers.Where(c => string.Equals(c.Name, customer, StringComparison.OrdinalIgnoreCase) ||
                                                string.Equals(c.CreditCode, customer, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1) customerId = matches[0].Id;
            else row.AddError("customerId", matches.Count == 0 ? CrmErrors.UnknownCustomer : CrmErrors.AmbiguousCustomer, customer);
        }
        return new SaveContactRequest(customerId, row.Text("name") ?? "", row.Text("position"), row.Text("phone"), row.Text("email"), row.Bool("isPrimary"));
    }

    /// <summary>A customer has one primary contact; the file cannot name two (the database's one is demoted as by hand).</summary>
    protected override Task CheckAsync(IReadOnlyList<(ImportRow Row, SaveContactRequest Request)> rows, CancellationToken ct)
    {
        foreach (var extra in rows.Where(r => r.Request.IsPrimary && r.Request.CustomerId != Guid.Empty)
                     .GroupBy(r => r.Request.CustomerId).SelectMany(g => g.Skip(1)))
            extra.Row.AddError("isPrimary", CrmErrors.SeveralPrimaryContacts, extra.Row.Text("customerId")!);
        return Task.CompletedTask;
    }

    protected override Task CreateAsync(SaveContactRequest request, CancellationToken ct) => contacts.CreateAsync(request, ct);
}
