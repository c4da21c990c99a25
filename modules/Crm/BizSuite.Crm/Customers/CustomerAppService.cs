using BizSuite.Crm.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Customers;

internal sealed class CustomerAppService(CrmDbContext db, ICustomFields customFields)
{
    /// <summary><paramref name="customField"/> and <paramref name="customValue"/> filter by one option of a custom select field (客户等级 = A).</summary>
    public async Task<PagedResult<CustomerDto>> GetListAsync(PageRequest page, string? customField, string? customValue, CancellationToken ct)
    {
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var byCustomField = customField is not null && customValue is not null;
        if (byCustomField) query = query.WhereCustomValue(db, customField!, customValue!);
        var filtered = query;
        query = query.SortBy(page, ("name", c => c.Name), ("createdAt", c => c.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        // Filtered by the custom field alone, the count is a range of the index (one row per customer and value).
        var total = byCustomField && string.IsNullOrWhiteSpace(page.Filter)
            ? await db.CountWithCustomValueAsync<Customer>(customField!, customValue!, ct)
            : await filtered.CountLimitedAsync(ct);
        return new PagedResult<CustomerDto>(items.Select(c => c.ToDto()).ToList(), total);
    }

    public async Task<CustomerDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public async Task<CustomerDto> CreateAsync(SaveCustomerRequest request, CancellationToken ct)
    {
        var customer = Customer.Create(request);
        await customFields.SetAsync(CrmCustomFields.Customer, customer, request.CustomFields, isNew: true, ct);
        return (await AddAsync(customer, ct)).ToDto();
    }

    /// <summary>Also how a qualified lead becomes a customer: the same checks as a customer entered by hand.</summary>
    public async Task<Customer> AddAsync(Customer customer, CancellationToken ct)
    {
        await EnsureUniqueAsync(customer, ct);
        customer.Saved(isNew: true);
        db.Customers.Add(customer);
        return customer;
    }

    public async Task<CustomerDto> UpdateAsync(Guid id, SaveCustomerRequest request, CancellationToken ct)
    {
        var customer = await LoadAsync(id, ct);
        customer.Update(request);
        await customFields.SetAsync(CrmCustomFields.Customer, customer, request.CustomFields, isNew: false, ct);
        await EnsureUniqueAsync(customer, ct);
        customer.Saved(isNew: false);
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

/// <summary>Customers take custom fields.</summary>
internal sealed class CustomerCustomFields(CrmDbContext db) : CustomFieldEntity<Customer>(CrmCustomFields.Customer, CrmPermissions.Customers, db.Customers);

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
