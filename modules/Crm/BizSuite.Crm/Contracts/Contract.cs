using BizSuite.Finance;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Crm.Contracts;

/// <summary>
/// A sales contract (合同): priced lines with VAT, and a collection plan (回款计划) saying when each part
/// of the gross total falls due. Draft → submitted → approved → signed → completed or terminated;
/// a rejected contract goes back to draft with the approver's comment.
/// </summary>
[Audited]
internal sealed class Contract : CustomFieldsAggregate, IMultiTenant
{
    private readonly List<ContractLine> _lines = [];
    private readonly List<Installment> _installments = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string Currency { get; private set; } = "CNY";
    public ContractStatus Status { get; private set; }
    public decimal NetTotal { get; private set; }
    public decimal VatTotal { get; private set; }
    public decimal GrossTotal { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public Guid? SignedBy { get; private set; }
    public string? RejectionComment { get; private set; }
    /// <summary>The OA approval deciding the current submission.</summary>
    public Guid? ApprovalId { get; private set; }
    public string? TerminationReason { get; private set; }
    /// <summary>How much has been collected (回款状态), as Finance reports it.</summary>
    public CollectionStatus CollectionStatus { get; private set; }
    public IReadOnlyList<ContractLine> Lines => _lines;
    public IReadOnlyList<Installment> Installments => _installments;

    private Contract() { }

    public static Contract Draft(string number, string title, Guid customerId, string customerName, string currency) => new()
    {
        Number = number,
        Title = title.Trim(),
        CustomerId = customerId,
        CustomerName = customerName,
        Currency = currency,
        Status = ContractStatus.Draft,
    };

    /// <summary>Replaces lines and plan together: the plan's amounts depend on the lines' total.</summary>
    public void SetTerms(IEnumerable<ContractLine> lines, IEnumerable<InstallmentTerms> plan)
    {
        EnsureStatus(ContractStatus.Draft, CrmErrors.ContractNotDraft);
        _lines.Clear();
        _lines.AddRange(lines.Select((line, index) => line.At(index + 1)));
        if (_lines.Count == 0) throw new BusinessException(CrmErrors.ContractHasNoLines) { Field = "lines" };
        NetTotal = _lines.Sum(l => l.NetAmount);
        VatTotal = _lines.Sum(l => l.VatAmount);
        GrossTotal = NetTotal + VatTotal;
        _installments.Clear();
        _installments.AddRange(CollectionPlan.Allocate(GrossTotal, plan.ToList()));
    }

    public void UpdateCollection(CollectionStatus status) => CollectionStatus = status;

    public void Submit()
    {
        EnsureStatus(ContractStatus.Draft, CrmErrors.ContractNotDraft);
        if (_lines.Count == 0) throw new BusinessException(CrmErrors.ContractHasNoLines) { Field = "lines" };
        Status = ContractStatus.Submitted;
        RejectionComment = null;
        Raise(new ContractSubmitted(Id, Number, GrossTotal));
    }

    public void AwaitApproval(Guid approvalId) => ApprovalId = approvalId;

    public void Approve() => Move(ContractStatus.Submitted, ContractStatus.Approved);

    /// <summary>The applicant took the submission back in OA: a draft again, to edit and resubmit.</summary>
    public void Withdraw() => Move(ContractStatus.Submitted, ContractStatus.Draft);

    public void Reject(string comment)
    {
        Move(ContractStatus.Submitted, ContractStatus.Draft);
        RejectionComment = comment.Trim();
    }

    public void Sign(Guid signer, DateOnly signedOn)
    {
        Move(ContractStatus.Approved, ContractStatus.Signed);
        SignedBy = signer;
        SignedOn = signedOn;
        Raise(new ContractSigned(Id, Number, CustomerId, CustomerName, Currency, signedOn, NetTotal, VatTotal, GrossTotal,
            _lines.OrderBy(l => l.LineNumber).Select(l => new ContractLineData(l.LineNumber, l.ProductId, l.Description, l.Quantity, l.UnitPrice, l.DiscountRate, l.VatRate, l.NetAmount, l.VatAmount)).ToList(),
            _installments.OrderBy(i => i.Number).Select(i => new InstallmentData(i.Number, i.Trigger, i.DueDate, i.Amount)).ToList(), CustomFieldValues()));
    }

    public void Complete()
    {
        Move(ContractStatus.Signed, ContractStatus.Completed);
        Raise(new ContractCompleted(Id, Number, CustomerId));
    }

    public void Terminate(string reason)
    {
        Move(ContractStatus.Signed, ContractStatus.Terminated);
        TerminationReason = reason.Trim();
        Raise(new ContractTerminated(Id, Number, CustomerId, TerminationReason));
    }

    private void Move(ContractStatus from, ContractStatus to)
    {
        EnsureStatus(from, CrmErrors.ContractStatusNotAllowed);
        Status = to;
    }

    private void EnsureStatus(ContractStatus expected, string code)
    {
        if (Status != expected)
            throw new BusinessException(code, StatusCodes.Status409Conflict, Number, Status, expected);
    }
}

internal sealed class ContractLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>Position on the contract, 1-based: child rows come back from the database in no order.</summary>
    public int LineNumber { get; private set; }
    public Guid? ProductId { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>0.05 = 5 % off the line.</summary>
    public decimal DiscountRate { get; private set; }
    public decimal VatRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal VatAmount { get; private set; }

    private ContractLine() { }

    public ContractLine At(int lineNumber)
    {
        LineNumber = lineNumber;
        return this;
    }

    /// <summary>VAT is computed and rounded per line, so the invoice shows the same figures as the contract.</summary>
    public static ContractLine Create(Guid? productId, string description, decimal quantity, decimal unitPrice, decimal discountRate, decimal vatRate)
    {
        if (!VatRates.Allowed.Contains(vatRate)) throw new BusinessException(CrmErrors.InvalidVatRate, StatusCodes.Status400BadRequest, vatRate) { Field = "lines" };
        var net = Money.Round(quantity * unitPrice * (1 - discountRate));
        return new ContractLine
        {
            ProductId = productId,
            Description = description.Trim(),
            Quantity = quantity,
            UnitPrice = unitPrice,
            DiscountRate = discountRate,
            VatRate = vatRate,
            NetAmount = net,
            VatAmount = Money.Round(net * vatRate),
        };
    }
}

/// <summary>One part of the collection plan as entered: a percentage of the gross total or a fixed amount.</summary>
internal sealed record InstallmentTerms(InstallmentTrigger Trigger, decimal? Percentage, decimal? Amount, DateOnly? DueDate);

internal sealed class Installment
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public InstallmentTrigger Trigger { get; private set; }
    public decimal? Percentage { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public decimal Amount { get; private set; }

    private Installment() { }

    public Installment(int number, InstallmentTrigger trigger, decimal? percentage, DateOnly? dueDate, decimal amount)
    {
        Number = number;
        Trigger = trigger;
        Percentage = percentage;
        DueDate = dueDate;
        Amount = amount;
    }
}

internal static class CollectionPlan
{
    /// <summary>
    /// Turns the entered plan into amounts that add up to the gross total to the cent. A plan is either
    /// all percentages (summing to 100, the last installment taking the rounding remainder) or all
    /// fixed amounts (summing to the gross total).
    /// </summary>
    public static List<Installment> Allocate(decimal grossTotal, IReadOnlyList<InstallmentTerms> plan)
    {
        if (plan.Count == 0) plan = [new InstallmentTerms(InstallmentTrigger.OnSigning, 100m, null, null)];
        if (plan.Any(t => t.Trigger == InstallmentTrigger.OnDate && t.DueDate is null))
            throw new BusinessException(CrmErrors.InstallmentDateMissing, StatusCodes.Status400BadRequest) { Field = "installments" };

        decimal[] amounts;
        if (plan.All(t => t is { Percentage: not null, Amount: null }) && plan.Sum(t => t.Percentage!.Value) == 100m)
        {
            amounts = plan.Select(t => Money.Round(grossTotal * t.Percentage!.Value / 100m)).ToArray();
            amounts[^1] += grossTotal - amounts.Sum();
        }
        else if (plan.All(t => t is { Amount: not null, Percentage: null }))
        {
            amounts = plan.Select(t => Money.Round(t.Amount!.Value)).ToArray();
        }
        else
        {
            throw Mismatch(grossTotal, plan.Sum(t => t.Amount ?? 0));
        }
        if (amounts.Sum() != grossTotal || amounts.Any(a => a <= 0)) throw Mismatch(grossTotal, amounts.Sum());

        return plan.Select((t, i) => new Installment(i + 1, t.Trigger, t.Percentage, t.DueDate, amounts[i])).ToList();
    }

    private static BusinessException Mismatch(decimal grossTotal, decimal planned) =>
        new(CrmErrors.CollectionPlanMismatch, StatusCodes.Status400BadRequest, planned, grossTotal) { Field = "installments" };
}
