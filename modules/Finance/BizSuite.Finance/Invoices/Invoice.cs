using BizSuite.Finance.Receivables;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Finance.Invoices;

/// <summary>
/// A VAT invoice (发票) for one installment of a contract's collection plan. It is paid in one or more
/// parts, never beyond its total, or reversed in full by a credit note while nothing has been paid.
/// </summary>
[Audited]
internal sealed class Invoice : CustomFieldsAggregate, IMultiTenant
{
    private readonly List<InvoiceLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid ContractId { get; private set; }
    public string ContractNumber { get; private set; } = "";
    public Guid? OrderId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public int InstallmentNumber { get; private set; }
    public InvoiceStatus Status { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public decimal NetTotal { get; private set; }
    public decimal VatTotal { get; private set; }
    public decimal GrossTotal { get; private set; }
    public decimal PaidAmount { get; private set; }
    public string? CheckoutSessionId { get; private set; }
    /// <summary>Where the customer pays online (a Stripe Checkout page), when the tenant collects through Stripe.</summary>
    public string? CheckoutUrl { get; private set; }
    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public decimal Outstanding => Status == InvoiceStatus.Credited ? 0 : GrossTotal - PaidAmount;

    private Invoice() { }

    public static Invoice Issue(string number, Receivable receivable, ReceivableInstallment installment, IReadOnlyList<InvoiceLineDto> lines,
        DateOnly issuedOn, DateOnly dueOn)
    {
        var invoice = new Invoice
        {
            Number = number,
            ContractId = receivable.ContractId,
            ContractNumber = receivable.ContractNumber,
            OrderId = receivable.OrderId,
            CustomerId = receivable.CustomerId,
            CustomerName = receivable.CustomerName,
            Currency = receivable.Currency,
            InstallmentNumber = installment.Number,
            Status = InvoiceStatus.Open,
            IssuedOn = issuedOn,
            DueOn = dueOn,
            NetTotal = lines.Sum(l => l.NetAmount),
            VatTotal = lines.Sum(l => l.VatAmount),
            GrossTotal = lines.Sum(l => l.GrossAmount),
        };
        invoice._lines.AddRange(lines.Select(l => new InvoiceLine(l.LineNumber, l.Description, l.Specification, l.Unit, l.Quantity, l.UnitPrice, l.VatRate, l.NetAmount, l.VatAmount)));
        invoice.Raise(new InvoiceIssued(invoice.Id, number, invoice.ContractId, invoice.OrderId, invoice.CustomerId, invoice.CustomerName,
            invoice.Currency, installment.Number, issuedOn, dueOn, invoice.NetTotal, invoice.VatTotal, invoice.GrossTotal));
        return invoice;
    }

    public void OfferOnlinePayment(string sessionId, string url)
    {
        CheckoutSessionId = sessionId;
        CheckoutUrl = url;
    }

    public void ApplyPayment(decimal amount)
    {
        if (Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid))
            throw new BusinessException(FinanceErrors.InvoiceNotOpen, StatusCodes.Status409Conflict, Number, Status);
        if (amount > Outstanding)
            throw new BusinessException(FinanceErrors.Overpayment, StatusCodes.Status422UnprocessableEntity, amount, Number, Outstanding) { Field = "amount" };
        PaidAmount += amount;
        Status = PaidAmount == GrossTotal ? InvoiceStatus.Paid : InvoiceStatus.PartiallyPaid;
    }

    /// <summary>A credit note reverses the whole invoice; money already received would have to be refunded first.</summary>
    public void Credit()
    {
        if (Status == InvoiceStatus.Credited) throw new BusinessException(FinanceErrors.InvoiceNotOpen, StatusCodes.Status409Conflict, Number, Status);
        if (PaidAmount != 0) throw new BusinessException(FinanceErrors.InvoiceHasPayments, StatusCodes.Status409Conflict, Number, PaidAmount);
        Status = InvoiceStatus.Credited;
    }
}

internal sealed class InvoiceLine(int lineNumber, string description, string? specification, string? unit, decimal quantity, decimal unitPrice,
    decimal vatRate, decimal netAmount, decimal vatAmount)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; } = lineNumber;
    public string Description { get; private set; } = description;
    /// <summary>规格型号: the catalogue product's SKU; none for a free-text line.</summary>
    public string? Specification { get; private set; } = specification;
    public string? Unit { get; private set; } = unit;
    /// <summary>Invoices from before quantities were kept show 1 at the line's amount.</summary>
    public decimal Quantity { get; private set; } = quantity;
    /// <summary>Net of VAT, up to 4 decimals: quantity × unit price is the net amount (to the cent).</summary>
    public decimal UnitPrice { get; private set; } = unitPrice;
    public decimal VatRate { get; private set; } = vatRate;
    public decimal NetAmount { get; private set; } = netAmount;
    public decimal VatAmount { get; private set; } = vatAmount;
}

/// <summary>A credit note (红字发票) that reverses one invoice in full.</summary>
[Audited]
internal sealed class CreditNote : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid InvoiceId { get; private set; }
    public string InvoiceNumber { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public decimal NetTotal { get; private set; }
    public decimal VatTotal { get; private set; }
    public decimal GrossTotal { get; private set; }

    private CreditNote() { }

    public static CreditNote Reverse(string number, Invoice invoice, DateOnly issuedOn, string reason)
    {
        invoice.Credit();
        var note = new CreditNote
        {
            Number = number,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            IssuedOn = issuedOn,
            Reason = reason.Trim(),
            NetTotal = invoice.NetTotal,
            VatTotal = invoice.VatTotal,
            GrossTotal = invoice.GrossTotal,
        };
        note.Raise(new CreditNoteIssued(note.Id, number, invoice.Id, invoice.Number, invoice.ContractId, invoice.CustomerId, issuedOn,
            note.NetTotal, note.VatTotal, note.GrossTotal));
        return note;
    }
}
