using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Finance.Payables;

/// <summary>
/// Money the company owes (应付款): recorded when another module's document is approved (an expense claim) or posted
/// (a supplier bill), paid once by finance staff, singly or in a payment run. One payable per source document (unique source), so a replayed event cannot record it twice.
/// </summary>
[Audited]
internal sealed class Payable : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid PayeeId { get; private set; }
    public string PayeeName { get; private set; } = "";
    public string SourceType { get; private set; } = "";
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal Amount { get; private set; }
    public PayableStatus Status { get; private set; }
    public DateOnly RecordedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? Reference { get; private set; }
    public Guid? PaymentRunId { get; private set; }

    private Payable() { }

    public static Payable Record(string number, Guid payeeId, string payeeName, string sourceType, Guid sourceId, string sourceNumber, string currency,
        decimal amount, DateOnly recordedOn, DateOnly dueOn) => new()
    {
        Number = number,
        PayeeId = payeeId,
        PayeeName = payeeName,
        SourceType = sourceType,
        SourceId = sourceId,
        SourceNumber = sourceNumber,
        Currency = currency,
        Amount = Money.Round(amount),
        Status = PayableStatus.Open,
        RecordedOn = recordedOn,
        DueOn = dueOn,
    };

    public void Pay(DateOnly paidOn, string? reference, Guid? paymentRunId = null)
    {
        if (Status == PayableStatus.Paid) throw new BusinessException(FinanceErrors.PayableAlreadyPaid, StatusCodes.Status409Conflict, Number, PaidOn!);
        Status = PayableStatus.Paid;
        PaidOn = paidOn;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        PaymentRunId = paymentRunId;
        Raise(new PayablePaid(Id, Number, SourceType, SourceId, paidOn, Amount, paymentRunId));
    }

    /// <summary>The account the payable was credited to when recorded, which paying it debits (应付账款 for suppliers).</summary>
    public static string LiabilityAccount(string sourceType) =>
        sourceType == PayableSources.SupplierBill ? Accounting.ChartOfAccounts.Payables : Accounting.ChartOfAccounts.OtherPayables;
}
