using BizSuite.Automation.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Automation.Runs;

internal sealed class RuleRunAppService(AutomationDbContext db)
{
    /// <summary>The run log, newest first, of one rule or all; the search matches the rule's name or the event.</summary>
    public async Task<PagedResult<RuleRunDto>> GetListAsync(PageRequest page, Guid? ruleId, RuleRunResult? result, CancellationToken ct)
    {
        var query = db.Runs.AsNoTracking();
        if (ruleId is not null) query = query.Where(r => r.RuleId == ruleId);
        if (result is not null) query = query.Where(r => r.Result == result);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(r => r.RuleName.Contains(page.Filter) || r.EventType.Contains(page.Filter));
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<RuleRunDto>(items.Select(r => r.ToDto()).ToList(), total);
    }
}
