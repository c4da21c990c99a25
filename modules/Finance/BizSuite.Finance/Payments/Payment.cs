using BizSuite.Finance.Invoices;
using BizSuite.Kernel;

namespace BizSuite.Finance.Payments;

/// <summary>Money received for an invoice (收款): a bank receipt entered by finance staff, or a Stripe payment.</summary>
[Audited]
internal sealed class Payment : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid InvoiceId { get; private set; }
    public string InvoiceNumber { get; private set; } = "";
    public Guid ContractId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public PaymentMethod Method { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public decimal Amount { get; private set; }
    public string? Reference { get; private set; }
    /// <summary>The payment provider's id (Stripe Checkout Session): unique, so a replayed webhook cannot pay twice.</summary>
    public string? ExternalId { get; private set; }

    private Payment() { }

    /// <summary>Applies the amount to the invoice (refusing overpayment) and records the receipt.</summary>
    public static Payment Receive(string number, Invoice invoice, PaymentMethod method, DateOnly receivedOn, decimal amount, string? reference, string? externalId)
    {
        invoice.ApplyPayment(amount);
        var payment = new Payment
        {
            Number = number,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            ContractId = invoice.ContractId,
            CustomerId = invoice.CustomerId,
            CustomerName = invoice.CustomerName,
            Currency = invoice.Currency,
            Method = method,
            ReceivedOn = receivedOn,
            Amount = amount,
            Reference = reference?.Trim(),
            ExternalId = externalId,
        };
        payment.Raise(new PaymentRecorded(payment.Id, number, invoice.Id, invoice.Number, invoice.ContractId, invoice.CustomerId, invoice.Currency,
            method, receivedOn, amount, invoice.Status == InvoiceStatus.Paid, invoice.ContractNumber, invoice.CustomerName));
        return payment;
    }
}
