using System.Text.Json.Nodes;
using BizSuite.Crm;
using BizSuite.Finance.Invoices;
using BizSuite.Kernel;
using BizSuite.Orders;

namespace BizSuite.Finance.Receivables;

/// <summary>
/// What a signed contract's customer owes (应收) under its sales order: Finance's copy of the contract's priced lines and
/// collection plan, which installments have been invoiced, and how much has come in. It decides the
/// contract's collection status and announces every change of it.
/// </summary>
[Audited]
internal sealed class Receivable : AggregateRoot, IMultiTenant
{
    private readonly List<ReceivableLine> _lines = [];
    private readonly List<ReceivableInstallment> _installments = [];

    public Guid? TenantId { get; private set; }
    public Guid ContractId { get; private set; }
    public string ContractNumber { get; private set; } = "";
    public Guid? OrderId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal GrossTotal { get; private set; }
    public decimal Invoiced { get; private set; }
    public decimal Credited { get; private set; }
    public decimal Paid { get; private set; }
    public CollectionStatus Status { get; private set; }
    public IReadOnlyList<ReceivableLine> Lines => _lines;
    public IReadOnlyList<ReceivableInstallment> Installments => _installments;

    /// <summary>What is still to be collected: the contract total less what was credited back.</summary>
    public decimal Collectible => GrossTotal - Credited;

    public decimal Outstanding => Invoiced - Credited - Paid;

    private Receivable() { }

    public static Receivable ForOrder(SalesOrderCreated order)
    {
        var receivable = new Receivable
        {
            ContractId = order.ContractId,
            ContractNumber = order.ContractNumber,
            OrderId = order.OrderId,
            CustomerId = order.CustomerId,
            CustomerName = order.CustomerName,
            Currency = order.Currency,
            GrossTotal = order.GrossTotal,
            Status = CollectionStatus.Unpaid,
        };
        receivable._lines.AddRange(order.Lines.Select(l => new ReceivableLine(l.LineNumber, l.Description, l.Specification, l.Unit, l.Quantity, l.VatRate, l.NetAmount, l.VatAmount)));
        receivable._installments.AddRange(order.Installments.Select(i => new ReceivableInstallment(i.Number, i.Trigger, i.DueDate, i.Amount)));
        return receivable;
    }

    /// <summary>Installments whose trigger has fired and that have no invoice yet; dated ones fall due on their date.</summary>
    public IReadOnlyList<ReceivableInstallment> DueInstallments(InstallmentTrigger trigger, DateOnly today) => _installments
        .Where(i => i.InvoiceId is null && i.Trigger == trigger && (trigger != InstallmentTrigger.OnDate || i.DueDate <= today))
        .OrderBy(i => i.Number)
        .ToList();

    /// <summary>
    /// The invoice lines for one installment. An installment is a share of the gross total, so each contract line
    /// contributes the same share of its gross amount (the largest line takes the rounding cents, so the lines add up to
    /// the installment exactly), split into net and VAT at the line's rate, as tax-inclusive Chinese invoices do. The
    /// plan's last installment takes what the others leave of each line, net and VAT apart: the invoices of a contract
    /// add up to its lines to the cent, so the revenue and output VAT booked are the contract's, in whatever order the
    /// installments are invoiced. A single installment carries the contract's own figures.
    /// </summary>
    public IReadOnlyList<InvoiceLineDto> LinesFor(ReceivableInstallment installment)
    {
        var last = _installments.MaxBy(i => i.Number)!;
        if (installment != last) return ShareOf(installment).Where(l => l.GrossAmount != 0).ToList();
        var others = _installments.Where(i => i != last).SelectMany(ShareOf).ToLookup(l => l.LineNumber);
        return _lines.OrderBy(l => l.LineNumber)
            .Select(l =>
            {
                var net = l.NetAmount - others[l.LineNumber].Sum(o => o.NetAmount);
                var vat = l.VatAmount - others[l.LineNumber].Sum(o => o.VatAmount);
                return l.Invoiced(net, vat);
            })
            .Where(l => l.GrossAmount != 0)
            .ToList();
    }

    private List<InvoiceLineDto> ShareOf(ReceivableInstallment installment)
    {
        var lines = _lines.OrderBy(l => l.LineNumber).ToList();
        var shares = lines.Select(l => Money.Round((l.NetAmount + l.VatAmount) * installment.Amount / GrossTotal)).ToArray();
        var largest = Array.IndexOf(shares, shares.Max());
        shares[largest] += installment.Amount - shares.Sum();
        return lines.Select((l, i) =>
        {
            var net = Money.Round(shares[i] / (1 + l.VatRate));
            return l.Invoiced(net, shares[i] - net);
        }).ToList();
    }

    public void MarkInvoiced(ReceivableInstallment installment, Guid invoiceId, DateOnly dueOn, DateOnly today)
    {
        installment.Invoice(invoiceId, dueOn);
        Invoiced += installment.Amount;
        Refresh(today);
    }

    public void ApplyPayment(Guid invoiceId, decimal amount, DateOnly today)
    {
        Installment(invoiceId).Pay(amount);
        Paid += amount;
        Refresh(today);
    }

    public void Credit(Guid invoiceId, DateOnly today)
    {
        var installment = Installment(invoiceId);
        installment.Credit();
        Credited += installment.Amount;
        Refresh(today);
    }

    /// <summary>Recomputes the collection status (also as days pass, for overdue) and announces a change.</summary>
    public void Refresh(DateOnly today)
    {
        var status = Paid == 0 ? CollectionStatus.Unpaid : Paid >= Collectible ? CollectionStatus.Paid : CollectionStatus.Partial;
        if (status != CollectionStatus.Paid && _installments.Any(i => i.IsOverdue(today))) status = CollectionStatus.Overdue;
        if (status == Status) return;
        Status = status;
        Raise(new CollectionStatusChanged(ContractId, OrderId, status, Collectible, Paid));
    }

    /// <summary>Invoiced installments past their due date that have not been announced overdue yet.</summary>
    public IReadOnlyList<ReceivableInstallment> NewlyOverdue(DateOnly today) => _installments.Where(i => i.IsOverdue(today) && !i.OverdueAnnounced).ToList();

    /// <summary>Announces an installment's invoice overdue, once.</summary>
    public void AnnounceOverdue(ReceivableInstallment installment, Invoice invoice, Guid? ownerUserId, JsonObject customerCustomFields)
    {
        installment.MarkOverdueAnnounced();
        Raise(new InvoiceOverdue(invoice.Id, invoice.Number, ContractId, ContractNumber, CustomerId, CustomerName, Currency,
            installment.InvoiceDueOn!.Value, installment.Amount - installment.Paid, ownerUserId, customerCustomFields, invoice.CustomFieldValues()));
    }

    private ReceivableInstallment Installment(Guid invoiceId) => _installments.Single(i => i.InvoiceId == invoiceId);
}

internal sealed class ReceivableLine(int lineNumber, string description, string? specification, string? unit, decimal quantity, decimal vatRate,
    decimal netAmount, decimal vatAmount)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; } = lineNumber;
    public string Description { get; private set; } = description;
    public string? Specification { get; private set; } = specification;
    public string? Unit { get; private set; } = unit;
    /// <summary>The contract line's quantity; receivables from before it was kept count 1.</summary>
    public decimal Quantity { get; private set; } = quantity;
    public decimal VatRate { get; private set; } = vatRate;
    public decimal NetAmount { get; private set; } = netAmount;
    public decimal VatAmount { get; private set; } = vatAmount;

    /// <summary>
    /// This line's part of an invoice. A share of the line keeps the line's quantity, so the unit price is the share's
    /// (7,500.00 a server for 30 % of 25,000.00): quantity × unit price is the amount, as on any invoice, and the remarks
    /// name the installment.
    /// </summary>
    public InvoiceLineDto Invoiced(decimal net, decimal vat) =>
        new(LineNumber, Description, Specification, Unit, Quantity, Quantity == 0 ? net : Math.Round(net / Quantity, 4), VatRate, net, vat, net + vat);
}

internal sealed class ReceivableInstallment
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public InstallmentTrigger Trigger { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public decimal Amount { get; private set; }
    public Guid? InvoiceId { get; private set; }
    public DateOnly? InvoiceDueOn { get; private set; }
    public decimal Paid { get; private set; }
    public bool IsCredited { get; private set; }
    /// <summary>Its invoice's overdue event was raised (once per invoice).</summary>
    public bool OverdueAnnounced { get; private set; }

    private ReceivableInstallment() { }

    public ReceivableInstallment(int number, InstallmentTrigger trigger, DateOnly? dueDate, decimal amount)
    {
        Number = number;
        Trigger = trigger;
        DueDate = dueDate;
        Amount = amount;
    }

    public bool IsOverdue(DateOnly today) => InvoiceId is not null && !IsCredited && Paid < Amount && InvoiceDueOn < today;

    public void Invoice(Guid invoiceId, DateOnly dueOn)
    {
        InvoiceId = invoiceId;
        InvoiceDueOn = dueOn;
    }

    public void Pay(decimal amount) => Paid += amount;

    public void Credit() => IsCredited = true;

    public void MarkOverdueAnnounced() => OverdueAnnounced = true;
}
