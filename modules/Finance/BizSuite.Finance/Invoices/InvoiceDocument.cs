using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders;

namespace BizSuite.Finance.Invoices;

/// <summary>
/// The invoice (销售发票) as a PDF, in the layout Chinese customers know from VAT invoices: buyer and seller blocks,
/// the lines with rate and tax, 价税合计 in capital numerals and figures, remarks, who signed — and a plain note that it
/// is the seller's bill, not a tax-bureau fapiao, until e-invoicing is connected.
/// </summary>
internal sealed class InvoiceDocument(DocumentRenderer renderer, CompanyProfiles companies, SettingStore settings, ICustomerDirectory customers,
    ISalesOrderDirectory orders)
{
    public async Task<byte[]> RenderAsync(InvoiceDto invoice, DocumentLanguage language, CancellationToken ct)
    {
        var seller = await companies.GetAsync(ct);
        var buyer = await customers.FindBillingDetailsAsync(invoice.CustomerId, ct) ?? new CustomerBillingDetails(invoice.CustomerName, null, null, null);
        var orderNumber = invoice.OrderId is { } orderId ? await orders.FindNumberAsync(orderId, ct) : null;
        using var doc = renderer.Start(seller, language, language == DocumentLanguage.Chinese ? "销售发票" : "Sales invoice", invoice.Number);
        string T(string zh, string en) => doc.T(zh, en);

        doc.Heading(T("销售发票", "Sales Invoice"),
            T("本发票为销售方开具的收款凭据，不是税务机关监制的增值税发票（电子发票开通前）。",
              "The seller's bill for payment: not a fapiao issued through the tax bureau (until e-invoicing is connected)."));
        doc.Draw(new Table(new Column(1.3), new Column(2), new Column(1.3), new Column(2)) { Grid = false }
            .Row(new Cell(T("发票号码", "Invoice No."), Bold: true), invoice.Number, new Cell(T("开票日期", "Issue date"), Bold: true), doc.Date(invoice.IssuedOn))
            .Row(new Cell(T("付款期限", "Due date"), Bold: true), doc.Date(invoice.DueOn), new Cell(T("币种", "Currency"), Bold: true), invoice.Currency));

        doc.Parties(T("购买方", "Buyer"), buyer.AsParty, T("销售方", "Seller"), seller.AsParty);

        // The columns of a VAT invoice (增值税发票): an installment's share keeps the line's quantity at the share's unit price.
        var lines = new Table(new Column(0.4, CellAlign.Center), new Column(2.6), new Column(1.4), new Column(0.6, CellAlign.Center),
                new Column(0.8, CellAlign.Right), new Column(1.4, CellAlign.Right), new Column(1.6, CellAlign.Right), new Column(0.7, CellAlign.Right),
                new Column(1.4, CellAlign.Right))
            .Header("#", T("项目名称", "Item"), T("规格型号", "Specification"), T("单位", "Unit"), T("数量", "Qty"), T("单价", "Unit price"),
                T("金额", "Amount"), T("税率", "VAT rate"), T("税额", "VAT"));
        foreach (var line in invoice.Lines)
            lines.Row(line.LineNumber.ToString(), line.Description, line.Specification ?? "", line.Unit ?? "", DocumentPdf.Quantity(line.Quantity),
                UnitPrice(line.UnitPrice), DocumentPdf.Amount(line.NetAmount), DocumentPdf.Rate(line.VatRate), DocumentPdf.Amount(line.VatAmount));
        lines.Row(new Cell(T("合计", "Total"), 6, Bold: true), new Cell(DocumentPdf.Amount(invoice.NetTotal), Bold: true), "",
            new Cell(DocumentPdf.Amount(invoice.VatTotal), Bold: true));
        lines.Row(new Cell(T("价税合计（大写）", "Total in words"), 2, Bold: true), new Cell(invoice.Currency == "CNY" ? ChineseAmount.InWords(invoice.GrossTotal) : "", 4),
            new Cell($"{T("（小写）", "In figures ")}{DocumentPdf.Amount(invoice.GrossTotal, invoice.Currency)}", 3, Bold: true, Align: CellAlign.Right));
        var remarks = new List<string> { $"{T("合同", "Contract")} {invoice.ContractNumber} {T($"第 {invoice.InstallmentNumber} 期", $"installment {invoice.InstallmentNumber}")}" };
        if (orderNumber is not null) remarks.Add($"{T("订单", "Order")} {orderNumber}");
        remarks.Add($"{T("已收", "Paid")} {DocumentPdf.Amount(invoice.PaidAmount)}{T("，未收", ", outstanding")} {DocumentPdf.Amount(invoice.Outstanding)}");
        if (invoice.Status == InvoiceStatus.Credited) remarks.Add(T("已开具红字发票冲销", "Reversed by a credit note"));
        if (invoice.PaymentUrl is not null) remarks.Add($"{T("在线支付", "Pay online")}: {invoice.PaymentUrl}");
        lines.Row(new Cell(T("备注", "Remarks"), 2, Bold: true), new Cell(string.Join("\n", remarks), 7));
        doc.Draw(lines);

        doc.Draw(new Table(new Column(1), new Column(1), new Column(1), new Column(1)) { Grid = false }.Row(
            $"{T("收款人", "Payee")}: {await settings.GetAsync(InvoiceSignatories.Payee, ct)}",
            $"{T("复核", "Reviewed by")}: {await settings.GetAsync(InvoiceSignatories.Reviewer, ct)}",
            $"{T("开票人", "Issued by")}: {await settings.GetAsync(InvoiceSignatories.Issuer, ct)}",
            T("销售方（章）", "Seller (seal)")));
        return doc.ToPdf();
    }

    /// <summary>Two decimals like money, up to four when the share of a line does not divide evenly (33.3333).</summary>
    private static string UnitPrice(decimal price) => price.ToString("#,##0.00##", System.Globalization.CultureInfo.InvariantCulture);
}
