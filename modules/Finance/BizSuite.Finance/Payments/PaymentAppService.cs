using BizSuite.Finance.Data;
using BizSuite.Finance.Invoices;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Payments;

internal sealed class PaymentAppService(FinanceDbContext db, InvoiceAppService invoices, DocumentNumbers numbers, TimeProvider clock)
{
    public async Task<PagedResult<PaymentDto>> GetListAsync(PageRequest page, Guid? invoiceId, Guid? contractId, Guid? customerId, CancellationToken ct)
    {
        var query = db.Payments.AsNoTracking();
        if (invoiceId is not null) query = query.Where(p => p.InvoiceId == invoiceId);
        if (contractId is not null) query = query.Where(p => p.ContractId == contractId);
        if (customerId is not null) query = query.Where(p => p.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(p => p.Number.Contains(page.Filter) || p.InvoiceNumber.Contains(page.Filter) || p.CustomerName.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(p => p.Id)
            : query.SortBy(page, ("number", p => p.Number), ("receivedOn", p => p.ReceivedOn), ("amount", p => p.Amount));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<PaymentDto>(items.Select(x => x.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    /// <summary>A bank receipt or cash entered by finance staff.</summary>
    public async Task<PaymentDto> RecordAsync(Guid invoiceId, RecordPaymentRequest request, CancellationToken ct)
    {
        var invoice = await invoices.LoadAsync(invoiceId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (await ReceiveAsync(invoice, request.Method, request.ReceivedOn ?? today, request.Amount, request.Reference, null, ct)).ToDto();
    }

    /// <summary>The one way money is applied, for manual receipts and Stripe alike: invoice, payment and receivable change together.</summary>
    public async Task<Payment> ReceiveAsync(Invoice invoice, PaymentMethod method, DateOnly receivedOn, decimal amount, string? reference,
        string? externalId, CancellationToken ct)
    {
        var number = $"SK{receivedOn.Year}{await numbers.NextAsync("payment", ct):D6}";
        var payment = Payment.Receive(number, invoice, method, receivedOn, Money.Round(amount), reference, externalId);
        db.Payments.Add(payment);
        var receivable = await db.Receivables.SingleAsync(r => r.ContractId == invoice.ContractId, ct);
        receivable.ApplyPayment(invoice.Id, payment.Amount, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return payment;
    }
}

internal sealed class RecordPaymentRequestValidator : AbstractValidator<RecordPaymentRequest>
{
    public RecordPaymentRequestValidator()
    {
        RuleFor(r => r.Amount).GreaterThan(0).PrecisionScale(18, 2, true);
        RuleFor(r => r.Method).IsInEnum().NotEqual(PaymentMethod.Stripe);
        RuleFor(r => r.Reference).MaximumLength(100);
    }
}
