using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Finance.Payables;

/// <summary>
/// A payment run (付款批次): several open payables paid by one bank transfer batch on one date, booked as one voucher. Each payable
/// still raises its own <see cref="PayablePaid"/>, so every source document learns it was paid.
/// </summary>
[Audited]
internal sealed class PaymentRun : AggregateRoot, IMultiTenant
{
    private readonly List<PaymentRunItem> _items = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly PaidOn { get; private set; }
    public string? Reference { get; private set; }
    public string Currency { get; private set; } = "";
    public decimal Total { get; private set; }
    public IReadOnlyList<PaymentRunItem> Items => _items;

    private PaymentRun() { }

    /// <summary>Pays every payable or none: the run is checked whole (same currency, all open) before any payable changes.</summary>
    public static PaymentRun Pay(string number, DateOnly paidOn, string? reference, IReadOnlyList<Payable> payables)
    {
        if (payables.Count == 0) throw new BusinessException(FinanceErrors.PaymentRunEmpty, StatusCodes.Status400BadRequest) { Field = "payableIds" };
        var currencies = payables.Select(p => p.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            throw new BusinessException(FinanceErrors.PaymentRunMixedCurrencies, StatusCodes.Status422UnprocessableEntity, string.Join(", ", currencies))
                { Field = "payableIds" };
        if (payables.FirstOrDefault(p => p.Status == PayableStatus.Paid) is { } paid)
            throw new BusinessException(FinanceErrors.PayableAlreadyPaid, StatusCodes.Status409Conflict, paid.Number, paid.PaidOn!) { Field = "payableIds" };

        var run = new PaymentRun
        {
            Number = number,
            PaidOn = paidOn,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            Currency = currencies[0],
            Total = payables.Sum(p => p.Amount),
        };
        foreach (var payable in payables)
        {
            payable.Pay(paidOn, reference, run.Id);
            run._items.Add(new PaymentRunItem(run._items.Count + 1, payable));
        }
        return run;
    }
}

/// <summary>One payable of a run, with what it was for at the time of paying.</summary>
internal sealed class PaymentRunItem
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; }
    public Guid PayableId { get; private set; }
    public string PayableNumber { get; private set; } = "";
    public Guid PayeeId { get; private set; }
    public string PayeeName { get; private set; } = "";
    public string SourceType { get; private set; } = "";
    public string SourceNumber { get; private set; } = "";
    public decimal Amount { get; private set; }

    private PaymentRunItem() { }

    public PaymentRunItem(int lineNumber, Payable payable)
    {
        LineNumber = lineNumber;
        PayableId = payable.Id;
        PayableNumber = payable.Number;
        PayeeId = payable.PayeeId;
        PayeeName = payable.PayeeName;
        SourceType = payable.SourceType;
        SourceNumber = payable.SourceNumber;
        Amount = payable.Amount;
    }
}
