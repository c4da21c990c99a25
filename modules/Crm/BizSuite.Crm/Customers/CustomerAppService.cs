using BizSuite.Crm.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Customers;

internal sealed class CustomerAppService(CrmDbContext db)
{
    public async Task<PagedResult<CustomerDto>> GetListAsync(PageRequest page, CancellationToken ct)
    {
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(c => c.Name.Contains(page.Filter) || c.CreditCode == page.Filter.ToUpper());
        query = query.SortBy(page, ("name", c => c.Name), ("createdAt", c => c.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<CustomerDto>(items.Select(c => c.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<CustomerDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public async Task<CustomerDto> CreateAsync(SaveCustomerRequest request, CancellationToken ct) =>
        (await AddAsync(Customer.Create(request), ct)).ToDto();

    /// <summary>Also how a qualified lead becomes a customer: the same checks as a customer entered by hand.</summary>
    public async Task<Customer> AddAsync(Customer customer, CancellationToken ct)
    {
        await EnsureUniqueAsync(customer, ct);
        db.Customers.Add(customer);
        return customer;
    }

    public async Task<CustomerDto> UpdateAsync(Guid id, SaveCustomerRequest request, CancellationToken ct)
    {
        var customer = await LoadAsync(id, ct);
        customer.Update(request);
        await EnsureUniqueAsync(customer, ct);
        return customer.ToDto();
    }

    public async Task<Customer> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Customer", id);

    private async Task EnsureUniqueAsync(Customer customer, CancellationToken ct)
    {
        if (customer.CreditCode is not null && await db.Customers.AnyAsync(c => c.CreditCode == customer.CreditCode && c.Id != customer.Id, ct))
            throw new BusinessException(CrmErrors.DuplicateCreditCode, StatusCodes.Status409Conflict, customer.CreditCode) { Field = "creditCode" };
    }
}

internal sealed class SaveCustomerRequestValidator : AbstractValidator<SaveCustomerRequest>
{
    public SaveCustomerRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.TaxId).MaximumLength(32);
        RuleFor(r => r.BillingAddress).MaximumLength(400);
        RuleFor(r => r.BankAccount).MaximumLength(200);
    }
}
