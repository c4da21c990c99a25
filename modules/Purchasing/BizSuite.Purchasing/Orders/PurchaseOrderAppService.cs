using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Orders;

internal sealed class PurchaseOrderAppService(PurchasingDbContext db, OrderNumbers numbers, CatalogueChecks checks, ICustomFields customFields) : IPurchaseOrderAppService
{
    public async Task<PagedResult<PurchaseOrderDto>> GetListAsync(PageRequest page, PurchaseOrderStatus? status, Guid? supplierId, Guid? requestId,
        string? customField, string? customValue, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking();
        if (status is not null) query = query.Where(o => o.Status == status);
        if (supplierId is not null) query = query.Where(o => o.SupplierId == supplierId);
        if (requestId is not null) query = query.Where(o => o.RequestId == requestId);
        if (customField is not null && customValue is not null) query = query.WhereCustomValue(db, customField, customValue);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(o => o.Number.Contains(page.Filter) || o.SupplierName.Contains(page.Filter) || o.RequestNumber!.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(o => o.Id)
            : query.SortBy(page, ("number", o => o.Number), ("createdAt", o => o.CreatedAt), ("grossTotal", o => o.GrossTotal), ("expectedOn", o => o.ExpectedOn));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<PurchaseOrderDto>(items.Select(o => o.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<PurchaseOrderDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct, tracked: false)).ToDto();

    /// <summary>A buyer's order without a request (a repeat purchase): a draft, like the ones approvals create.</summary>
    public async Task<PurchaseOrderDto> CreateAsync(SavePurchaseOrderRequest request, CancellationToken ct)
    {
        await checks.EnsureSuppliersAsync([request.SupplierId], ct, _ => "supplierId");
        await checks.EnsureProductsAsync(request.Lines.Select(l => l.ProductId).ToList(), ct);
        var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == request.SupplierId, ct);
        var order = new PurchaseOrder(await numbers.NextAsync(ct), supplier.Id, supplier.Name, null, null, supplier.Currency, request.ExpectedOn, request.Lines);
        db.Orders.Add(order);
        return order.ToDto();
    }

    /// <summary>Adjusts a draft's lines (agreed prices, quantities, VAT); the supplier stays.</summary>
    public async Task<PurchaseOrderDto> AdjustAsync(Guid id, SavePurchaseOrderRequest request, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        await checks.EnsureProductsAsync(request.Lines.Select(l => l.ProductId).ToList(), ct);
        order.Adjust(request.ExpectedOn, request.Lines);
        return order.ToDto();
    }

    /// <summary>
    /// An order's custom values, in any status (a draft from an approved request starts without them, so a required field never
    /// stops an approval; required is checked when someone saves them). Confirming sends the values with the order's event.
    /// </summary>
    public async Task<PurchaseOrderDto> SetCustomFieldsAsync(Guid id, SaveCustomFieldValuesRequest request, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        await customFields.SetAsync(PurchasingCustomFields.PurchaseOrder, order, request.CustomFields, isNew: false, ct);
        return order.ToDto();
    }

    public async Task<PurchaseOrderDto> ConfirmAsync(Guid id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        order.Confirm();
        return order.ToDto();
    }

    public async Task<PurchaseOrderDto> CancelAsync(Guid id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        order.Cancel();
        return order.ToDto();
    }

    /// <summary>An order created earlier in the same unit of work (a seeder's, not yet saved) is found too.</summary>
    public async Task<PurchaseOrder> LoadAsync(Guid id, CancellationToken ct, bool tracked = true) =>
        (tracked ? db.Orders.Local.FirstOrDefault(o => o.Id == id) : null)
        ?? await (tracked ? db.Orders : db.Orders.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == id, ct)
        ?? throw new EntityNotFoundException("PurchaseOrder", id);
}

/// <summary>Purchase orders take custom fields; their events name them <c>orderId</c>.</summary>
internal sealed class PurchaseOrderCustomFields(PurchasingDbContext db)
    : CustomFieldEntity<PurchaseOrder>(PurchasingCustomFields.PurchaseOrder, PurchasingPermissions.Orders, db.Orders, payloadIdField: "orderId");

internal sealed class SavePurchaseOrderRequestValidator : AbstractValidator<SavePurchaseOrderRequest>
{
    public SavePurchaseOrderRequestValidator()
    {
        RuleFor(r => r.SupplierId).NotEmpty();
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(400);
            line.RuleFor(l => l.Quantity).GreaterThan(0).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.UnitPrice).GreaterThan(0).PrecisionScale(18, 2, true);
            line.RuleFor(l => l.VatRate).InclusiveBetween(0, 1).PrecisionScale(5, 4, true);
        });
    }
}
