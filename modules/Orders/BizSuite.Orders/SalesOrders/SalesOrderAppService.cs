using BizSuite.Kernel;
using BizSuite.Orders.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.SalesOrders;

internal sealed class SalesOrderAppService(OrdersDbContext db, TimeProvider clock, ICustomFields customFields)
{
    /// <summary><paramref name="customField"/> and <paramref name="customValue"/> filter by one option of a custom select field.</summary>
    public async Task<PagedResult<SalesOrderDto>> GetListAsync(PageRequest page, Guid? contractId, Guid? customerId, string? customField, string? customValue,
        CancellationToken ct)
    {
        var query = db.SalesOrders.AsNoTracking();
        if (customField is not null && customValue is not null) query = query.WhereCustomValue(db, customField, customValue);
        if (contractId is not null) query = query.Where(o => o.ContractId == contractId);
        if (customerId is not null) query = query.Where(o => o.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var total = await query.CountLimitedAsync(ct);
        query = page.SortField is null
            ? query.OrderByDescending(o => o.CreatedAt)
            : query.SortBy(page, ("createdAt", o => o.CreatedAt), ("number", o => o.Number), ("grossTotal", o => o.GrossTotal));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<SalesOrderDto>(items.Select(o => o.ToDto()).ToList(), total);
    }

    public async Task<SalesOrderDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    /// <summary>An order is created from its contract with no custom values (and no defaults: a required field must not stop a signing); they are set here.</summary>
    public async Task<SalesOrderDto> SetCustomFieldsAsync(Guid id, SaveCustomFieldValuesRequest request, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        await customFields.SetAsync(OrdersCustomFields.SalesOrder, order, request.CustomFields, isNew: false, ct);
        return order.ToDto();
    }

    public async Task<SalesOrderDto> DeliverAsync(Guid id, DeliverRequest request, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        order.Deliver(request.DeliveredOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Note, request.Lines, request.WarehouseId);
        return order.ToDto();
    }

    private async Task<SalesOrder> LoadAsync(Guid id, CancellationToken ct) =>
        await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new EntityNotFoundException("SalesOrder", id);
}

/// <summary>Sales orders take custom fields; their events name them <c>orderId</c>.</summary>
internal sealed class SalesOrderCustomFields(OrdersDbContext db)
    : CustomFieldEntity<SalesOrder>(OrdersCustomFields.SalesOrder, OrdersPermissions.SalesOrders, db.SalesOrders, payloadIdField: "orderId");

internal sealed class DeliverRequestValidator : AbstractValidator<DeliverRequest>
{
    public DeliverRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty();
        RuleFor(r => r.Note).MaximumLength(400);
    }
}
