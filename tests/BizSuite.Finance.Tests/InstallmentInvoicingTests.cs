using BizSuite.Crm;
using BizSuite.Finance.Receivables;
using Shouldly;
using static BizSuite.Finance.Tests.SignedOrders;

namespace BizSuite.Finance.Tests;

/// <summary>What each installment's invoice says: its share of every contract line, to the cent.</summary>
public sealed class InstallmentInvoicingTests
{
    [Fact]
    public void A_receivable_opened_for_an_order_keeps_its_lines_and_plan_with_nothing_invoiced_yet()
    {
        var order = Order([Line(1, 1000.00m, 0.13m), Line(2, 500.00m, 0.06m)], (InstallmentTrigger.OnSigning, 339.00m), (InstallmentTrigger.OnDelivery, 1321.00m));

        var receivable = Receivable.ForOrder(order);

        receivable.Lines.Select(l => (l.LineNumber, l.Description, l.Quantity, l.VatRate, l.NetAmount, l.VatAmount))
            .ShouldBe([(1, "服务 1", 1m, 0.13m, 1000.00m, 130.00m), (2, "服务 2", 1m, 0.06m, 500.00m, 30.00m)]);
        receivable.Installments.Select(i => (i.Number, i.Trigger, i.Amount, i.InvoiceId))
            .ShouldBe([(1, InstallmentTrigger.OnSigning, 339.00m, (Guid?)null), (2, InstallmentTrigger.OnDelivery, 1321.00m, null)]);
        (receivable.GrossTotal, receivable.Collectible, receivable.Invoiced, receivable.Outstanding, receivable.Status)
            .ShouldBe((1660.00m, 1660.00m, 0m, 0m, CollectionStatus.Unpaid), "nothing is owed before an invoice is issued");
    }

    [Fact]
    public void Three_equal_installments_of_100_put_the_remaining_cent_on_the_last()
    {
        // 33.33 % three times, as the collection plan allocates 100.00: the last installment holds the remaining cent.
        var receivable = ReceivableOf([Line(1, 100.00m, 0m)], 33.33m, 33.33m, 33.34m);

        var invoices = IssueAll(receivable);

        invoices.Select(i => i.GrossTotal).ShouldBe([33.33m, 33.33m, 33.34m]);
        invoices.ShouldAllBe(i => i.Lines.Sum(l => l.NetAmount + l.VatAmount) == i.GrossTotal);
        invoices.Sum(i => i.GrossTotal).ShouldBe(100.00m);
        receivable.Invoiced.ShouldBe(100.00m);
    }

    [Fact]
    public void Each_line_gives_the_same_share_of_its_gross_and_the_largest_line_takes_the_rounding_cent()
    {
        // A third of 30.00 over three lines of 10.00: 3.33 each would leave a cent out.
        var receivable = ReceivableOf([Line(1, 10.00m, 0m), Line(2, 10.00m, 0m), Line(3, 10.00m, 0m)], 10.00m, 20.00m);

        receivable.LinesFor(receivable.Installments[0]).Select(l => l.GrossAmount).ShouldBe([3.34m, 3.33m, 3.33m]);
    }

    [Fact]
    public void A_share_is_split_back_into_net_and_VAT_at_the_lines_rate()
    {
        // 30 % of 113.00 (100.00 + 13 %) and of 106.00 (100.00 + 6 %).
        var receivable = ReceivableOf([Line(1, 100.00m, 0.13m), Line(2, 100.00m, 0.06m)], 65.70m, 153.30m);

        receivable.LinesFor(receivable.Installments[0]).Select(l => (l.NetAmount, l.VatAmount, l.GrossAmount))
            .ShouldBe([(30.00m, 3.90m, 33.90m), (30.00m, 1.80m, 31.80m)]);
    }

    [Fact]
    public void The_invoices_of_a_plan_add_up_to_every_contract_line_net_and_VAT_apart()
    {
        // Three installments of 73.00 over 113.00 at 13 % and 106.00 at 6 %: each share rounds the 13 % line up by a third of
        // a cent, so three proportional invoices would book 200.01 revenue and 18.99 output VAT against the contract's 200.00 and 19.00.
        var lines = new[] { Line(1, 100.00m, 0.13m), Line(2, 100.00m, 0.06m) };
        var receivable = ReceivableOf(lines, 73.00m, 73.00m, 73.00m);

        var invoiced = IssueAll(receivable).SelectMany(i => i.Lines).ToLookup(l => l.LineNumber);

        foreach (var line in lines)
        {
            invoiced[line.LineNumber].Sum(l => l.NetAmount).ShouldBe(line.NetAmount);
            invoiced[line.LineNumber].Sum(l => l.VatAmount).ShouldBe(line.VatAmount);
        }
    }

    [Fact]
    public void The_last_installment_takes_the_same_remainder_whatever_order_the_installments_are_invoiced_in()
    {
        var lines = new[] { Line(1, 100.00m, 0.13m), Line(2, 100.00m, 0.06m) };
        var inOrder = ReceivableOf(lines, 73.00m, 73.00m, 73.00m);
        var lastFirst = ReceivableOf(lines, 73.00m, 73.00m, 73.00m);

        var expected = IssueAll(inOrder)[2].Lines.Select(l => (l.NetAmount, l.VatAmount)).ToList();
        Issue(lastFirst, lastFirst.Installments[2]).Lines.Select(l => (l.NetAmount, l.VatAmount)).ShouldBe(expected);
        expected.ShouldBe([(33.32m, 4.34m), (33.34m, 2.00m)]);
    }

    [Fact]
    public void A_single_installment_carries_the_contracts_own_figures()
    {
        var lines = new[] { Line(1, 333.33m, 0.13m), Line(2, 0.01m, 0.06m) };
        var receivable = ReceivableOf(lines, lines.Sum(l => l.NetAmount + l.VatAmount));

        receivable.LinesFor(receivable.Installments.Single()).Select(l => (l.NetAmount, l.VatAmount))
            .ShouldBe(lines.Select(l => (l.NetAmount, l.VatAmount)));
    }

    [Fact]
    public void Only_installments_whose_trigger_fired_are_due_and_dated_ones_on_their_date()
    {
        var receivable = Receivable.ForOrder(Order([Line(1, 300.00m, 0m)],
            (InstallmentTrigger.OnSigning, 100.00m), (InstallmentTrigger.OnDelivery, 100.00m), (InstallmentTrigger.OnDate, 100.00m)));
        var dated = receivable.Installments[2];

        receivable.DueInstallments(InstallmentTrigger.OnSigning, SignedOn).Select(i => i.Number).ShouldBe([1]);
        receivable.DueInstallments(InstallmentTrigger.OnDate, dated.DueDate!.Value.AddDays(-1)).ShouldBeEmpty();
        receivable.DueInstallments(InstallmentTrigger.OnDate, dated.DueDate.Value).Select(i => i.Number).ShouldBe([3]);

        Issue(receivable, receivable.Installments[0]);
        receivable.DueInstallments(InstallmentTrigger.OnSigning, SignedOn).ShouldBeEmpty("an installment is invoiced once");
    }

    [Fact]
    public void A_receivable_and_its_invoices_carry_the_order_they_were_opened_for()
    {
        var order = Order([Line(1, 100.00m, 0.06m)], (InstallmentTrigger.OnSigning, 106.00m));
        var receivable = Receivable.ForOrder(order);

        var invoice = Issue(receivable, receivable.Installments.Single());

        (receivable.OrderId, invoice.OrderId).ShouldBe((order.OrderId, order.OrderId));
        invoice.RaisedEvents.Select(e => e.Event).OfType<InvoiceIssued>().Single().OrderId.ShouldBe(order.OrderId);
    }
}
