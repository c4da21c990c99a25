using BizSuite.Kernel;
using BizSuite.Orders.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.SalesOrders;

internal sealed class SalesOrderAppService(OrdersDbContext db, TimeProvider clock)
{
    public async Task<PagedResult<SalesOrderDto>> GetListAsync(PageRequest page, Guid? contractId, Guid? customerId, CancellationToken ct)
    {
        var query = db.SalesOrders.AsNoTracking();
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

    public async Task<SalesOrderDto> DeliverAsync(Guid id, DeliverRequest request, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        order.Deliver(request.DeliveredOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Note, request.Lines, request.WarehouseId);
        return order.ToDto();
    }

    private async Task<SalesOrder> LoadAsync(Guid id, CancellationToken ct) =>
        await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new EntityNotFoundException("SalesOrder", id);
}

internal sealed class DeliverRequestValidator : AbstractValidator<DeliverRequest>
{
    public DeliverRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty();
        RuleFor(r => r.Note).MaximumLength(400);
    }
}
