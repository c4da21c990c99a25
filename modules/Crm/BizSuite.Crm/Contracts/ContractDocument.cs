using BizSuite.Kernel;

namespace BizSuite.Crm.Contracts;

/// <summary>
/// The contract (销售合同) as a PDF: buyer (甲方) and seller (乙方) with their billing details, the priced lines, the total
/// in figures and words, the collection plan (回款计划) and the signature blocks. Long contracts run over several pages.
/// </summary>
internal sealed class ContractDocument(DocumentRenderer renderer, CompanyProfiles companies, ICustomerDirectory customers)
{
    public async Task<byte[]> RenderAsync(ContractDto contract, DocumentLanguage language, CancellationToken ct)
    {
        var seller = await companies.GetAsync(ct);
        var buyer = await customers.FindBillingDetailsAsync(contract.CustomerId, ct) ?? new CustomerBillingDetails(contract.CustomerName, null, null, null);
        using var doc = renderer.Start(seller, language, language == DocumentLanguage.Chinese ? "销售合同" : "Sales contract", contract.Number);
        string T(string zh, string en) => doc.T(zh, en);

        doc.Heading(T("销售合同", "Sales Contract"), contract.Title);
        doc.Draw(new Table(new Column(1.2), new Column(2), new Column(1.2), new Column(2)) { Grid = false }
            .Row(new Cell(T("合同编号", "Contract No."), Bold: true), contract.Number, new Cell(T("签订日期", "Signed on"), Bold: true),
                contract.SignedOn is { } signed ? doc.Date(signed) : T("未签订", "not signed yet"))
            .Row(new Cell(T("币种", "Currency"), Bold: true), contract.Currency, new Cell(T("状态", "Status"), Bold: true), Status(contract.Status)));
        doc.Parties(T("甲方（买方）", "Buyer"), buyer.AsParty, T("乙方（卖方）", "Seller"), seller.AsParty);

        doc.Text(T("一、产品与服务", "1. Products and services"));
        var lines = new Table(new Column(0.5, CellAlign.Center), new Column(3.2), new Column(0.9, CellAlign.Right), new Column(1.5, CellAlign.Right),
                new Column(0.8, CellAlign.Right), new Column(0.8, CellAlign.Right), new Column(1.7, CellAlign.Right), new Column(1.5, CellAlign.Right))
            .Header("#", T("产品/服务", "Item"), T("数量", "Qty"), T("单价", "Unit price"), T("折扣", "Discount"), T("税率", "VAT rate"),
                T("金额（不含税）", "Net amount"), T("税额", "VAT"));
        var number = 0;
        foreach (var line in contract.Lines)
            lines.Row((++number).ToString(), line.Description, DocumentPdf.Quantity(line.Quantity), DocumentPdf.Amount(line.UnitPrice),
                DocumentPdf.Rate(line.DiscountRate), DocumentPdf.Rate(line.VatRate), DocumentPdf.Amount(line.NetAmount), DocumentPdf.Amount(line.VatAmount));
        lines.Row(new Cell(T("合计", "Total"), 6, Bold: true), new Cell(DocumentPdf.Amount(contract.NetTotal), Bold: true),
            new Cell(DocumentPdf.Amount(contract.VatTotal), Bold: true));
        lines.Row(new Cell(T("价税合计", "Total incl. VAT"), 2, Bold: true),
            new Cell(contract.Currency == "CNY" ? $"{T("大写", "In words")}: {ChineseAmount.InWords(contract.GrossTotal)}" : "", 4),
            new Cell(DocumentPdf.Amount(contract.GrossTotal, contract.Currency), 2, Bold: true, Align: CellAlign.Right));
        doc.Draw(lines);

        doc.Text(T("二、回款计划", "2. Collection plan"));
        var plan = new Table(new Column(0.8, CellAlign.Center), new Column(2.5), new Column(1.8), new Column(1.2, CellAlign.Right), new Column(2, CellAlign.Right))
            .Header(T("期次", "Installment"), T("付款条件", "Due when"), T("约定日期", "Date"), T("比例", "Share"), T("金额", "Amount"));
        foreach (var installment in contract.Installments)
            plan.Row(installment.Number.ToString(), Trigger(installment.Trigger), installment.DueDate is { } due ? doc.Date(due) : "",
                installment.Percentage is { } share ? DocumentPdf.Rate(share / 100) : "", DocumentPdf.Amount(installment.Amount));
        doc.Draw(plan);

        doc.Text(T("三、乙方开具发票后，甲方按上述回款计划付款至乙方账户。本合同一式两份，双方各执一份，自双方签字盖章之日起生效。",
            "3. The buyer pays each installment into the seller's account against the seller's invoice. Two originals, one for each party; " +
            "in force from the day both parties sign and seal it."));
        doc.Gap(12);
        doc.Draw(new Table(new Column(1), new Column(1)) { Grid = false }
            .Row(new Cell(T("甲方（盖章）", "Buyer (seal)"), Bold: true), new Cell(T("乙方（盖章）", "Seller (seal)"), Bold: true))
            .Row(buyer.Name, seller.Name)
            .Row(T("授权代表：", "Authorised signatory:"), T("授权代表：", "Authorised signatory:"))
            .Row(T("日期：", "Date:"), T("日期：", "Date:")));
        return doc.ToPdf();

        string Status(ContractStatus status) => status switch
        {
            ContractStatus.Draft => T("草稿", "Draft"),
            ContractStatus.Submitted => T("审批中", "Awaiting approval"),
            ContractStatus.Approved => T("已批准", "Approved"),
            ContractStatus.Signed => T("已签订", "Signed"),
            ContractStatus.Completed => T("已完成", "Completed"),
            _ => T("已终止", "Terminated"),
        };

        string Trigger(InstallmentTrigger trigger) => trigger switch
        {
            InstallmentTrigger.OnSigning => T("合同签订时", "On signing"),
            InstallmentTrigger.OnDelivery => T("交付完成时", "On delivery"),
            _ => T("约定日期", "On the date"),
        };
    }
}
