using BizSuite.Crm.Customers;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Opportunities;

internal sealed class OpportunityAppService(CrmDbContext db, CustomerAppService customers, SettingStore settings, ICurrentUser currentUser)
{
    public async Task<PagedResult<OpportunityDto>> GetListAsync(PageRequest page, Guid? customerId, OpportunityStage? stage, CancellationToken ct)
    {
        var query = db.Opportunities.AsNoTracking();
        if (customerId is not null) query = query.Where(o => o.CustomerId == customerId);
        if (stage is not null) query = query.Where(o => o.Stage == stage);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(o => o.Name.Contains(page.Filter));
        query = query.SortBy(page, ("createdAt", o => o.CreatedAt), ("name", o => o.Name), ("amount", o => o.Amount),
            ("expectedCloseDate", o => o.ExpectedCloseDate), ("stage", o => o.Stage));
        if (page.SortField is null) query = query.OrderByDescending(o => o.CreatedAt);
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var names = await db.CustomerNamesAsync(items.Select(o => o.CustomerId), ct);
        return new PagedResult<OpportunityDto>(items.Select(o => o.ToDto(names.GetValueOrDefault(o.CustomerId, ""))).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<OpportunityDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await LoadAsync(id, ct), ct);

    public async Task<OpportunityDto> CreateAsync(SaveOpportunityRequest request, CancellationToken ct)
    {
        var customer = await customers.LoadAsync(request.CustomerId, ct);
        var currency = request.Currency ?? await settings.GetAsync(KernelSettings.Currency, ct);
        var opportunity = Opportunity.Open(customer.Id, request.Name, request.Amount, currency, request.ExpectedCloseDate, request.Probability,
            request.OwnerId ?? currentUser.Id);
        db.Opportunities.Add(opportunity);
        return opportunity.ToDto(customer.Name);
    }

    /// <summary>The customer stays: a deal with another customer is another opportunity.</summary>
    public async Task<OpportunityDto> UpdateAsync(Guid id, SaveOpportunityRequest request, CancellationToken ct)
    {
        var opportunity = await LoadAsync(id, ct);
        opportunity.Update(request.Name, request.Amount, request.Currency ?? opportunity.Currency, request.ExpectedCloseDate, request.Probability, request.OwnerId);
        return await ToDtoAsync(opportunity, ct);
    }

    public async Task<OpportunityDto> MoveAsync(Guid id, MoveOpportunityRequest request, CancellationToken ct)
    {
        var opportunity = await LoadAsync(id, ct);
        opportunity.MoveTo(request.Stage, request.LostReason, request.Probability);
        return await ToDtoAsync(opportunity, ct);
    }

    private async Task<OpportunityDto> ToDtoAsync(Opportunity opportunity, CancellationToken ct) =>
        opportunity.ToDto((await customers.LoadAsync(opportunity.CustomerId, ct)).Name);

    private async Task<Opportunity> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new EntityNotFoundException("Opportunity", id);
}

internal sealed class SaveOpportunityRequestValidator : AbstractValidator<SaveOpportunityRequest>
{
    public SaveOpportunityRequestValidator()
    {
        RuleFor(r => r.CustomerId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Amount).GreaterThanOrEqualTo(0);
        RuleFor(r => r.Currency).Length(3).When(r => r.Currency is not null);
        RuleFor(r => r.Probability).InclusiveBetween(0, 100).When(r => r.Probability is not null);
    }
}

internal sealed class MoveOpportunityRequestValidator : AbstractValidator<MoveOpportunityRequest>
{
    public MoveOpportunityRequestValidator()
    {
        RuleFor(r => r.Stage).IsInEnum();
        RuleFor(r => r.LostReason).MaximumLength(1000);
        RuleFor(r => r.Probability).InclusiveBetween(0, 100).When(r => r.Probability is not null);
    }
}
