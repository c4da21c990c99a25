using BizSuite.Finance.Accounting;
using BizSuite.Finance.Data;
using BizSuite.Hr;
using BizSuite.Kernel;
using BizSuite.Purchasing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Payables;

/// <summary>Filters of the payables list: payee (a supplier or employee), source type, status, and due on or before a date.</summary>
internal sealed record PayableQuery(PayableStatus? Status, Guid? SourceId, Guid? PayeeId, string? SourceType, DateOnly? DueBy);

internal sealed class PayableAppService(FinanceDbContext db, TimeProvider clock)
{
    public async Task<PagedResult<PayableDto>> GetListAsync(PageRequest page, PayableQuery filter, CancellationToken ct)
    {
        var query = db.Payables.AsNoTracking();
        if (filter.Status is not null) query = query.Where(p => p.Status == filter.Status);
        if (filter.SourceId is not null) query = query.Where(p => p.SourceId == filter.SourceId);
        if (filter.PayeeId is not null) query = query.Where(p => p.PayeeId == filter.PayeeId);
        if (!string.IsNullOrWhiteSpace(filter.SourceType)) query = query.Where(p => p.SourceType == filter.SourceType);
        if (filter.DueBy is not null) query = query.Where(p => p.DueOn <= filter.DueBy);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(p => p.Number.Contains(page.Filter) || p.SourceNumber.Contains(page.Filter) || p.PayeeName.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(p => p.Id)
            : query.SortBy(page, ("number", p => p.Number), ("recordedOn", p => p.RecordedOn), ("dueOn", p => p.DueOn), ("amount", p => p.Amount),
                ("payeeName", p => p.PayeeName));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<PayableDto>(items.Select(x => x.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<PayableDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    /// <summary>Suppliers with payables, by name, for the pages' supplier pickers.</summary>
    public async Task<IReadOnlyList<PayeeDto>> GetSuppliersAsync(CancellationToken ct) =>
        (await db.Payables.AsNoTracking().Where(p => p.SourceType == PayableSources.SupplierBill)
            .GroupBy(p => p.PayeeId).Select(g => new { Id = g.Key, Name = g.Max(p => p.PayeeName) }).ToListAsync(ct))
        .Select(p => new PayeeDto(p.Id, p.Name!)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>Paid by bank transfer: the payment voucher follows from <see cref="PayablePaid"/>.</summary>
    public async Task<PayableDto> PayAsync(Guid id, PayPayableRequest request, CancellationToken ct)
    {
        var payable = await LoadAsync(id, ct);
        payable.Pay(request.PaidOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Reference);
        return payable.ToDto();
    }

    private async Task<Payable> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Payables.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("Payable", id);
}

internal sealed class PayPayableRequestValidator : AbstractValidator<PayPayableRequest>
{
    public PayPayableRequestValidator() => RuleFor(r => r.Reference).MaximumLength(100);
}

/// <summary>
/// An approved expense claim is owed to the employee (其他应付款) and charged to administrative expenses line by line
/// (借管理费用 贷其他应付款), in the approving transaction. It is due at once.
/// </summary>
internal sealed class RecordPayableWhenExpenseClaimApproved(FinanceDbContext db, DocumentNumbers numbers, Ledger ledger, TimeProvider clock)
    : IDomainEventHandler<ExpenseClaimApproved>
{
    public async Task HandleAsync(ExpenseClaimApproved e, CancellationToken ct)
    {
        if (await db.Payables.AnyAsync(p => p.SourceType == PayableSources.ExpenseClaim && p.SourceId == e.ClaimId, ct)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var payable = Payable.Record($"FK{today.Year}{await numbers.NextAsync("payable", ct):D6}", e.EmployeeId, e.EmployeeName,
            PayableSources.ExpenseClaim, e.ClaimId, e.ClaimNumber, e.Currency, e.Total, today, today);
        db.Payables.Add(payable);
        await ledger.PostAsync(today, $"{e.EmployeeName} {e.ClaimNumber}", VoucherSource.Payable, payable.Id, payable.Number,
            [.. e.Lines.Select(l => VoucherLine.Dr(ChartOfAccounts.AdminExpenses, Money.Round(l.Amount))), VoucherLine.Cr(ChartOfAccounts.OtherPayables, payable.Amount)],
            ct);
    }
}

/// <summary>
/// A posted supplier bill is owed to the supplier from its due date (payee = supplier, source <c>supplier-bill</c>), and its voucher
/// turns the receipt's accrual into the debt (Dr 应付账款-暂估 + 进项税额 / Cr 应付账款), in the posting transaction.
/// </summary>
internal sealed class RecordPayableWhenSupplierBillPosted(FinanceDbContext db, DocumentNumbers numbers, Ledger ledger, TimeProvider clock)
    : IDomainEventHandler<SupplierBillPosted>
{
    public async Task HandleAsync(SupplierBillPosted e, CancellationToken ct)
    {
        if (await db.Payables.AnyAsync(p => p.SourceType == PayableSources.SupplierBill && p.SourceId == e.BillId, ct)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var payable = Payable.Record($"FK{today.Year}{await numbers.NextAsync("payable", ct):D6}", e.SupplierId, e.SupplierName,
            PayableSources.SupplierBill, e.BillId, e.BillNumber, e.Currency, e.GrossTotal, today, e.DueOn);
        db.Payables.Add(payable);
        await ledger.PostAsync(today, $"{e.SupplierName} {e.SupplierInvoiceNumber}", VoucherSource.SupplierBill, e.BillId, e.BillNumber,
            PurchasePostings.SupplierBillPosted(e), ct);
    }
}

/// <summary>
/// Paying a payable on its own settles it from the bank (借其他应付款 or 借应付账款, 贷银行存款). A payment run posts one voucher
/// for all its payables itself, so their events post nothing here.
/// </summary>
internal sealed class PostVoucherWhenPayablePaid(Ledger ledger) : IDomainEventHandler<PayablePaid>
{
    public Task HandleAsync(PayablePaid e, CancellationToken ct) => e.PaymentRunId is not null ? Task.CompletedTask
        : ledger.PostAsync(e.PaidOn, e.PayableNumber, VoucherSource.PayablePayment, e.PayableId, e.PayableNumber,
            [VoucherLine.Dr(Payable.LiabilityAccount(e.SourceType), e.Amount), VoucherLine.Cr(ChartOfAccounts.Bank, e.Amount)], ct);
}
