using BizSuite.Finance.Accounting;
using BizSuite.Finance.Data;
using BizSuite.Finance.Invoices;
using BizSuite.Finance.Payables;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Reports;

internal sealed class FinanceReports(FinanceDbContext db, VoucherAppService vouchers)
{
    /// <summary>Sums of every account's postings up to a date (试算平衡表); debits equal credits when the books are sound.</summary>
    public async Task<TrialBalanceDto> TrialBalanceAsync(DateOnly asOf, CancellationToken ct)
    {
        var sums = await db.Vouchers.AsNoTracking()
            .Where(v => v.PostedOn <= asOf)
            .SelectMany(v => v.Lines)
            .GroupBy(l => l.AccountCode)
            .Select(g => new { Code = g.Key, Debit = g.Sum(l => l.Debit), Credit = g.Sum(l => l.Credit) })
            .ToListAsync(ct);
        var names = await vouchers.AccountNamesAsync(ct);
        var rows = sums.OrderBy(s => s.Code).Select(s => new TrialBalanceRowDto(s.Code, names.GetValueOrDefault(s.Code, s.Code), s.Debit, s.Credit,
            Math.Max(s.Debit - s.Credit, 0), Math.Max(s.Credit - s.Debit, 0))).ToList();
        var debit = rows.Sum(r => r.Debit);
        var credit = rows.Sum(r => r.Credit);
        return new TrialBalanceDto(asOf, rows, debit, credit, debit == credit && rows.Sum(r => r.BalanceDebit) == rows.Sum(r => r.BalanceCredit));
    }

    /// <summary>Outstanding invoice amounts per customer by days past due (应收账龄): current, 1–30, 31–60, 61–90, over 90.</summary>
    public async Task<AgingReportDto> ArAgingAsync(DateOnly asOf, CancellationToken ct)
    {
        var open = await db.Invoices.AsNoTracking()
            .Where(i => (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid) && i.IssuedOn <= asOf)
            .Select(i => new { i.CustomerId, i.CustomerName, i.DueOn, Outstanding = i.GrossTotal - i.PaidAmount })
            .ToListAsync(ct);
        var rows = open.GroupBy(i => i.CustomerId).Select(g =>
        {
            decimal Bucket(int from, int to) => g.Where(i => Days(i.DueOn) >= from && Days(i.DueOn) <= to).Sum(i => i.Outstanding);
            return new AgingRowDto(g.Key, g.First().CustomerName, Bucket(int.MinValue, 0), Bucket(1, 30), Bucket(31, 60), Bucket(61, 90),
                Bucket(91, int.MaxValue), g.Sum(i => i.Outstanding));
        }).OrderByDescending(r => r.Total).ToList();
        var totals = new AgingRowDto(Guid.Empty, "", rows.Sum(r => r.Current), rows.Sum(r => r.Days1To30), rows.Sum(r => r.Days31To60),
            rows.Sum(r => r.Days61To90), rows.Sum(r => r.Over90), rows.Sum(r => r.Total));
        return new AgingReportDto(asOf, rows, totals);

        int Days(DateOnly dueOn) => asOf.DayNumber - dueOn.DayNumber;
    }

    /// <summary>
    /// Open supplier payables per supplier by days past their due date (应付账龄), buckets as in AR aging. Expense claims are owed
    /// to employees and stay out of it.
    /// </summary>
    public async Task<PayableAgingReportDto> ApAgingAsync(DateOnly asOf, CancellationToken ct)
    {
        var open = await db.Payables.AsNoTracking()
            .Where(p => p.Status == PayableStatus.Open && p.SourceType == PayableSources.SupplierBill && p.RecordedOn <= asOf)
            .Select(p => new { p.PayeeId, p.PayeeName, p.DueOn, p.Amount })
            .ToListAsync(ct);
        var rows = open.GroupBy(p => p.PayeeId).Select(g =>
        {
            decimal Bucket(int from, int to) => g.Where(p => Days(p.DueOn) >= from && Days(p.DueOn) <= to).Sum(p => p.Amount);
            return new PayableAgingRowDto(g.Key, g.First().PayeeName, Bucket(int.MinValue, 0), Bucket(1, 30), Bucket(31, 60), Bucket(61, 90),
                Bucket(91, int.MaxValue), g.Sum(p => p.Amount));
        }).OrderByDescending(r => r.Total).ThenBy(r => r.SupplierName, StringComparer.Ordinal).ToList();
        var totals = new PayableAgingRowDto(Guid.Empty, "", rows.Sum(r => r.Current), rows.Sum(r => r.Days1To30), rows.Sum(r => r.Days31To60),
            rows.Sum(r => r.Days61To90), rows.Sum(r => r.Over90), rows.Sum(r => r.Total));
        return new PayableAgingReportDto(asOf, rows, totals);

        int Days(DateOnly dueOn) => asOf.DayNumber - dueOn.DayNumber;
    }
}
