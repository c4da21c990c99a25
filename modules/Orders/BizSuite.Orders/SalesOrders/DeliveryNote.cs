using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.SalesOrders;

/// <summary>
/// The delivery note (送货单) for one delivery of a sales order: what went out (with SKU and unit from the catalogue), how
/// much of each line is delivered by now, the delivered value in figures and words, and the consignee's signature.
/// A delivery is numbered after its order: the order's number and its place among the order's deliveries.
/// </summary>
internal sealed class DeliveryNote(OrdersDbContext db, SalesOrderAppService orders, DocumentRenderer renderer, CompanyProfiles companies,
    ICustomerDirectory customers)
{
    public async Task<(byte[] Pdf, string Number)> RenderAsync(Guid orderId, Guid deliveryId, DocumentLanguage language, CancellationToken ct)
    {
        var order = await orders.GetAsync(orderId, ct);
        var deliveries = order.Deliveries.OrderBy(d => d.DeliveredOn).ThenBy(d => d.Id).ToList();
        var delivery = deliveries.FirstOrDefault(d => d.Id == deliveryId) ?? throw new EntityNotFoundException("Delivery", deliveryId);
        var number = $"{order.Number}-{deliveries.IndexOf(delivery) + 1}";
        var productIds = order.Lines.Select(l => l.ProductId).OfType<Guid>().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var buyer = await customers.FindBillingDetailsAsync(order.CustomerId, ct);
        // What each line had delivered once this delivery was made: this and the earlier ones.
        var upToHere = deliveries.Take(deliveries.IndexOf(delivery) + 1).SelectMany(d => d.Lines)
            .GroupBy(l => l.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));

        using var doc = renderer.Start(await companies.GetAsync(ct), language, language == DocumentLanguage.Chinese ? "送货单" : "Delivery note", number);
        string T(string zh, string en) => doc.T(zh, en);
        doc.Heading(T("送货单", "Delivery Note"));
        doc.Draw(new Table(new Column(1.2), new Column(2.2), new Column(1.2), new Column(2)) { Grid = false }
            .Row(new Cell(T("送货单号", "Delivery No."), Bold: true), number, new Cell(T("送货日期", "Delivered on"), Bold: true), doc.Date(delivery.DeliveredOn))
            .Row(new Cell(T("收货单位", "Consignee"), Bold: true), order.CustomerName, new Cell(T("订单号", "Order No."), Bold: true), order.Number)
            .Row(new Cell(T("收货地址", "Address"), Bold: true), buyer?.Address ?? "", new Cell(T("合同号", "Contract No."), Bold: true), order.ContractNumber));

        var table = new Table(new Column(0.5, CellAlign.Center), new Column(2.8), new Column(1.3), new Column(0.7, CellAlign.Center), new Column(1, CellAlign.Right),
                new Column(1, CellAlign.Right), new Column(1, CellAlign.Right), new Column(1.3, CellAlign.Right), new Column(1.6, CellAlign.Right))
            .Header("#", T("品名", "Item"), T("编码", "SKU"), T("单位", "Unit"), T("订购数量", "Ordered"), T("本次送货", "This delivery"),
                T("累计送货", "Delivered"), T("单价", "Unit price"), T("金额（不含税）", "Net amount"));
        decimal total = 0;
        var position = 0;
        foreach (var item in delivery.Lines)
        {
            var line = order.Lines.Single(l => l.Id == item.OrderLineId);
            var product = line.ProductId is { } productId ? products.GetValueOrDefault(productId) : null;
            var unitPrice = Money.Round(line.UnitPrice * (1 - line.DiscountRate));
            var amount = Money.Round(item.Quantity * unitPrice);
            total += amount;
            table.Row((++position).ToString(), line.Description, product?.Sku ?? "", product?.Unit ?? "", DocumentPdf.Quantity(line.Quantity),
                DocumentPdf.Quantity(item.Quantity), DocumentPdf.Quantity(upToHere[line.Id]), DocumentPdf.Amount(unitPrice), DocumentPdf.Amount(amount));
        }
        table.Row(new Cell(T("合计", "Total"), 8, Bold: true), new Cell(DocumentPdf.Amount(total), Bold: true));
        if (order.Currency == "CNY") table.Row(new Cell(T("金额（大写）", "Amount in words"), 2, Bold: true), new Cell(ChineseAmount.InWords(total), 7));
        if (!string.IsNullOrWhiteSpace(delivery.Note)) table.Row(new Cell(T("备注", "Note"), 2, Bold: true), new Cell(delivery.Note, 7));
        doc.Draw(table);
        doc.Text(T("请收货单位核对货物数量与品质后签收；如有差异，请在签收时注明。", "Please check quantity and condition before signing; note any difference on signing."), small: true);
        doc.Gap(12);
        doc.Draw(new Table(new Column(1), new Column(1), new Column(1)) { Grid = false }
            .Row($"{T("送货人", "Delivered by")}:", $"{T("收货人（签字/盖章）", "Received by (signature/seal)")}:", $"{T("收货日期", "Date received")}:"));
        return (doc.ToPdf(), number);
    }
}
