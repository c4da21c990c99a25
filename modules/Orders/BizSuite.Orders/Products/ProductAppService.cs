using BizSuite.Kernel;
using BizSuite.Orders.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.Products;

internal sealed class ProductAppService(OrdersDbContext db, SettingStore settings, ICustomFields customFields) : IProductAppService
{
    public async Task<PagedResult<ProductDto>> GetListAsync(PageRequest page, bool? active, string? customField, string? customValue,
        CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking();
        if (customField is not null && customValue is not null) query = query.WhereCustomValue(db, customField, customValue);
        if (active is not null) query = query.Where(p => p.IsActive == active);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(p => p.Sku.Contains(page.Filter.ToUpper()) || p.Name.Contains(page.Filter));
        query = query.SortBy(page, ("sku", p => p.Sku), ("name", p => p.Name), ("unitPrice", p => p.UnitPrice), ("createdAt", p => p.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<ProductDto>(items.Select(p => p.ToDto()).ToList(), await query.LongCountAsync(cancellationToken));
    }

    public async Task<ProductDto> GetAsync(Guid id, CancellationToken cancellationToken) => (await LoadAsync(id, cancellationToken)).ToDto();

    public async Task<ProductDto> CreateAsync(SaveProductRequest request, CancellationToken cancellationToken)
    {
        var product = Product.Create(request, await CurrencyAsync(request, cancellationToken));
        await EnsureUniqueAsync(product, cancellationToken);
        await customFields.SetAsync(OrdersCustomFields.Product, product, request.CustomFields, isNew: true, cancellationToken);
        db.Products.Add(product);
        return product.ToDto();
    }

    public async Task<ProductDto> UpdateAsync(Guid id, SaveProductRequest request, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(id, cancellationToken);
        product.Update(request, await CurrencyAsync(request, cancellationToken));
        await EnsureUniqueAsync(product, cancellationToken);
        await customFields.SetAsync(OrdersCustomFields.Product, product, request.CustomFields, isNew: false, cancellationToken);
        return product.ToDto();
    }

    public async Task<ProductDto> SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(id, cancellationToken);
        product.SetActive(isActive);
        return product.ToDto();
    }

    private async Task<Product> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Product", id);

    private async Task<string> CurrencyAsync(SaveProductRequest request, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Currency) ? await settings.GetAsync(KernelSettings.Currency, cancellationToken) : request.Currency.Trim();

    // The unique index is the last line of defence; this check turns the common case into a message beside the field.
    private async Task EnsureUniqueAsync(Product product, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(p => p.Sku == product.Sku && p.Id != product.Id, cancellationToken))
            throw new BusinessException(OrdersErrors.DuplicateSku, StatusCodes.Status409Conflict, product.Sku) { Field = "sku" };
    }
}

/// <summary>Products take custom fields.</summary>
internal sealed class ProductCustomFields(OrdersDbContext db) : CustomFieldEntity<Product>(OrdersCustomFields.Product, OrdersPermissions.Products, db.Products);

internal sealed class SaveProductRequestValidator : AbstractValidator<SaveProductRequest>
{
    public SaveProductRequestValidator()
    {
        RuleFor(r => r.Sku).NotEmpty().MaximumLength(Product.SkuMaxLength);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Unit).NotEmpty().MaximumLength(16);
        RuleFor(r => r.UnitPrice).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Currency).Length(3).When(r => !string.IsNullOrWhiteSpace(r.Currency));
        RuleFor(r => r.Description).MaximumLength(1000);
    }
}
