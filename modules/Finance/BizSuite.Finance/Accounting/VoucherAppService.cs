using System.Globalization;
using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Accounting;

internal sealed class VoucherAppService(FinanceDbContext db)
{
    public async Task<PagedResult<VoucherDto>> GetListAsync(PageRequest page, Guid? sourceId, CancellationToken ct)
    {
        var query = db.Vouchers.AsNoTracking();
        if (sourceId is not null) query = query.Where(v => v.SourceId == sourceId);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(v => v.Number.Contains(page.Filter) || v.SourceNumber.Contains(page.Filter) || v.Summary.Contains(page.Filter));
        query = page.SortField is null ? query.OrderByDescending(v => v.Id) : query.SortBy(page, ("number", v => v.Number), ("postedOn", v => v.PostedOn));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var names = await AccountNamesAsync(ct);
        return new PagedResult<VoucherDto>(items.Select(v => new VoucherDto(v.Id, v.Number, v.PostedOn, v.Summary, v.SourceType.ToString(), v.SourceId,
            v.SourceNumber, v.Total, v.Lines.OrderBy(l => l.LineNumber)
                .Select(l => new VoucherLineDto(l.AccountCode, names.GetValueOrDefault(l.AccountCode, l.AccountCode), l.Debit, l.Credit)).ToList())).ToList(),
            await query.LongCountAsync(ct));
    }

    public async Task<IReadOnlyList<AccountDto>> GetAccountsAsync(CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        return accounts.Select(a => new AccountDto(a.Code, LocalName(a), a.Type.ToString())).ToList();
    }

    public async Task<Dictionary<string, string>> AccountNamesAsync(CancellationToken ct) =>
        (await db.Accounts.AsNoTracking().ToListAsync(ct)).ToDictionary(a => a.Code, LocalName);

    private static string LocalName(Account a) => CultureInfo.CurrentUICulture.Name.StartsWith("zh") ? a.Name : a.NameEn;
}
