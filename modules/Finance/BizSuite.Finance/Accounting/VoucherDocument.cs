using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Accounting;

/// <summary>
/// A voucher (记账凭证) in the standard layout for the accountant's binder: number and date, the source document as
/// attachment, summary, account code and name, debit and credit, the total in figures and words, and the sign-off row.
/// </summary>
internal sealed class VoucherDocument(FinanceDbContext db, DocumentRenderer renderer, CompanyProfiles companies)
{
    /// <summary>Voucher <paramref name="id"/> as a PDF, with its number for the file name.</summary>
    public async Task<(byte[] Pdf, string Number)> RenderAsync(Guid id, DocumentLanguage language, CancellationToken ct)
    {
        var voucher = await db.Vouchers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new EntityNotFoundException("Voucher", id);
        return (await RenderAsync(voucher, language, ct), voucher.Number);
    }

    public async Task<byte[]> RenderAsync(Voucher voucher, DocumentLanguage language, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Code, ct);
        using var doc = renderer.Start(await companies.GetAsync(ct), language, language == DocumentLanguage.Chinese ? "记账凭证" : "Journal voucher", voucher.Number);
        string T(string zh, string en) => doc.T(zh, en);

        doc.Heading(T("记账凭证", "Journal Voucher"));
        doc.Draw(new Table(new Column(1.2), new Column(2), new Column(1.2), new Column(2)) { Grid = false }
            .Row(new Cell(T("凭证字号", "Voucher No."), Bold: true), $"{T("记", "JV")}-{voucher.Number}", new Cell(T("日期", "Date"), Bold: true), doc.Date(voucher.PostedOn))
            .Row(new Cell(T("附单据", "Attachment"), Bold: true), new Cell($"{voucher.SourceNumber}（{T("1 张", "1 document")}）", 3)));
        var lines = new Table(new Column(3), new Column(1.1), new Column(2.4), new Column(1.7, CellAlign.Right), new Column(1.7, CellAlign.Right))
            .Header(T("摘要", "Summary"), T("科目代码", "Account"), T("会计科目", "Account name"), T("借方金额", "Debit"), T("贷方金额", "Credit"));
        foreach (var line in voucher.Lines.OrderBy(l => l.LineNumber))
        {
            var name = accounts.TryGetValue(line.AccountCode, out var account) ? (doc.Chinese ? account.Name : account.NameEn) : "";
            lines.Row(voucher.Summary, line.AccountCode, name, line.Debit == 0 ? "" : DocumentPdf.Amount(line.Debit), line.Credit == 0 ? "" : DocumentPdf.Amount(line.Credit));
        }
        lines.Row(new Cell($"{T("合计", "Total")}: {ChineseAmount.InWords(voucher.Total)}", 3, Bold: true),
            new Cell(DocumentPdf.Amount(voucher.Total), Bold: true), new Cell(DocumentPdf.Amount(voucher.Total), Bold: true));
        doc.Draw(lines);
        doc.Draw(new Table(new Column(1), new Column(1), new Column(1), new Column(1), new Column(1)) { Grid = false }.Row(
            $"{T("会计主管", "Chief accountant")}:", $"{T("记账", "Posted by")}:", $"{T("审核", "Reviewed by")}:", $"{T("出纳", "Cashier")}:",
            $"{T("制单", "Prepared by")}: BizSuite"));
        return doc.ToPdf();
    }
}
