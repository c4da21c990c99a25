using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Purchasing.Requests;

/// <summary>
/// A purchase request (请购单): drafted by a requester, approved in OA, and on approval turned into purchase orders, one per
/// suggested supplier, with no re-keying. A rejection or withdrawal sends it back to draft with the approver's comment.
/// </summary>
[Audited]
internal sealed class PurchaseRequest : AggregateRoot, IMultiTenant
{
    private readonly List<PurchaseRequestLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid RequesterUserId { get; private set; }
    public string RequesterName { get; private set; } = "";
    public Guid? DepartmentId { get; private set; }
    public DateOnly NeededBy { get; private set; }
    public string Reason { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal EstimatedTotal { get; private set; }
    public PurchaseRequestStatus Status { get; private set; }
    public Guid? ApprovalId { get; private set; }
    public string? RejectionComment { get; private set; }
    /// <summary>In no particular order once loaded: read them by <see cref="PurchaseRequestLine.LineNumber"/>.</summary>
    public IReadOnlyList<PurchaseRequestLine> Lines => _lines;

    private PurchaseRequest() { }

    public PurchaseRequest(string number, Guid requesterUserId, string requesterName, Guid? departmentId, string currency)
    {
        Number = number;
        RequesterUserId = requesterUserId;
        RequesterName = requesterName;
        DepartmentId = departmentId;
        Currency = currency;
        Status = PurchaseRequestStatus.Draft;
    }

    public void Edit(DateOnly neededBy, string reason, IReadOnlyList<SavePurchaseRequestLine> lines)
    {
        EnsureStatus(PurchaseRequestStatus.Draft);
        NeededBy = neededBy;
        Reason = reason.Trim();
        _lines.Clear();
        _lines.AddRange(lines.Select((l, i) => new PurchaseRequestLine(i + 1, l.ProductId, l.Description.Trim(), l.Quantity, Money.Round(l.EstimatedUnitPrice),
            l.VatRate, l.SupplierId)));
        EstimatedTotal = _lines.Sum(l => l.Amount);
    }

    /// <summary>Every line needs a supplier: the approval turns each supplier's lines into its order.</summary>
    public void Submit()
    {
        EnsureStatus(PurchaseRequestStatus.Draft);
        if (_lines.OrderBy(l => l.LineNumber).FirstOrDefault(l => l.SupplierId is null) is { } line)
            throw new BusinessException(PurchasingErrors.LineWithoutSupplier, StatusCodes.Status422UnprocessableEntity, line.LineNumber)
                { Field = $"lines[{line.LineNumber - 1}].supplierId" };
        Status = PurchaseRequestStatus.Submitted;
        RejectionComment = null;
    }

    public void AwaitApproval(Guid approvalId) => ApprovalId = approvalId;

    /// <summary>Approved: the orders exist (created by the caller in this transaction, each naming this request).</summary>
    public void Approve(IReadOnlyList<Guid> orderIds)
    {
        EnsureStatus(PurchaseRequestStatus.Submitted);
        Status = PurchaseRequestStatus.Approved;
        Raise(new PurchaseRequestApproved(Id, Number, RequesterUserId, orderIds));
    }

    /// <summary>Rejected or withdrawn: back to draft, to be corrected and submitted again.</summary>
    public void SendBack(string? comment)
    {
        EnsureStatus(PurchaseRequestStatus.Submitted);
        Status = PurchaseRequestStatus.Draft;
        RejectionComment = comment;
        ApprovalId = null;
    }

    private void EnsureStatus(PurchaseRequestStatus expected)
    {
        if (Status != expected)
            throw new BusinessException(expected == PurchaseRequestStatus.Draft ? PurchasingErrors.RequestNotDraft : PurchasingErrors.RequestNotSubmitted,
                StatusCodes.Status409Conflict, Number, Status);
    }
}

internal sealed class PurchaseRequestLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; }
    public Guid? ProductId { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal EstimatedUnitPrice { get; private set; }
    public decimal VatRate { get; private set; }
    public Guid? SupplierId { get; private set; }
    public decimal Amount { get; private set; }

    private PurchaseRequestLine() { }

    public PurchaseRequestLine(int lineNumber, Guid? productId, string description, decimal quantity, decimal estimatedUnitPrice, decimal vatRate, Guid? supplierId)
    {
        LineNumber = lineNumber;
        ProductId = productId;
        Description = description;
        Quantity = quantity;
        EstimatedUnitPrice = estimatedUnitPrice;
        VatRate = vatRate;
        SupplierId = supplierId;
        Amount = Money.Round(quantity * estimatedUnitPrice);
    }
}
