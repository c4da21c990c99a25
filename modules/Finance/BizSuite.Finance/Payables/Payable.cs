using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Finance.Payables;

/// <summary>
/// Money the company owes (应付款): recorded when another module's document is approved (an expense claim),
/// paid once by finance staff. One payable per source document (unique source), so a replayed event cannot record it twice.
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
    public DateOnly? PaidOn { get; private set; }
    public string? Reference { get; private set; }

    private Payable() { }

    public static Payable Record(string number, Guid payeeId, string payeeName, string sourceType, Guid sourceId, string sourceNumber, string currency,
        decimal amount, DateOnly recordedOn) => new()
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
    };

    public void Pay(DateOnly paidOn, string? reference)
    {
        if (Status == PayableStatus.Paid) throw new BusinessException(FinanceErrors.PayableAlreadyPaid, StatusCodes.Status409Conflict, Number, PaidOn!);
        Status = PayableStatus.Paid;
        PaidOn = paidOn;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        Raise(new PayablePaid(Id, Number, SourceType, SourceId, paidOn, Amount));
    }
}
