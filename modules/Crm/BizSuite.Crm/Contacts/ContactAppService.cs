using BizSuite.Crm.Customers;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contacts;

internal sealed class ContactAppService(CrmDbContext db, CustomerAppService customers)
{
    public async Task<PagedResult<ContactDto>> GetListAsync(PageRequest page, Guid? customerId, CancellationToken ct)
    {
        var query = db.Contacts.AsNoTracking();
        if (customerId is not null) query = query.Where(c => c.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var total = await query.CountLimitedAsync(ct);
        query = page.SortField is null
            ? query.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Name)
            : query.SortBy(page, ("name", c => c.Name), ("createdAt", c => c.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        var names = await db.CustomerNamesAsync(items.Select(c => c.CustomerId), ct);
        return new PagedResult<ContactDto>(items.Select(c => c.ToDto(names.GetValueOrDefault(c.CustomerId, ""))).ToList(), total);
    }

    public async Task<ContactDto> GetAsync(Guid id, CancellationToken ct)
    {
        var contact = await LoadAsync(id, ct);
        return contact.ToDto((await customers.LoadAsync(contact.CustomerId, ct)).Name);
    }

    public async Task<ContactDto> CreateAsync(SaveContactRequest request, CancellationToken ct)
    {
        var customer = await customers.LoadAsync(request.CustomerId, ct);
        var contact = Contact.Create(customer.Id, request.Name, request.Position, request.Phone, request.Email, request.IsPrimary);
        await KeepOnePrimaryAsync(contact, ct);
        db.Contacts.Add(contact);
        return contact.ToDto(customer.Name);
    }

    public async Task<ContactDto> UpdateAsync(Guid id, SaveContactRequest request, CancellationToken ct)
    {
        var contact = await LoadAsync(id, ct);
        var customer = await customers.LoadAsync(contact.CustomerId, ct);
        contact.Update(request.Name, request.Position, request.Phone, request.Email, request.IsPrimary);
        await KeepOnePrimaryAsync(contact, ct);
        return contact.ToDto(customer.Name);
    }

    /// <summary>Marking a contact primary demotes the customer's previous primary contact.</summary>
    private async Task KeepOnePrimaryAsync(Contact contact, CancellationToken ct)
    {
        if (!contact.IsPrimary) return;
        var others = await db.Contacts.Where(c => c.CustomerId == contact.CustomerId && c.IsPrimary && c.Id != contact.Id).ToListAsync(ct);
        foreach (var other in others) other.ClearPrimary();
    }

    private async Task<Contact> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Contact", id);
}

internal sealed class SaveContactRequestValidator : AbstractValidator<SaveContactRequest>
{
    public SaveContactRequestValidator()
    {
        RuleFor(r => r.CustomerId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Position).MaximumLength(100);
        RuleFor(r => r.Phone).MaximumLength(32);
        RuleFor(r => r.Email).EmailAddress().MaximumLength(200).When(r => !string.IsNullOrWhiteSpace(r.Email));
    }
}
