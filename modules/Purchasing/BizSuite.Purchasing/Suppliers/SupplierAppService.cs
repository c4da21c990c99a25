using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Suppliers;

internal sealed class SupplierAppService(PurchasingDbContext db, SettingStore settings, ICustomFields customFields) : ISupplierAppService
{
    public async Task<PagedResult<SupplierDto>> GetListAsync(PageRequest page, bool? active, string? customField, string? customValue, CancellationToken ct)
    {
        var query = db.Suppliers.AsNoTracking();
        if (customField is not null && customValue is not null) query = query.WhereCustomValue(db, customField, customValue);
        if (active is not null) query = query.Where(s => s.IsActive == active);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var total = await query.CountLimitedAsync(ct);
        query = query.SortBy(page, ("name", s => s.Name), ("createdAt", s => s.CreatedAt), ("paymentTermDays", s => s.PaymentTermDays));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<SupplierDto>(items.Select(s => s.ToDto()).ToList(), total);
    }

    public async Task<SupplierDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public async Task<IReadOnlyList<SupplierChoiceDto>> ChoicesAsync(CancellationToken ct) =>
        await db.Suppliers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ProjectToDto().ToListAsync(ct);

    public async Task<SupplierDto> CreateAsync(SaveSupplierRequest request, CancellationToken ct)
    {
        var supplier = Supplier.Create(request, await settings.GetAsync(KernelSettings.Currency, ct));
        await EnsureUniqueAsync(supplier, ct);
        await customFields.SetAsync(PurchasingCustomFields.Supplier, supplier, request.CustomFields, isNew: true, ct);
        db.Suppliers.Add(supplier);
        return supplier.ToDto();
    }

    public async Task<SupplierDto> UpdateAsync(Guid id, SaveSupplierRequest request, CancellationToken ct)
    {
        var supplier = await LoadAsync(id, ct);
        supplier.Update(request, await settings.GetAsync(KernelSettings.Currency, ct));
        await EnsureUniqueAsync(supplier, ct);
        await customFields.SetAsync(PurchasingCustomFields.Supplier, supplier, request.CustomFields, isNew: false, ct);
        return supplier.ToDto();
    }

    public async Task<Supplier> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("Supplier", id);

    private async Task EnsureUniqueAsync(Supplier supplier, CancellationToken ct)
    {
        if (supplier.CreditCode is not null && await db.Suppliers.AnyAsync(s => s.CreditCode == supplier.CreditCode && s.Id != supplier.Id, ct))
            throw new BusinessException(PurchasingErrors.DuplicateCreditCode, StatusCodes.Status409Conflict, supplier.CreditCode) { Field = "creditCode" };
    }
}

/// <summary>Suppliers take custom fields.</summary>
internal sealed class SupplierCustomFields(PurchasingDbContext db) : CustomFieldEntity<Supplier>(PurchasingCustomFields.Supplier, PurchasingPermissions.Suppliers, db.Suppliers);

internal sealed class SaveSupplierRequestValidator : AbstractValidator<SaveSupplierRequest>
{
    public SaveSupplierRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.TaxId).MaximumLength(32);
        RuleFor(r => r.BankName).MaximumLength(100);
        RuleFor(r => r.BankAccount).MaximumLength(100);
        RuleFor(r => r.ContactName).MaximumLength(100);
        RuleFor(r => r.ContactPhone).MaximumLength(32);
        RuleFor(r => r.ContactEmail).MaximumLength(256).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.ContactEmail));
        RuleFor(r => r.PaymentTermDays).InclusiveBetween(0, 365);
        RuleFor(r => r.Currency).Matches("^[A-Za-z]{3}$").When(r => !string.IsNullOrWhiteSpace(r.Currency));
    }
}
