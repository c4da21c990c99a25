using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Finance.Accounting;

public enum VoucherSource { Invoice, Payment, CreditNote, Payable, PayablePayment, GoodsReceipt, SupplierBill, StockIssue, Stocktake, PaymentRun, StockRevaluation }

/// <summary>
/// An accounting voucher (记账凭证): a balanced double entry posted for one business document. Each
/// document posts at most one voucher (unique source), so a replayed event cannot post twice.
/// </summary>
[Audited]
internal sealed class Voucher : AggregateRoot, IMultiTenant
{
    private readonly List<VoucherLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly PostedOn { get; private set; }
    public string Summary { get; private set; } = "";
    public VoucherSource SourceType { get; private set; }
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = "";
    public decimal Total { get; private set; }
    public IReadOnlyList<VoucherLine> Lines => _lines;

    private Voucher() { }

    public static Voucher Post(string number, DateOnly postedOn, string summary, VoucherSource sourceType, Guid sourceId, string sourceNumber,
        IReadOnlyList<VoucherLine> lines)
    {
        var debit = lines.Sum(l => l.Debit);
        var credit = lines.Sum(l => l.Credit);
        if (debit != credit || debit <= 0 || lines.Any(l => l.Debit < 0 || l.Credit < 0 || (l.Debit == 0) == (l.Credit == 0)))
            throw new BusinessException(FinanceErrors.UnbalancedVoucher, StatusCodes.Status422UnprocessableEntity, debit, credit);
        var voucher = new Voucher
        {
            Number = number,
            PostedOn = postedOn,
            Summary = summary,
            SourceType = sourceType,
            SourceId = sourceId,
            SourceNumber = sourceNumber,
            Total = debit,
        };
        voucher._lines.AddRange(lines.Select((l, i) => l.At(i + 1)));
        voucher.Raise(new VoucherPosted(voucher.Id, number, postedOn, sourceType.ToString(), sourceId, sourceNumber, debit));
        return voucher;
    }
}

internal sealed class VoucherLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; }
    public string AccountCode { get; private set; } = "";
    public decimal Debit { get; private set; }
    public decimal Credit { get; private set; }

    private VoucherLine() { }

    public static VoucherLine Dr(string accountCode, decimal amount) => new() { AccountCode = accountCode, Debit = amount };

    public static VoucherLine Cr(string accountCode, decimal amount) => new() { AccountCode = accountCode, Credit = amount };

    public VoucherLine At(int lineNumber)
    {
        LineNumber = lineNumber;
        return this;
    }
}
