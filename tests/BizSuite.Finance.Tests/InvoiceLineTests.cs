using BizSuite.Crm;
using Shouldly;
using static BizSuite.Finance.Tests.SignedOrders;

namespace BizSuite.Finance.Tests;

/// <summary>What an invoice line prints besides its amounts: specification, unit, quantity and a unit price that gives the amount.</summary>
public sealed class InvoiceLineTests
{
    /// <summary>4 catalogue servers at 25,000.00 less 5 %, 13 % VAT: 95,000.00 net, 12,350.00 VAT, 107,350.00 gross.</summary>
    private static readonly ContractLineData Servers = new(1, Guid.NewGuid(), "机架式服务器", 4m, 25000m, 0.05m, 0.13m, 95000.00m, 12350.00m, "台", "SRV-R750");

    [Fact]
    public void A_whole_line_prints_its_catalogue_specification_unit_quantity_and_net_unit_price()
    {
        var receivable = ReceivableOf([Servers], 107350.00m);

        var invoice = Issue(receivable, receivable.Installments[0]);

        invoice.Lines.Select(l => (l.Specification, l.Unit, l.Quantity, l.UnitPrice, l.NetAmount))
            .ShouldBe([("SRV-R750", "台", 4m, 23750.00m, 95000.00m)], "the discount is in the unit price, as the customer pays it");
    }

    [Fact]
    public void An_installment_keeps_the_lines_quantity_and_prints_the_shares_unit_price()
    {
        // 30 % and 70 % of 107,350.00: 28,500.00 and 66,500.00 net, a quarter of each per server.
        var receivable = ReceivableOf([Servers], 32205.00m, 75145.00m);

        var invoices = IssueAll(receivable);

        invoices.Select(i => i.Lines.Single()).Select(l => (l.Quantity, l.UnitPrice, l.NetAmount))
            .ShouldBe([(4m, 7125.00m, 28500.00m), (4m, 16625.00m, 66500.00m)]);
        invoices.ShouldAllBe(i => i.Lines.All(l => l.Unit == "台" && l.Specification == "SRV-R750"));
    }

    [Fact]
    public void A_share_that_does_not_divide_evenly_prints_four_decimals_within_a_cent_of_the_amount()
    {
        // A third of 100.00 over 3 hours of a free-text line (no unit, no specification).
        var receivable = ReceivableOf([new ContractLineData(1, null, "咨询", 3m, 50m, 0m, 0m, 150.00m, 0m)], 100.00m, 50.00m);

        var line = receivable.LinesFor(receivable.Installments[0]).Single();

        (line.Quantity, line.UnitPrice, line.NetAmount, line.Unit, line.Specification).ShouldBe((3m, 33.3333m, 100.00m, (string?)null, (string?)null));
        Math.Abs(line.Quantity * line.UnitPrice - line.NetAmount).ShouldBeLessThan(0.01m);
    }
}
