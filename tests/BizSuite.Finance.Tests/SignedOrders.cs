using BizSuite.Crm;
using BizSuite.Finance.Invoices;
using BizSuite.Finance.Receivables;
using BizSuite.Kernel;
using BizSuite.Orders;

namespace BizSuite.Finance.Tests;

/// <summary>A sales order as a signed contract creates it, and its installments invoiced the way the invoicer does.</summary>
internal static class SignedOrders
{
    public static readonly DateOnly SignedOn = new(2026, 3, 2);

    /// <summary>A contract line of one unit; VAT rounded per line as contracts do.</summary>
    public static ContractLineData Line(int number, decimal net, decimal vatRate) =>
        new(number, null, $"服务 {number}", 1m, net, 0m, vatRate, net, Money.Round(net * vatRate));

    public static Receivable ReceivableOf(IReadOnlyList<ContractLineData> lines, params decimal[] installments) =>
        Receivable.ForOrder(Order(lines, installments.Select(a => (InstallmentTrigger.OnSigning, a)).ToArray()));

    public static SalesOrderCreated Order(IReadOnlyList<ContractLineData> lines, params (InstallmentTrigger Trigger, decimal Amount)[] plan)
    {
        var net = lines.Sum(l => l.NetAmount);
        var vat = lines.Sum(l => l.VatAmount);
        return new SalesOrderCreated(Guid.NewGuid(), "SO202600001", Guid.NewGuid(), "HT202600001", Guid.NewGuid(), "杭州某某科技有限公司", "CNY",
            SignedOn, net, vat, net + vat, lines,
            plan.Select((p, i) => new InstallmentData(i + 1, p.Trigger, p.Trigger == InstallmentTrigger.OnDate ? SignedOn.AddMonths(i) : null, p.Amount)).ToList());
    }

    /// <summary>Issues the installment's invoice (due 30 days later) and marks it invoiced, as <see cref="InstallmentInvoicer"/> does.</summary>
    public static Invoice Issue(Receivable receivable, ReceivableInstallment installment, DateOnly? on = null)
    {
        var today = on ?? SignedOn;
        var invoice = Invoice.Issue($"FP2026{installment.Number:D6}", receivable, installment, receivable.LinesFor(installment), today, today.AddDays(30));
        receivable.MarkInvoiced(installment, invoice.Id, invoice.DueOn, today);
        return invoice;
    }

    public static IReadOnlyList<Invoice> IssueAll(Receivable receivable) => receivable.Installments.Select(i => Issue(receivable, i)).ToList();
}
