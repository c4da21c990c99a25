using BizSuite.Kernel;

namespace BizSuite.Purchasing.Orders;

/// <summary>
/// The purchase order (采购订单) as the supplier receives it: buyer and supplier blocks, the lines at the agreed prices with
/// VAT, totals in figures and words, the expected date, and signatures of both sides.
/// </summary>
internal sealed class PurchaseOrderDocument(PurchaseOrderAppService orders, Suppliers.SupplierAppService suppliers, DocumentRenderer renderer,
    CompanyProfiles companies)
{
    public async Task<(byte[] Pdf, string Number)> RenderAsync(Guid orderId, DocumentLanguage language, CancellationToken ct)
    {
        var order = await orders.GetAsync(orderId, ct);
        var supplier = await suppliers.GetAsync(order.SupplierId, ct);
        var company = await companies.GetAsync(ct);
        using var doc = renderer.Start(company, language, language == DocumentLanguage.Chinese ? "采购订单" : "Purchase order", order.Number);
        string T(string zh, string en) => doc.T(zh, en);
        doc.Heading(T("采购订单", "Purchase Order"));
        doc.Draw(new Table(new Column(1.2), new Column(2.2), new Column(1.2), new Column(2)) { Grid = false }
            .Row(new Cell(T("订单号", "Order No."), Bold: true), order.Number, new Cell(T("下单日期", "Order date"), Bold: true),
                doc.Date(DateOnly.FromDateTime(order.CreatedAt)))
            .Row(new Cell(T("请购单号", "Request No."), Bold: true), order.RequestNumber ?? "", new Cell(T("交货日期", "Delivery by"), Bold: true),
                order.ExpectedOn is { } expected ? doc.Date(expected) : "")
            .Row(new Cell(T("币种", "Currency"), Bold: true), order.Currency, new Cell(T("付款条件", "Payment terms"), Bold: true),
                T($"发票后 {supplier.PaymentTermDays} 天", $"{supplier.PaymentTermDays} days after invoice")));
        doc.Parties(T("采购方", "Buyer"), company.AsParty, T("供应商", "Supplier"), new Party(supplier.Name, supplier.TaxId,
            string.Join(" ", new[] { supplier.ContactName, supplier.ContactPhone, supplier.ContactEmail }.Where(s => !string.IsNullOrWhiteSpace(s))),
            string.Join(" ", new[] { supplier.BankName, supplier.BankAccount }.Where(s => !string.IsNullOrWhiteSpace(s)))));

        var table = new Table(new Column(0.5, CellAlign.Center), new Column(3.4), new Column(1, CellAlign.Right), new Column(1.2, CellAlign.Right),
                new Column(1.5, CellAlign.Right), new Column(0.8, CellAlign.Right), new Column(1.2, CellAlign.Right), new Column(1.6, CellAlign.Right))
            .Header("#", T("品名", "Item"), T("数量", "Quantity"), T("单价", "Unit price"), T("金额（不含税）", "Net amount"), T("税率", "VAT rate"),
                T("税额", "VAT"), T("价税合计", "Total incl. VAT"));
        foreach (var line in order.Lines)
            table.Row(line.LineNumber.ToString(), line.Description, DocumentPdf.Quantity(line.Quantity), DocumentPdf.Amount(line.UnitPrice),
                DocumentPdf.Amount(line.NetAmount), DocumentPdf.Rate(line.VatRate), DocumentPdf.Amount(line.VatAmount),
                DocumentPdf.Amount(line.NetAmount + line.VatAmount));
        table.Row(new Cell(T("合计", "Total"), 4, Bold: true), new Cell(DocumentPdf.Amount(order.NetTotal), Bold: true), "",
            new Cell(DocumentPdf.Amount(order.VatTotal), Bold: true), new Cell(DocumentPdf.Amount(order.GrossTotal), Bold: true));
        if (order.Currency == "CNY")
            table.Row(new Cell(T("价税合计（大写）", "Total in words"), 2, Bold: true), new Cell(ChineseAmount.InWords(order.GrossTotal), 4),
                new Cell(T("（小写）", "In figures"), Bold: true), DocumentPdf.Amount(order.GrossTotal, order.Currency));
        doc.Draw(table);
        doc.Text(T("请供应商按订单所列品名、数量、单价及交货日期供货；送货时请附本订单号，发票请按实际收货数量开具。",
            "Please deliver the items, quantities and prices above by the delivery date, quote this order number on delivery, and invoice the quantities received."),
            small: true);
        doc.Gap(12);
        doc.Draw(new Table(new Column(1), new Column(1)) { Grid = false }
            .Row($"{T("采购方（盖章）", "Buyer (seal)")}:", $"{T("供应商确认（盖章）", "Supplier's confirmation (seal)")}:")
            .Row($"{T("日期", "Date")}:", $"{T("日期", "Date")}:"));
        return (doc.ToPdf(), order.Number);
    }
}
