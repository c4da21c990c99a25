using BizSuite.Finance.Accounting;
using BizSuite.Finance.Data;
using BizSuite.Hr;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Payables;

internal sealed class PayableAppService(FinanceDbContext db, TimeProvider clock)
{
    public async Task<PagedResult<PayableDto>> GetListAsync(PageRequest page, PayableStatus? status, Guid? sourceId, CancellationToken ct)
    {
        var query = db.Payables.AsNoTracking();
        if (status is not null) query = query.Where(p => p.Status == status);
        if (sourceId is not null) query = query.Where(p => p.SourceId == sourceId);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(p => p.Number.Contains(page.Filter) || p.SourceNumber.Contains(page.Filter) || p.PayeeName.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(p => p.Id)
            : query.SortBy(page, ("number", p => p.Number), ("recordedOn", p => p.RecordedOn), ("amount", p => p.Amount));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<PayableDto>(items.Select(ToDto).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<PayableDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await LoadAsync(id, ct));

    /// <summary>Paid by bank transfer: the payment voucher follows from <see cref="PayablePaid"/>.</summary>
    public async Task<PayableDto> PayAsync(Guid id, PayPayableRequest request, CancellationToken ct)
    {
        var payable = await LoadAsync(id, ct);
        payable.Pay(request.PaidOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), request.Reference);
        return ToDto(payable);
    }

    private async Task<Payable> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Payables.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("Payable", id);

    private static PayableDto ToDto(Payable p) => new(p.Id, p.Number, p.PayeeId, p.PayeeName, p.SourceType, p.SourceId, p.SourceNumber, p.Currency,
        p.Amount, p.Status, p.RecordedOn, p.PaidOn, p.Reference, p.CreatedAt);
}

internal sealed class PayPayableRequestValidator : AbstractValidator<PayPayableRequest>
{
    public PayPayableRequestValidator() => RuleFor(r => r.Reference).MaximumLength(100);
}

/// <summary>
/// An approved expense claim is owed to the employee (其他应付款) and charged to administrative expenses line by line
/// (借管理费用 贷其他应付款), in the approving transaction.
/// </summary>
internal sealed class RecordPayableWhenExpenseClaimApproved(FinanceDbContext db, DocumentNumbers numbers, Ledger ledger, TimeProvider clock)
    : IDomainEventHandler<ExpenseClaimApproved>
{
    public async Task HandleAsync(ExpenseClaimApproved e, CancellationToken ct)
    {
        if (await db.Payables.AnyAsync(p => p.SourceType == PayableSources.ExpenseClaim && p.SourceId == e.ClaimId, ct)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var payable = Payable.Record($"FK{today.Year}{await numbers.NextAsync("payable", ct):D6}", e.EmployeeId, e.EmployeeName,
            PayableSources.ExpenseClaim, e.ClaimId, e.ClaimNumber, e.Currency, e.Total, today);
        db.Payables.Add(payable);
        await ledger.PostAsync(today, $"{e.EmployeeName} {e.ClaimNumber}", VoucherSource.Payable, payable.Id, payable.Number,
            [.. e.Lines.Select(l => VoucherLine.Dr(ChartOfAccounts.AdminExpenses, Money.Round(l.Amount))), VoucherLine.Cr(ChartOfAccounts.OtherPayables, payable.Amount)],
            ct);
    }
}

/// <summary>Paying the employee settles the payable from the bank (借其他应付款 贷银行存款).</summary>
internal sealed class PostVoucherWhenPayablePaid(Ledger ledger) : IDomainEventHandler<PayablePaid>
{
    public Task HandleAsync(PayablePaid e, CancellationToken ct) => ledger.PostAsync(e.PaidOn, e.PayableNumber, VoucherSource.PayablePayment, e.PayableId,
        e.PayableNumber, [VoucherLine.Dr(ChartOfAccounts.OtherPayables, e.Amount), VoucherLine.Cr(ChartOfAccounts.Bank, e.Amount)], ct);
}
