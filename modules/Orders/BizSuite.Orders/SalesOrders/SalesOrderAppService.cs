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
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(o => o.Number.Contains(page.Filter) || o.ContractNumber.Contains(page.Filter) || o.CustomerName.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(o => o.CreatedAt)
            : query.SortBy(page, ("createdAt", o => o.CreatedAt), ("number", o => o.Number), ("grossTotal", o => o.GrossTotal));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<SalesOrderDto>(items.Select(ToDto).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<SalesOrderDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await LoadAsync(id, ct));

    public async Task<SalesOrderDto> DeliverAsync(Guid id, DeliverRequest request, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        order.Deliver(request.DeliveredOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Note, request.Lines, request.WarehouseId);
        return ToDto(order);
    }

    private async Task<SalesOrder> LoadAsync(Guid id, CancellationToken ct) =>
        await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new EntityNotFoundException("SalesOrder", id);

    private static SalesOrderDto ToDto(SalesOrder o) => new(o.Id, o.Number, o.ContractId, o.ContractNumber, o.CustomerId, o.CustomerName, o.Currency,
        o.Status, o.CollectionStatus, o.NetTotal, o.VatTotal, o.GrossTotal,
        o.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesOrderLineDto(l.Id, l.ProductId, l.Description, l.Quantity, l.DeliveredQuantity, l.UnitPrice, l.DiscountRate, l.VatRate, l.NetAmount, l.VatAmount)).ToList(),
        o.Deliveries.OrderBy(d => d.DeliveredOn).Select(d => new DeliveryDto(d.Id, d.DeliveredOn, d.Note,
            d.Lines.Select(l => new DeliveryLineDto(l.OrderLineId, l.Quantity)).ToList())).ToList(),
        o.CreatedAt);
}

internal sealed class DeliverRequestValidator : AbstractValidator<DeliverRequest>
{
    public DeliverRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty();
        RuleFor(r => r.Note).MaximumLength(400);
    }
}
