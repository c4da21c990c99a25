using System.Globalization;
using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using BizSuite.Purchasing.Orders;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Bills;

internal sealed class SupplierBillAppService(PurchasingDbContext db, PurchaseOrderAppService orders, IPermissionChecker permissions, DocumentNumbers numbers,
    SettingStore settings, TimeProvider clock)
{
    public async Task<PagedResult<SupplierBillDto>> GetListAsync(PageRequest page, Guid? orderId, Guid? supplierId, SupplierBillStatus? status,
        CancellationToken ct)
    {
        var query = db.Bills.AsNoTracking();
        if (orderId is not null) query = query.Where(b => b.OrderId == orderId);
        if (supplierId is not null) query = query.Where(b => b.SupplierId == supplierId);
        if (status is not null) query = query.Where(b => b.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(b => b.Number.Contains(page.Filter) || b.SupplierInvoiceNumber.Contains(page.Filter) || b.SupplierName.Contains(page.Filter)
                || b.OrderNumber.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(b => b.Id)
            : query.SortBy(page, ("number", b => b.Number), ("billDate", b => b.BillDate), ("dueOn", b => b.DueOn), ("grossTotal", b => b.GrossTotal));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<SupplierBillDto>(items.Select(b => b.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<SupplierBillDto> GetAsync(Guid id, CancellationToken ct) =>
        (await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new EntityNotFoundException("SupplierBill", id)).ToDto();

    /// <summary>The match result per line without posting anything: what the bill entry page shows as the clerk types.</summary>
    public async Task<BillMatchDto> MatchAsync(EnterBillRequest request, CancellationToken ct)
    {
        var order = await orders.LoadAsync(request.OrderId, ct, tracked: false);
        return ThreeWayMatch.Check(order, request.Lines, await PriceToleranceAsync(ct));
    }

    /// <summary>
    /// Posts a bill that passes the match; one that does not is refused with its lines (422) unless the clerk holds
    /// <see cref="PurchasingPermissions.BillsOverride"/> and gives a reason, which the bill keeps (and the audit log records).
    /// </summary>
    public async Task<SupplierBillDto> EnterAsync(EnterBillRequest request, CancellationToken ct)
    {
        var order = await orders.LoadAsync(request.OrderId, ct);
        var invoiceNumber = request.SupplierInvoiceNumber.Trim();
        if (await db.Bills.AnyAsync(b => b.SupplierId == order.SupplierId && b.SupplierInvoiceNumber == invoiceNumber, ct))
            throw new BusinessException(PurchasingErrors.DuplicateSupplierInvoice, StatusCodes.Status409Conflict, invoiceNumber, order.SupplierName)
                { Field = "supplierInvoiceNumber" };
        string? overrideReason = null;
        if (request.Override)
        {
            if (!await permissions.IsGrantedAsync(PurchasingPermissions.BillsOverride, ct))
                throw new BusinessException(PurchasingErrors.OverrideNotAllowed, StatusCodes.Status403Forbidden);
            overrideReason = string.IsNullOrWhiteSpace(request.OverrideReason)
                ? throw new BusinessException(PurchasingErrors.OverrideReasonRequired, StatusCodes.Status400BadRequest) { Field = "overrideReason" }
                : request.OverrideReason.Trim();
        }
        var terms = await db.Suppliers.AsNoTracking().Where(s => s.Id == order.SupplierId).Select(s => s.PaymentTermDays).FirstOrDefaultAsync(ct);
        var number = $"JX{clock.GetUtcNow().Year}{await numbers.NextAsync("purchasing-bill", ct):D5}";
        var bill = SupplierBill.Post(number, order, invoiceNumber, request.BillDate, terms, request.Lines, await PriceToleranceAsync(ct), overrideReason,
            await ReceivedIntoAsync(order.Id, ct));
        db.Bills.Add(bill);
        return bill.ToDto();
    }

    /// <summary>The warehouse each order line's goods were last received into: where a price variance on the bill revalues stock.</summary>
    private async Task<IReadOnlyDictionary<Guid, Guid>> ReceivedIntoAsync(Guid orderId, CancellationToken ct)
    {
        var receipts = await db.Receipts.AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.Id).ToListAsync(ct);
        var into = new Dictionary<Guid, Guid>();
        foreach (var receipt in receipts)
            foreach (var line in receipt.Lines.Where(l => l.AcceptedQuantity > 0)) into[line.OrderLineId] = receipt.WarehouseId;
        return into;
    }

    private async Task<decimal> PriceToleranceAsync(CancellationToken ct) =>
        decimal.Parse(await settings.GetAsync(PurchasingSettings.PriceTolerance, ct), CultureInfo.InvariantCulture);
}

internal sealed class EnterBillRequestValidator : AbstractValidator<EnterBillRequest>
{
    public EnterBillRequestValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.SupplierInvoiceNumber).NotEmpty().MaximumLength(64);
        RuleFor(r => r.BillDate).NotEmpty();
        RuleFor(r => r.OverrideReason).MaximumLength(1000);
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.OrderLineId).NotEmpty();
            line.RuleFor(l => l.Quantity).GreaterThan(0).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.UnitPrice).GreaterThan(0).PrecisionScale(18, 2, true);
        });
    }
}
