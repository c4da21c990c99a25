using BizSuite.Crm;
using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Receivables;

/// <summary>One movement of a customer's account: an invoice owed (debit), a payment or a credit note (credit).</summary>
internal sealed record StatementEntry(DateOnly On, string Kind, string Number, string Reference, decimal Debit, decimal Credit);

/// <summary>
/// A customer statement (对账单) for a date range: the balance owed before it, every invoice, payment and credit note in
/// it with the running balance, and the balance at its end, for the customer to check and confirm.
/// </summary>
internal sealed class CustomerStatement(FinanceDbContext db, DocumentRenderer renderer, CompanyProfiles companies, ICustomerDirectory customers,
    TimeProvider clock)
{
    /// <summary>The range defaults to this year up to today; a range that ends before it starts is a 400.</summary>
    public async Task<(byte[] Content, string FileName)> RenderAsync(Guid customerId, DateOnly? from, DateOnly? to, DocumentLanguage language,
        CancellationToken ct)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) throw new BusinessException(KernelErrors.InvalidDateRange, StatusCodes.Status400BadRequest, start, end) { Field = "from" };
        var customer = await customers.FindBillingDetailsAsync(customerId, ct) ?? throw new EntityNotFoundException("Customer", customerId);
        var entries = await EntriesAsync(customerId, end, ct);
        var opening = entries.Where(e => e.On < start).Sum(e => e.Debit - e.Credit);
        var inRange = entries.Where(e => e.On >= start).ToList();
        var currency = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == customerId).Select(i => i.Currency).FirstOrDefaultAsync(ct) ?? "CNY";

        var number = $"DZ{end:yyyyMMdd}";
        using var doc = renderer.Start(await companies.GetAsync(ct), language, language == DocumentLanguage.Chinese ? "对账单" : "Statement", number);
        string T(string zh, string en) => doc.T(zh, en);
        doc.Heading(T("客户对账单", "Customer Statement"), T("请核对以下往来明细，如有不符请于 15 日内告知。", "Please check the entries below and tell us of any difference within 15 days."));
        doc.Draw(new Table(new Column(1.2), new Column(3), new Column(1.2), new Column(2)) { Grid = false }
            .Row(new Cell(T("客户", "Customer"), Bold: true), customer.Name, new Cell(T("期间", "Period"), Bold: true), $"{doc.Date(start)} – {doc.Date(end)}")
            .Row(new Cell(T("纳税人识别号", "Taxpayer ID"), Bold: true), customer.TaxId ?? "", new Cell(T("币种", "Currency"), Bold: true), currency));

        var table = new Table(new Column(2), new Column(1.1), new Column(1.9), new Column(1.7), new Column(1.6, CellAlign.Right),
                new Column(1.6, CellAlign.Right), new Column(1.7, CellAlign.Right))
            .Header(T("日期", "Date"), T("类型", "Type"), T("单号", "Number"), T("摘要", "Reference"), T("应收（借）", "Charged"), T("已收（贷）", "Paid/credited"),
                T("余额", "Balance"));
        table.Row(new Cell(T("期初余额", "Opening balance"), 6, Bold: true), new Cell(DocumentPdf.Amount(opening), Bold: true));
        var balance = opening;
        foreach (var entry in inRange)
        {
            balance += entry.Debit - entry.Credit;
            table.Row(doc.Date(entry.On), Kind(entry.Kind), entry.Number, entry.Reference, entry.Debit == 0 ? "" : DocumentPdf.Amount(entry.Debit),
                entry.Credit == 0 ? "" : DocumentPdf.Amount(entry.Credit), DocumentPdf.Amount(balance));
        }
        table.Row(new Cell(T("本期合计", "Period total"), 4, Bold: true), new Cell(DocumentPdf.Amount(inRange.Sum(e => e.Debit)), Bold: true),
            new Cell(DocumentPdf.Amount(inRange.Sum(e => e.Credit)), Bold: true), "");
        table.Row(new Cell(T("期末余额", "Closing balance"), 6, Bold: true), new Cell(DocumentPdf.Amount(balance), Bold: true));
        if (currency == "CNY") table.Row(new Cell(T("期末余额（大写）", "Closing balance in words"), 3, Bold: true), new Cell(ChineseAmount.InWords(balance), 4));
        doc.Draw(table);
        doc.Draw(new Table(new Column(1), new Column(1)) { Grid = false }.Row(
            T("客户确认（章）：", "Confirmed by the customer (seal):"), T("日期：", "Date:")));
        return (doc.ToPdf(), $"{number}-{customer.Name}.pdf");

        string Kind(string kind) => kind switch
        {
            "invoice" => T("发票", "Invoice"),
            "payment" => T("收款", "Payment"),
            _ => T("红字发票", "Credit note"),
        };
    }

    /// <summary>Every movement up to <paramref name="end"/>, oldest first (the ones before the range make the opening balance).</summary>
    private async Task<List<StatementEntry>> EntriesAsync(Guid customerId, DateOnly end, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == customerId && i.IssuedOn <= end)
            .Select(i => new StatementEntry(i.IssuedOn, "invoice", i.Number, i.ContractNumber, i.GrossTotal, 0)).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.CustomerId == customerId && p.ReceivedOn <= end)
            .Select(p => new StatementEntry(p.ReceivedOn, "payment", p.Number, p.InvoiceNumber, 0, p.Amount)).ToListAsync(ct);
        var credits = await db.CreditNotes.AsNoTracking()
            .Where(c => c.IssuedOn <= end && db.Invoices.Any(i => i.Id == c.InvoiceId && i.CustomerId == customerId))
            .Select(c => new StatementEntry(c.IssuedOn, "credit", c.Number, c.InvoiceNumber, 0, c.GrossTotal)).ToListAsync(ct);
        return invoices.Concat(payments).Concat(credits).OrderBy(e => e.On).ThenBy(e => e.Number).ToList();
    }
}
