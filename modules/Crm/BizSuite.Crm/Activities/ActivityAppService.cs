using BizSuite.Crm.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Activities;

internal sealed class ActivityAppService(CrmDbContext db, TimeProvider clock)
{
    public async Task<PagedResult<ActivityDto>> GetListAsync(PageRequest page, ActivityRegarding? regardingType, Guid? regardingId, CancellationToken ct)
    {
        var query = db.Activities.AsNoTracking();
        if (regardingType is not null) query = query.Where(a => a.RegardingType == regardingType);
        if (regardingId is not null) query = query.Where(a => a.RegardingId == regardingId);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(a => a.Subject.Contains(page.Filter));
        query = query.SortBy(page, ("occurredAt", a => a.OccurredAt), ("type", a => a.Type));
        if (page.SortField is null) query = query.OrderByDescending(a => a.OccurredAt);
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<ActivityDto>(items.Select(a => a.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<ActivityDto> LogAsync(LogActivityRequest request, CancellationToken ct)
    {
        // The tenant filter makes another tenant's record (or a made-up id) not found, like any other id.
        if (!await RegardedExistsAsync(request.RegardingType, request.RegardingId, ct))
            throw new EntityNotFoundException(request.RegardingType.ToString(), request.RegardingId);
        var activity = Activity.Log(request.Type, request.Subject, request.Notes, request.OccurredAt ?? clock.GetUtcNow().UtcDateTime,
            request.RegardingType, request.RegardingId);
        db.Activities.Add(activity);
        return activity.ToDto();
    }

    private Task<bool> RegardedExistsAsync(ActivityRegarding type, Guid id, CancellationToken ct) => type switch
    {
        ActivityRegarding.Lead => db.Leads.AnyAsync(x => x.Id == id, ct),
        ActivityRegarding.Customer => db.Customers.AnyAsync(x => x.Id == id, ct),
        ActivityRegarding.Contact => db.Contacts.AnyAsync(x => x.Id == id, ct),
        ActivityRegarding.Opportunity => db.Opportunities.AnyAsync(x => x.Id == id, ct),
        ActivityRegarding.Contract => db.Contracts.AnyAsync(x => x.Id == id, ct),
        _ => Task.FromResult(false),
    };
}

internal sealed class LogActivityRequestValidator : AbstractValidator<LogActivityRequest>
{
    public LogActivityRequestValidator()
    {
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.Subject).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Notes).MaximumLength(4000);
        RuleFor(r => r.RegardingType).IsInEnum();
        RuleFor(r => r.RegardingId).NotEmpty();
    }
}
