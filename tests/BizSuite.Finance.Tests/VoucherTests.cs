using BizSuite.Finance.Accounting;
using BizSuite.Kernel;
using Shouldly;
using static BizSuite.Finance.Tests.SignedOrders;

namespace BizSuite.Finance.Tests;

/// <summary>Double entry: a voucher (记账凭证) is posted only when its debits equal its credits.</summary>
public sealed class VoucherTests
{
    private static Voucher Post(params VoucherLine[] lines) =>
        Voucher.Post("V2026000001", SignedOn, "杭州某某科技有限公司", VoucherSource.Invoice, Guid.NewGuid(), "FP2026000001", lines);

    [Fact]
    public void An_invoice_posts_receivable_against_revenue_and_output_VAT()
    {
        var voucher = Post(VoucherLine.Dr(ChartOfAccounts.Receivables, 1130.00m), VoucherLine.Cr(ChartOfAccounts.Revenue, 1000.00m),
            VoucherLine.Cr(ChartOfAccounts.VatOutput, 130.00m));

        voucher.Total.ShouldBe(1130.00m);
        voucher.Lines.Select(l => (l.LineNumber, l.AccountCode)).ShouldBe([(1, "1122"), (2, "6001"), (3, "222101")]);
        voucher.RaisedEvents.Select(e => e.Event).OfType<VoucherPosted>().Single().Total.ShouldBe(1130.00m);
    }

    [Fact]
    public void Debits_that_do_not_equal_credits_are_refused()
    {
        var refused = Should.Throw<BusinessException>(() =>
            Post(VoucherLine.Dr(ChartOfAccounts.Receivables, 1130.00m), VoucherLine.Cr(ChartOfAccounts.Revenue, 1000.00m), VoucherLine.Cr(ChartOfAccounts.VatOutput, 129.99m)));

        (refused.Code, refused.StatusCode).ShouldBe((FinanceErrors.UnbalancedVoucher, 422));
        refused.Args.ShouldBe([1130.00m, 1129.99m]);
    }

    [Theory]
    [InlineData(0, 0)]       // nothing posted
    [InlineData(-10, -10)]   // negative amounts (a reversal posts the other side instead)
    public void Empty_or_negative_vouchers_are_refused(decimal debit, decimal credit)
    {
        Should.Throw<BusinessException>(() => Post(VoucherLine.Dr(ChartOfAccounts.Bank, debit), VoucherLine.Cr(ChartOfAccounts.Receivables, credit)))
            .Code.ShouldBe(FinanceErrors.UnbalancedVoucher);
    }

    [Fact]
    public void A_line_with_an_empty_side_next_to_balanced_ones_is_refused()
    {
        // The ledger leaves out zero lines (0 % VAT) before posting; a zero line reaching the voucher is a mistake.
        Should.Throw<BusinessException>(() => Post(VoucherLine.Dr(ChartOfAccounts.Receivables, 100m), VoucherLine.Cr(ChartOfAccounts.Revenue, 100m),
            VoucherLine.Cr(ChartOfAccounts.VatOutput, 0m))).Code.ShouldBe(FinanceErrors.UnbalancedVoucher);
    }

    [Fact]
    public void Every_invoice_of_an_unevenly_split_plan_posts_a_balanced_voucher()
    {
        var receivable = ReceivableOf([Line(1, 100.00m, 0.13m), Line(2, 100.00m, 0.06m), Line(3, 0.03m, 0.09m)], 73.00m, 73.00m, 73.03m);

        foreach (var invoice in IssueAll(receivable))
        {
            var voucher = Post(VoucherLine.Dr(ChartOfAccounts.Receivables, invoice.GrossTotal), VoucherLine.Cr(ChartOfAccounts.Revenue, invoice.NetTotal),
                VoucherLine.Cr(ChartOfAccounts.VatOutput, invoice.VatTotal));
            voucher.Total.ShouldBe(invoice.GrossTotal);
        }
    }
}
