using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Receivables;

internal sealed class ReceivableAppService(FinanceDbContext db)
{
    public async Task<PagedResult<ReceivableDto>> GetListAsync(PageRequest page, Guid? contractId, Guid? customerId, CollectionStatus? status, CancellationToken ct)
    {
        var query = db.Receivables.AsNoTracking();
        if (contractId is not null) query = query.Where(r => r.ContractId == contractId);
        if (customerId is not null) query = query.Where(r => r.CustomerId == customerId);
        if (status is not null) query = query.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(r => r.ContractNumber.Contains(page.Filter) || r.CustomerName.Contains(page.Filter));
        query = page.SortField is null ? query.OrderByDescending(r => r.Id) : query.SortBy(page, ("contractNumber", r => r.ContractNumber), ("grossTotal", r => r.GrossTotal));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<ReceivableDto>(items.Select(r => r.ToDto()).ToList(), await query.LongCountAsync(ct));
    }
}
