using BizSuite.Finance.Accounting;
using BizSuite.Finance.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BizSuite.Finance.Payables;

internal sealed class PaymentRunAppService(FinanceDbContext db, DocumentNumbers numbers, Ledger ledger, TimeProvider clock)
{
    public async Task<PagedResult<PaymentRunDto>> GetListAsync(PageRequest page, CancellationToken ct)
    {
        var query = db.PaymentRuns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(r => r.Number.Contains(page.Filter) || r.Reference!.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(r => r.Id)
            : query.SortBy(page, ("number", r => r.Number), ("paidOn", r => r.PaidOn), ("total", r => r.Total));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<PaymentRunDto>(items.Select(x => x.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<PaymentRunDto> GetAsync(Guid id, CancellationToken ct) =>
        (await db.PaymentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("PaymentRun", id)).ToDto();

    /// <summary>
    /// Pays the payables and posts the run's voucher in the request's transaction: an unknown, paid or foreign-currency payable
    /// refuses the whole run, and two runs racing for one payable meet at its version (409).
    /// </summary>
    public async Task<PaymentRunDto> PayAsync(PaymentRunRequest request, CancellationToken ct)
    {
        var payables = await db.Payables.Where(p => request.PayableIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var id in request.PayableIds)
            if (payables.All(p => p.Id != id)) throw new EntityNotFoundException("Payable", id) { Field = "payableIds" };
        var ordered = request.PayableIds.Select(id => payables.Single(p => p.Id == id)).ToList();
        var paidOn = request.PaidOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var run = PaymentRun.Pay($"FP{paidOn.Year}{await numbers.NextAsync("payment-run", ct):D6}", paidOn, request.Reference, ordered);
        db.PaymentRuns.Add(run);
        var payees = string.Join("、", ordered.Select(p => p.PayeeName).Distinct());
        await ledger.PostAsync(paidOn, payees.Length > 200 ? payees[..199] + "…" : payees, VoucherSource.PaymentRun, run.Id, run.Number,
            PurchasePostings.PaymentRun(ordered.Select(p => (Payable.LiabilityAccount(p.SourceType), p.Amount))), ct);
        return run.ToDto();
    }
}

internal sealed class PaymentRunRequestValidator : AbstractValidator<PaymentRunRequest>
{
    public const int MaxPayables = 500;

    public PaymentRunRequestValidator(IStringLocalizer l)
    {
        RuleFor(r => r.PayableIds).NotEmpty()
            .Must(ids => ids is null || ids.Count <= MaxPayables).WithMessage(_ => l["Finance:PaymentRunTooLarge", MaxPayables])
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(_ => l["Finance:PaymentRunDuplicate"]);
        RuleFor(r => r.Reference).MaximumLength(100);
    }
}
