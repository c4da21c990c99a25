using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Payables;

/// <summary>
/// A supplier statement (供应商对账单) for a date range: what was owed before it, every bill and payment in it with the running
/// balance still owed, and the balance at its end, to reconcile with the supplier's own statement.
/// </summary>
internal sealed class SupplierStatement(FinanceDbContext db, DocumentRenderer renderer, CompanyProfiles companies, TimeProvider clock)
{
    /// <summary>The range defaults to this year up to today; a range that ends before it starts is a 400; a supplier without bills is a 404.</summary>
    public async Task<SupplierStatementDto> GetAsync(Guid supplierId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) throw new BusinessException(KernelErrors.InvalidDateRange, StatusCodes.Status400BadRequest, start, end) { Field = "from" };
        var payables = await db.Payables.AsNoTracking()
            .Where(p => p.PayeeId == supplierId && p.SourceType == PayableSources.SupplierBill && p.RecordedOn <= end)
            .OrderBy(p => p.RecordedOn).ThenBy(p => p.Number).ToListAsync(ct);
        if (payables.Count == 0 && !await db.Payables.AnyAsync(p => p.PayeeId == supplierId && p.SourceType == PayableSources.SupplierBill, ct))
            throw new EntityNotFoundException("Supplier", supplierId);
        var runIds = payables.Where(p => p.PaymentRunId != null).Select(p => p.PaymentRunId!.Value).Distinct().ToList();
        var runNumbers = await db.PaymentRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);

        // Same-day movements read in the order they happened: bills by their payable number, then payments.
        var movements = payables.Select(p => (On: p.RecordedOn, Order: $"0{p.Number}", Kind: "bill", Number: p.SourceNumber, Reference: p.Number,
                Billed: p.Amount, Paid: 0m))
            .Concat(payables.Where(p => p.PaidOn is not null && p.PaidOn <= end).Select(p => (On: p.PaidOn!.Value, Order: $"1{p.Number}", Kind: "payment",
                Number: p.PaymentRunId is { } run ? runNumbers.GetValueOrDefault(run, p.Number) : p.Number, Reference: p.Reference ?? p.SourceNumber,
                Billed: 0m, Paid: p.Amount)))
            .OrderBy(m => m.On).ThenBy(m => m.Order, StringComparer.Ordinal).ToList();
        var opening = movements.Where(m => m.On < start).Sum(m => m.Billed - m.Paid);
        var balance = opening;
        var entries = new List<SupplierStatementEntryDto>();
        foreach (var m in movements.Where(m => m.On >= start))
        {
            balance += m.Billed - m.Paid;
            entries.Add(new SupplierStatementEntryDto(m.On, m.Kind, m.Number, m.Reference, m.Billed, m.Paid, balance));
        }
        var supplier = await db.Payables.AsNoTracking().Where(p => p.PayeeId == supplierId && p.SourceType == PayableSources.SupplierBill)
            .OrderByDescending(p => p.Id).Select(p => new { p.PayeeName, p.Currency }).FirstAsync(ct);
        return new SupplierStatementDto(supplierId, supplier.PayeeName, supplier.Currency, start, end, opening, entries, entries.Sum(e => e.Billed),
            entries.Sum(e => e.Paid), balance);
    }

    public async Task<(byte[] Content, string FileName)> RenderAsync(SupplierStatementDto s, DocumentLanguage language, CancellationToken ct)
    {
        var number = $"GDZ{s.To:yyyyMMdd}";
        using var doc = renderer.Start(await companies.GetAsync(ct), language, language == DocumentLanguage.Chinese ? "供应商对账单" : "Supplier statement", number);
        string T(string zh, string en) => doc.T(zh, en);
        doc.Heading(T("供应商对账单", "Supplier Statement"),
            T("以下为我方账面往来明细，如与贵方记录不符，请于 15 日内告知。", "These are the entries in our books; please tell us of any difference from yours within 15 days."));
        doc.Draw(new Table(new Column(1.2), new Column(3), new Column(1.2), new Column(2)) { Grid = false }
            .Row(new Cell(T("供应商", "Supplier"), Bold: true), s.SupplierName, new Cell(T("期间", "Period"), Bold: true), $"{doc.Date(s.From)} – {doc.Date(s.To)}")
            .Row(new Cell(T("币种", "Currency"), Bold: true), s.Currency, "", ""));

        var table = new Table(new Column(2), new Column(1.1), new Column(1.9), new Column(1.9), new Column(1.6, CellAlign.Right),
                new Column(1.6, CellAlign.Right), new Column(1.7, CellAlign.Right))
            .Header(T("日期", "Date"), T("类型", "Type"), T("单号", "Number"), T("摘要", "Reference"), T("应付（贷）", "Billed"), T("已付（借）", "Paid"),
                T("余额", "Balance"));
        table.Row(new Cell(T("期初余额", "Opening balance"), 6, Bold: true), new Cell(DocumentPdf.Amount(s.Opening), Bold: true));
        foreach (var e in s.Entries)
            table.Row(doc.Date(e.On), e.Kind == "bill" ? T("发票", "Bill") : T("付款", "Payment"), e.Number, e.Reference,
                e.Billed == 0 ? "" : DocumentPdf.Amount(e.Billed), e.Paid == 0 ? "" : DocumentPdf.Amount(e.Paid), DocumentPdf.Amount(e.Balance));
        table.Row(new Cell(T("本期合计", "Period total"), 4, Bold: true), new Cell(DocumentPdf.Amount(s.Billed), Bold: true),
            new Cell(DocumentPdf.Amount(s.Paid), Bold: true), "");
        table.Row(new Cell(T("期末余额", "Closing balance"), 6, Bold: true), new Cell(DocumentPdf.Amount(s.Closing), Bold: true));
        if (s.Currency == "CNY") table.Row(new Cell(T("期末余额（大写）", "Closing balance in words"), 3, Bold: true), new Cell(ChineseAmount.InWords(s.Closing), 4));
        doc.Draw(table);
        doc.Draw(new Table(new Column(1), new Column(1)) { Grid = false }.Row(
            T("供应商确认（章）：", "Confirmed by the supplier (seal):"), T("日期：", "Date:")));
        return (doc.ToPdf(), $"{number}-{s.SupplierName}.pdf");
    }
}
