using System.Globalization;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using BizSuite.Purchasing.Orders;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Receipts;

internal sealed class GoodsReceiptAppService(PurchasingDbContext db, PurchaseOrderAppService orders, IWarehouseDirectory warehouses, DocumentNumbers numbers,
    SettingStore settings, TimeProvider clock)
{
    public async Task<PagedResult<GoodsReceiptDto>> GetListAsync(PageRequest page, Guid? orderId, CancellationToken ct)
    {
        var query = db.Receipts.AsNoTracking();
        if (orderId is not null) query = query.Where(r => r.OrderId == orderId);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(r => r.Number.Contains(page.Filter) || r.OrderNumber.Contains(page.Filter) || r.SupplierName.Contains(page.Filter));
        query = page.SortField is null ? query.OrderByDescending(r => r.Id) : query.SortBy(page, ("number", r => r.Number), ("receivedOn", r => r.ReceivedOn));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<GoodsReceiptDto>(items.Select(r => r.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<GoodsReceiptDto> GetAsync(Guid id, CancellationToken ct) =>
        (await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("GoodsReceipt", id)).ToDto();

    /// <summary>
    /// Receives against a confirmed order into a known warehouse. Two receipts of one order at once: the second one's save
    /// finds the order's version moved and answers 409, so together they never exceed what was ordered.
    /// </summary>
    public async Task<GoodsReceiptDto> ReceiveAsync(Guid orderId, ReceiveGoodsRequest request, CancellationToken ct)
    {
        var order = await orders.LoadAsync(orderId, ct);
        var warehouseName = await warehouses.FindNameAsync(request.WarehouseId, ct)
            ?? throw new BusinessException(PurchasingErrors.UnknownWarehouse, StatusCodes.Status422UnprocessableEntity, request.WarehouseId) { Field = "warehouseId" };
        var tolerance = decimal.Parse(await settings.GetAsync(PurchasingSettings.OverReceiptTolerance, ct), CultureInfo.InvariantCulture);
        var number = $"SH{clock.GetUtcNow().Year}{await numbers.NextAsync("purchasing-receipt", ct):D5}";
        var receipt = GoodsReceipt.Record(number, order, request.WarehouseId, warehouseName,
            request.ReceivedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Note, request.Lines, tolerance);
        db.Receipts.Add(receipt);
        return receipt.ToDto();
    }
}

internal sealed class ReceiveGoodsRequestValidator : AbstractValidator<ReceiveGoodsRequest>
{
    public ReceiveGoodsRequestValidator()
    {
        RuleFor(r => r.WarehouseId).NotEmpty();
        RuleFor(r => r.Note).MaximumLength(400);
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotEmpty();
            line.RuleFor(l => l.AcceptedQuantity).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.RejectedQuantity).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.RejectionReason).NotEmpty().When(l => l.RejectedQuantity > 0)
                .WithErrorCode(PurchasingErrors.RejectionReasonRequired);
            line.RuleFor(l => l.RejectionReason).MaximumLength(400);
        });
    }
}
