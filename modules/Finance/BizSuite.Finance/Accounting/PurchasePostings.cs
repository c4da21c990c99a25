using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Purchasing;

namespace BizSuite.Finance.Accounting;

/// <summary>
/// The vouchers of Procure-to-Pay and of stock (业财一体化 for 进销存), as pure functions of the events so they are tested
/// without a database. Every amount is rounded to the cent before it reaches a line, so the voucher balances exactly.
/// </summary>
internal static class PurchasePostings
{
    /// <summary>Goods accepted before their bill are owed at the order price (借库存商品 贷应付账款-暂估), line by line rounded.</summary>
    public static IReadOnlyList<VoucherLine> GoodsReceived(GoodsReceived e)
    {
        var value = ReceivedValue(e);
        return [VoucherLine.Dr(ChartOfAccounts.Inventory, value), VoucherLine.Cr(ChartOfAccounts.AccruedPayables, value)];
    }

    public static decimal ReceivedValue(GoodsReceived e) => e.Lines.Sum(l => Money.Round(l.AcceptedQuantity * l.UnitCost));

    /// <summary>
    /// The bill replaces the accrual by the real debt and claims its input VAT (借应付账款-暂估 借进项税额 贷应付账款). The accrual is
    /// reversed at exactly what the receipts booked (billed quantity at the order price), so 应付账款-暂估 is left at nothing; a price
    /// the tolerance let through makes the goods cost what the supplier charges, and as a Chinese accountant adjusts 暂估入账 when the
    /// invoice arrives (企业会计准则第1号——存货: cost is the purchase price; 暂估 is only a stand-in), the difference goes to 库存商品
    /// (debit when dearer, credit when cheaper). Inventory revalues the stock and, for units already sold, raises
    /// <c>StockRevalued</c>, which moves that share on to 主营业务成本.
    /// </summary>
    public static IReadOnlyList<VoucherLine> SupplierBillPosted(SupplierBillPosted e)
    {
        var net = Money.Round(e.NetTotal);
        var accrued = e.Lines is null ? net : e.Lines.Sum(l => Money.Round(l.Quantity * l.AccruedUnitCost));
        return
        [
            VoucherLine.Dr(ChartOfAccounts.AccruedPayables, accrued),
            Signed(ChartOfAccounts.Inventory, net - accrued),
            VoucherLine.Dr(ChartOfAccounts.VatInput, Money.Round(e.VatTotal)),
            VoucherLine.Cr(ChartOfAccounts.Payables, Money.Round(e.GrossTotal)),
        ];
    }

    /// <summary>The price variance of goods already sold leaves stock for cost of sales (借主营业务成本 贷库存商品; reversed when cheaper).</summary>
    public static IReadOnlyList<VoucherLine> StockRevalued(StockRevalued e) =>
        [Signed(ChartOfAccounts.CostOfSales, Money.Round(e.CostOfSalesValue)), Signed(ChartOfAccounts.Inventory, -Money.Round(e.CostOfSalesValue))];

    /// <summary>A debit of a positive amount, a credit of a negative one.</summary>
    private static VoucherLine Signed(string account, decimal amount) => amount >= 0 ? VoucherLine.Dr(account, amount) : VoucherLine.Cr(account, -amount);

    /// <summary>Delivered goods leave stock at their average cost and become cost of sales (借主营业务成本 贷库存商品).</summary>
    public static IReadOnlyList<VoucherLine> StockIssued(StockIssued e) =>
        [VoucherLine.Dr(ChartOfAccounts.CostOfSales, Money.Round(e.TotalCost)), VoucherLine.Cr(ChartOfAccounts.Inventory, Money.Round(e.TotalCost))];

    /// <summary>
    /// Counted more than booked raises stock against 待处理财产损溢 (借库存商品 贷待处理财产损溢); counted less takes it down
    /// (借待处理财产损溢 贷库存商品). Gains and losses stay apart so the voucher shows both.
    /// </summary>
    public static IReadOnlyList<VoucherLine> StocktakePosted(StocktakePosted e) =>
    [
        VoucherLine.Dr(ChartOfAccounts.Inventory, Money.Round(e.GainValue)),
        VoucherLine.Cr(ChartOfAccounts.PendingAssetGainsAndLosses, Money.Round(e.GainValue)),
        VoucherLine.Dr(ChartOfAccounts.PendingAssetGainsAndLosses, Money.Round(e.LossValue)),
        VoucherLine.Cr(ChartOfAccounts.Inventory, Money.Round(e.LossValue)),
    ];

    /// <summary>A payment run settles each payable's liability from the bank in one voucher: one debit per liability account, one credit.</summary>
    public static IReadOnlyList<VoucherLine> PaymentRun(IEnumerable<(string LiabilityAccount, decimal Amount)> payables)
    {
        var debits = payables.GroupBy(p => p.LiabilityAccount).OrderBy(g => g.Key).Select(g => VoucherLine.Dr(g.Key, g.Sum(p => p.Amount))).ToList();
        return [.. debits, VoucherLine.Cr(ChartOfAccounts.Bank, debits.Sum(l => l.Debit))];
    }

    /// <summary>Nothing to book (a receipt of free goods, a stocktake without differences) posts no voucher.</summary>
    public static bool IsEmpty(IReadOnlyList<VoucherLine> lines) => lines.All(l => l.Debit + l.Credit == 0);
}

/// <summary>Goods received post the accrual (Dr 库存商品 / Cr 应付账款-暂估) in the receiving transaction.</summary>
internal sealed class PostVoucherWhenGoodsReceived(Ledger ledger) : IDomainEventHandler<GoodsReceived>
{
    public Task HandleAsync(GoodsReceived e, CancellationToken ct)
    {
        var lines = PurchasePostings.GoodsReceived(e);
        return PurchasePostings.IsEmpty(lines) ? Task.CompletedTask
            : ledger.PostOnceAsync(e.ReceivedOn, $"{e.SupplierName} {e.OrderNumber}", VoucherSource.GoodsReceipt, e.ReceiptId, e.ReceiptNumber, lines, ct);
    }
}

/// <summary>A delivery's stock at average cost becomes cost of sales (Dr 主营业务成本 / Cr 库存商品).</summary>
internal sealed class PostVoucherWhenStockIssued(Ledger ledger) : IDomainEventHandler<StockIssued>
{
    public Task HandleAsync(StockIssued e, CancellationToken ct)
    {
        var lines = PurchasePostings.StockIssued(e);
        return PurchasePostings.IsEmpty(lines) ? Task.CompletedTask
            : ledger.PostOnceAsync(e.IssuedOn, e.SourceNumber, VoucherSource.StockIssue, e.SourceId, e.SourceNumber, lines, ct);
    }
}

/// <summary>A bill's price variance on goods already sold moves from 库存商品 to 主营业务成本.</summary>
internal sealed class PostVoucherWhenStockRevalued(Ledger ledger) : IDomainEventHandler<StockRevalued>
{
    public Task HandleAsync(StockRevalued e, CancellationToken ct)
    {
        var lines = PurchasePostings.StockRevalued(e);
        return PurchasePostings.IsEmpty(lines) ? Task.CompletedTask
            : ledger.PostOnceAsync(e.RevaluedOn, e.SourceNumber, VoucherSource.StockRevaluation, e.SourceId, e.SourceNumber, lines, ct);
    }
}

/// <summary>Stocktake differences go to 待处理财产损溢 until they are approved.</summary>
internal sealed class PostVoucherWhenStocktakePosted(Ledger ledger) : IDomainEventHandler<StocktakePosted>
{
    public Task HandleAsync(StocktakePosted e, CancellationToken ct)
    {
        var lines = PurchasePostings.StocktakePosted(e);
        return PurchasePostings.IsEmpty(lines) ? Task.CompletedTask
            : ledger.PostOnceAsync(e.CountedOn, e.StocktakeNumber, VoucherSource.Stocktake, e.StocktakeId, e.StocktakeNumber, lines, ct);
    }
}
