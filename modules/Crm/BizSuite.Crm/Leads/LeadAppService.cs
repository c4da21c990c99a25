using BizSuite.Crm.Contacts;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Data;
using BizSuite.Crm.Opportunities;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Leads;

internal sealed class LeadAppService(CrmDbContext db, CustomerAppService customers, SettingStore settings, ICurrentUser currentUser)
{
    public async Task<PagedResult<LeadDto>> GetListAsync(PageRequest page, LeadStatus? status, CancellationToken ct)
    {
        var query = db.Leads.AsNoTracking();
        if (status is not null) query = query.Where(l => l.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(l => l.Name.Contains(page.Filter) || l.ContactPerson.Contains(page.Filter) || l.Phone == page.Filter || l.Email == page.Filter);
        query = query.SortBy(page, ("createdAt", l => l.CreatedAt), ("name", l => l.Name), ("status", l => l.Status), ("source", l => l.Source));
        if (page.SortField is null) query = query.OrderByDescending(l => l.CreatedAt);
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<LeadDto>(items.Select(l => l.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<LeadDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public Task<LeadDto> CreateAsync(SaveLeadRequest request, CancellationToken ct)
    {
        var lead = Lead.Create(request, currentUser.Id);
        db.Leads.Add(lead);
        return Task.FromResult(lead.ToDto());
    }

    public async Task<LeadDto> UpdateAsync(Guid id, SaveLeadRequest request, CancellationToken ct)
    {
        var lead = await LoadAsync(id, ct);
        lead.Update(request);
        return lead.ToDto();
    }

    /// <summary>
    /// Lead → customer + primary contact + opportunity, in the request's one transaction: a refused
    /// customer (bad or taken credit code) leaves no contact, opportunity or qualified lead behind.
    /// </summary>
    public async Task<LeadDto> QualifyAsync(Guid id, QualifyLeadRequest request, CancellationToken ct)
    {
        var lead = await LoadAsync(id, ct);
        lead.EnsureOpen();
        var customer = await customers.AddAsync(Customer.Create(new SaveCustomerRequest(lead.Name, request.CreditCode, null, null, null)), ct);
        var contact = Contact.Create(customer.Id, lead.ContactPerson, null, lead.Phone, lead.Email, isPrimary: true);
        db.Contacts.Add(contact);
        var currency = await settings.GetAsync(KernelSettings.Currency, ct);
        var opportunity = Opportunity.Open(customer.Id, string.IsNullOrWhiteSpace(request.OpportunityName) ? lead.Name : request.OpportunityName,
            request.Amount ?? 0m, currency, request.ExpectedCloseDate, null, lead.OwnerId);
        db.Opportunities.Add(opportunity);
        lead.Qualify(customer.Id, contact.Id, opportunity.Id);
        return lead.ToDto();
    }

    public async Task<LeadDto> DisqualifyAsync(Guid id, DisqualifyLeadRequest request, CancellationToken ct)
    {
        var lead = await LoadAsync(id, ct);
        lead.Disqualify(request.Reason);
        return lead.ToDto();
    }

    private async Task<Lead> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new EntityNotFoundException("Lead", id);
}

internal sealed class SaveLeadRequestValidator : AbstractValidator<SaveLeadRequest>
{
    public SaveLeadRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.ContactPerson).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Phone).MaximumLength(32);
        RuleFor(r => r.Email).EmailAddress().MaximumLength(200).When(r => !string.IsNullOrWhiteSpace(r.Email));
        RuleFor(r => r.Source).IsInEnum();
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Notes).MaximumLength(2000);
    }
}

internal sealed class QualifyLeadRequestValidator : AbstractValidator<QualifyLeadRequest>
{
    public QualifyLeadRequestValidator()
    {
        RuleFor(r => r.OpportunityName).MaximumLength(200);
        RuleFor(r => r.Amount).GreaterThanOrEqualTo(0).When(r => r.Amount is not null);
    }
}

internal sealed class DisqualifyLeadRequestValidator : AbstractValidator<DisqualifyLeadRequest>
{
    public DisqualifyLeadRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
