using BizSuite.Finance.Accounting;
using BizSuite.Finance.Payables;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Purchasing;
using Shouldly;

namespace BizSuite.Finance.Tests;

/// <summary>Finance's side of Procure-to-Pay: the vouchers of receipts, bills, payments, deliveries and stocktakes, and payment runs.</summary>
public sealed class PurchasePostingTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static Voucher Post(VoucherSource source, IReadOnlyList<VoucherLine> lines) =>
        Voucher.Post("V2026000001", Today, "test", source, Guid.NewGuid(), "X1", lines.Where(l => l.Debit + l.Credit != 0).ToList());

    private static (string Account, decimal Debit, decimal Credit)[] Entries(Voucher v) => v.Lines.Select(l => (l.AccountCode, l.Debit, l.Credit)).ToArray();

    private static GoodsReceived Receipt(params ReceivedLineData[] lines) => new(Guid.NewGuid(), "SH2026000001", Guid.NewGuid(), "CG202600001",
        Guid.NewGuid(), "华东五金", Guid.NewGuid(), Today, "CNY", lines);

    private static Payable Payable(string currency = "CNY", decimal amount = 100m, string source = PayableSources.SupplierBill) =>
        Finance.Payables.Payable.Record("FK2026000001", Guid.NewGuid(), "华东五金", source, Guid.NewGuid(), "PB2026000001", currency, amount, Today, Today.AddDays(30));

    [Fact]
    public void A_receipt_accrues_its_value_rounded_line_by_line_into_inventory()
    {
        // 3 × 3.335 = 10.005 → 10.01 and 7 × 0.333 = 2.331 → 2.33: the voucher takes the sum of rounded lines, as the stock ledger does.
        var voucher = Post(VoucherSource.GoodsReceipt, PurchasePostings.GoodsReceived(Receipt(
            new(Guid.NewGuid(), Guid.NewGuid(), "螺栓", 3m, 3.335m), new(Guid.NewGuid(), null, "垫片", 7m, 0.333m))));
        Entries(voucher).ShouldBe([("1405", 12.34m, 0m), ("220201", 0m, 12.34m)]);
    }

    [Fact]
    public void A_receipt_of_nothing_posts_no_voucher()
    {
        PurchasePostings.IsEmpty(PurchasePostings.GoodsReceived(Receipt(new ReceivedLineData(Guid.NewGuid(), Guid.NewGuid(), "样品", 5m, 0m)))).ShouldBeTrue();
        PurchasePostings.IsEmpty(PurchasePostings.GoodsReceived(Receipt(new ReceivedLineData(Guid.NewGuid(), Guid.NewGuid(), "螺栓", 1m, 0.01m)))).ShouldBeFalse();
    }

    [Fact]
    public void A_bill_clears_the_accrual_claims_input_vat_and_owes_the_gross()
    {
        var bill = new SupplierBillPosted(Guid.NewGuid(), "PB2026000001", "No.0012345", Guid.NewGuid(), "华东五金", Guid.NewGuid(), "CG202600001",
            Today, Today.AddDays(30), "CNY", 1000m, 130m, 1130m, false);
        Entries(Post(VoucherSource.SupplierBill, PurchasePostings.SupplierBillPosted(bill)))
            .ShouldBe([("220201", 1000m, 0m), ("222102", 130m, 0m), ("2202", 0m, 1130m)]);
    }

    [Fact]
    public void A_bill_whose_totals_do_not_add_up_is_refused_as_unbalanced()
    {
        var bill = new SupplierBillPosted(Guid.NewGuid(), "PB2026000002", "No.0012346", Guid.NewGuid(), "华东五金", Guid.NewGuid(), "CG202600001",
            Today, Today.AddDays(30), "CNY", 1000m, 130m, 1130.01m, false);
        Should.Throw<BusinessException>(() => Post(VoucherSource.SupplierBill, PurchasePostings.SupplierBillPosted(bill)))
            .Code.ShouldBe(FinanceErrors.UnbalancedVoucher);
    }

    [Fact]
    public void Stock_issued_becomes_cost_of_sales()
    {
        var issued = new StockIssued(Guid.NewGuid(), "delivery", "SO2026000001-1", Today, 456.78m);
        Entries(Post(VoucherSource.StockIssue, PurchasePostings.StockIssued(issued))).ShouldBe([("6401", 456.78m, 0m), ("1405", 0m, 456.78m)]);
    }

    [Theory]
    [InlineData(25, 0)]
    [InlineData(0, 40)]
    [InlineData(25, 40)]
    public void Stocktake_gains_and_losses_wait_in_pending_gains_and_losses(int gain, int loss)
    {
        var lines = PurchasePostings.StocktakePosted(new StocktakePosted(Guid.NewGuid(), "PD2026000001", Guid.NewGuid(), Today, gain, loss));
        var voucher = Post(VoucherSource.Stocktake, lines);
        voucher.Total.ShouldBe(gain + loss);
        var entries = Entries(voucher);
        entries.Where(e => e.Account == "1405").Sum(e => e.Debit - e.Credit).ShouldBe(gain - loss);
        entries.Where(e => e.Account == "1901").Sum(e => e.Credit - e.Debit).ShouldBe(gain - loss);
    }

    [Fact]
    public void A_stocktake_without_differences_posts_nothing()
    {
        PurchasePostings.IsEmpty(PurchasePostings.StocktakePosted(new StocktakePosted(Guid.NewGuid(), "PD2026000002", Guid.NewGuid(), Today, 0, 0)))
            .ShouldBeTrue();
    }

    [Fact]
    public void Paying_a_supplier_debits_accounts_payable_and_an_employee_other_payables()
    {
        Finance.Payables.Payable.LiabilityAccount(PayableSources.SupplierBill).ShouldBe("2202");
        Finance.Payables.Payable.LiabilityAccount(PayableSources.ExpenseClaim).ShouldBe("2241");
    }

    [Fact]
    public void A_payment_run_pays_every_payable_and_books_one_debit_per_liability_against_the_bank()
    {
        var payables = new[] { Payable(amount: 1130m), Payable(amount: 565.50m), Payable(amount: 80m, source: PayableSources.ExpenseClaim) };
        var run = PaymentRun.Pay("FP2026000001", Today, " 网银批量 ", payables);

        run.Total.ShouldBe(1775.50m);
        run.Reference.ShouldBe("网银批量");
        run.Items.Select(i => i.PayableId).ShouldBe(payables.Select(p => p.Id));
        payables.ShouldAllBe(p => p.Status == PayableStatus.Paid && p.PaidOn == Today && p.PaymentRunId == run.Id);
        payables.SelectMany(p => p.RaisedEvents).Select(e => e.Event).OfType<PayablePaid>().Select(e => e.PaymentRunId).ShouldBe([run.Id, run.Id, run.Id]);

        var voucher = Post(VoucherSource.PaymentRun, PurchasePostings.PaymentRun(payables.Select(p => (Finance.Payables.Payable.LiabilityAccount(p.SourceType), p.Amount))));
        Entries(voucher).ShouldBe([("2202", 1695.50m, 0m), ("2241", 80m, 0m), ("1002", 0m, 1775.50m)]);
    }

    [Fact]
    public void A_payment_run_with_a_paid_payable_pays_none_of_them()
    {
        var open = Payable();
        var paid = Payable();
        paid.Pay(Today.AddDays(-1), null);
        Should.Throw<BusinessException>(() => PaymentRun.Pay("FP2026000001", Today, null, [open, paid])).Code.ShouldBe(FinanceErrors.PayableAlreadyPaid);
        open.Status.ShouldBe(PayableStatus.Open);
        open.RaisedEvents.ShouldBeEmpty();
    }

    [Fact]
    public void A_payment_run_pays_in_one_currency_and_needs_a_payable()
    {
        var cny = Payable("CNY");
        Should.Throw<BusinessException>(() => PaymentRun.Pay("FP2026000001", Today, null, [cny, Payable("USD")]))
            .Code.ShouldBe(FinanceErrors.PaymentRunMixedCurrencies);
        cny.Status.ShouldBe(PayableStatus.Open);
        Should.Throw<BusinessException>(() => PaymentRun.Pay("FP2026000001", Today, null, [])).Code.ShouldBe(FinanceErrors.PaymentRunEmpty);
    }

    [Fact]
    public void The_standard_chart_has_the_procure_to_pay_accounts()
    {
        var chart = ChartOfAccounts.Standard().ToDictionary(a => a.Code, a => a.Name);
        chart["220201"].ShouldBe("应付账款-暂估");
        chart["222102"].ShouldBe("应交税费-应交增值税(进项税额)");
        chart["6401"].ShouldBe("主营业务成本");
        chart["1901"].ShouldBe("待处理财产损溢");
        chart["1405"].ShouldBe("库存商品");
        chart.Count.ShouldBe(ChartOfAccounts.Standard().Select(a => a.Code).Distinct().Count());
    }

    [Fact]
    public void A_dearer_bill_clears_the_accrual_at_the_order_price_and_puts_the_difference_on_stock()
    {
        // 12 at 132.00 accrued at 130.00 and 5 at 40.40 accrued at 40.00: 26.00 more than the receipts booked.
        var bill = new SupplierBillPosted(Guid.NewGuid(), "PB2026000003", "No.0012347", Guid.NewGuid(), "华东五金", Guid.NewGuid(), "CG202600001",
            Today, Today.AddDays(30), "CNY", 1786m, 218.04m, 2004.04m, false,
            [new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 12m, 132m, 130m), new(Guid.NewGuid(), Guid.NewGuid(), null, null, 5m, 40.40m, 40m)]);
        Entries(Post(VoucherSource.SupplierBill, PurchasePostings.SupplierBillPosted(bill)))
            .ShouldBe([("220201", 1760m, 0m), ("1405", 26m, 0m), ("222102", 218.04m, 0m), ("2202", 0m, 2004.04m)]);

        var cheaper = bill with { NetTotal = 1548m, VatTotal = 201.24m, GrossTotal = 1749.24m,
            Lines = [new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 12m, 129m, 130m)] };
        Entries(Post(VoucherSource.SupplierBill, PurchasePostings.SupplierBillPosted(cheaper)))
            .ShouldBe([("220201", 1560m, 0m), ("1405", 0m, 12m), ("222102", 201.24m, 0m), ("2202", 0m, 1749.24m)]);
    }

    [Fact]
    public void The_price_variance_of_goods_already_sold_moves_to_cost_of_sales()
    {
        Entries(Post(VoucherSource.StockRevaluation, PurchasePostings.StockRevalued(new StockRevalued(Guid.NewGuid(), "supplier-bill", "PB1", Today, 12m, 12m))))
            .ShouldBe([("6401", 12m, 0m), ("1405", 0m, 12m)]);
        Entries(Post(VoucherSource.StockRevaluation, PurchasePostings.StockRevalued(new StockRevalued(Guid.NewGuid(), "supplier-bill", "PB1", Today, -5m, -7.5m))))
            .ShouldBe([("6401", 0m, 7.5m), ("1405", 7.5m, 0m)]);
        PurchasePostings.IsEmpty(PurchasePostings.StockRevalued(new StockRevalued(Guid.NewGuid(), "supplier-bill", "PB1", Today, 24m, 0m))).ShouldBeTrue();
    }
}
