using BizSuite.Finance.Data;
using BizSuite.Finance.Invoices;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Payments;

/// <summary>The receipt (收款收据) for one payment: who paid, for which invoice and contract, the amount in words and figures, how.</summary>
internal sealed class ReceiptDocument(FinanceDbContext db, DocumentRenderer renderer, CompanyProfiles companies, SettingStore settings)
{
    /// <summary>The receipt of payment <paramref name="id"/>, with its number for the file name.</summary>
    public async Task<(byte[] Pdf, string Number)> RenderAsync(Guid id, DocumentLanguage language, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("Payment", id);
        return (await RenderAsync(payment, language, ct), payment.Number);
    }

    public async Task<byte[]> RenderAsync(Payment payment, DocumentLanguage language, CancellationToken ct)
    {
        var contractNumber = await db.Invoices.AsNoTracking().Where(i => i.Id == payment.InvoiceId).Select(i => i.ContractNumber).FirstAsync(ct);
        using var doc = renderer.Start(await companies.GetAsync(ct), language, language == DocumentLanguage.Chinese ? "收款收据" : "Receipt", payment.Number);
        string T(string zh, string en) => doc.T(zh, en);
        var method = payment.Method switch
        {
            PaymentMethod.BankTransfer => T("银行转账", "Bank transfer"),
            PaymentMethod.Cash => T("现金", "Cash"),
            _ => T("在线支付（Stripe）", "Online (Stripe)"),
        };

        doc.Heading(T("收款收据", "Receipt"), T("本收据证明已收到下列款项；发票另行开具。", "Confirms the money below was received; the invoice is a document of its own."));
        doc.Draw(new Table(new Column(1.3), new Column(2), new Column(1.3), new Column(2)) { Grid = false }
            .Row(new Cell(T("收据号码", "Receipt No."), Bold: true), payment.Number, new Cell(T("收款日期", "Received on"), Bold: true), doc.Date(payment.ReceivedOn)));
        var amount = new Table(new Column(1.4), new Column(3), new Column(1.4), new Column(2.2))
            .Row(new Cell(T("交款单位", "Received from"), Bold: true), new Cell(payment.CustomerName, 3))
            .Row(new Cell(T("收款事由", "For"), Bold: true),
                new Cell($"{T("发票", "Invoice")} {payment.InvoiceNumber}{T("，合同", ", contract")} {contractNumber}", 3));
        if (payment.Currency == "CNY")
            amount.Row(new Cell(T("人民币（大写）", "Amount in words"), Bold: true), ChineseAmount.InWords(payment.Amount),
                new Cell(T("（小写）", "In figures"), Bold: true), new Cell(DocumentPdf.Amount(payment.Amount, payment.Currency), Bold: true, Align: CellAlign.Right));
        else
            amount.Row(new Cell(T("金额", "Amount"), Bold: true), new Cell(DocumentPdf.Amount(payment.Amount, payment.Currency), 3, Bold: true));
        amount.Row(new Cell(T("收款方式", "Method"), Bold: true), method, new Cell(T("参考号", "Reference"), Bold: true), payment.Reference ?? "");
        doc.Draw(amount);
        doc.Draw(new Table(new Column(1), new Column(1), new Column(1)) { Grid = false }.Row(
            T("收款单位（章）", "Payee (seal)"),
            $"{T("收款人", "Received by")}: {await settings.GetAsync(InvoiceSignatories.Payee, ct)}",
            $"{T("经手人", "Handled by")}: "));
        return doc.ToPdf();
    }
}
