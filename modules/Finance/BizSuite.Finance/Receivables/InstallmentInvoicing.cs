using BizSuite.Crm;
using BizSuite.Finance.Data;
using BizSuite.Finance.Invoices;
using BizSuite.Kernel;
using BizSuite.Orders;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Receivables;

/// <summary>Issues an invoice for every installment of a receivable whose trigger has fired.</summary>
internal sealed class InstallmentInvoicer(FinanceDbContext db, DocumentNumbers numbers, SettingStore settings)
{
    public const string PaymentTermDays = "Finance.PaymentTermDays";
    /// <summary>The counter every invoice takes its number from; its value is also the tenant's number of invoices.</summary>
    public const string InvoiceNumbers = "invoice";

    public async Task InvoiceDueAsync(Receivable receivable, InstallmentTrigger trigger, DateOnly today, CancellationToken ct)
    {
        foreach (var installment in receivable.DueInstallments(trigger, today))
        {
            var number = $"FP{today.Year}{await numbers.NextAsync(InvoiceNumbers, ct):D6}";
            var dueOn = installment.DueDate is { } date && date > today ? date : today.AddDays(await settings.GetIntAsync(PaymentTermDays, ct));
            var invoice = Invoice.Issue(number, receivable, installment, receivable.LinesFor(installment), today, dueOn);
            db.Invoices.Add(invoice);
            receivable.MarkInvoiced(installment, invoice.Id, dueOn, today);
        }
    }
}

/// <summary>
/// The order created from a signed contract opens the receivable and invoices the on-signing installments (and dated ones
/// already due) in the signing transaction: a failure here undoes the signature. The order's event carries the contract's
/// lines and collection plan, so the receivable and its invoices know their order from the start. A contract is signed
/// once and yields one order (its state machine); the unique (tenant, contract) index of receivables backs that up.
/// </summary>
internal sealed class InvoiceWhenSalesOrderCreated(FinanceDbContext db, InstallmentInvoicer invoicer) : IDomainEventHandler<SalesOrderCreated>
{
    public async Task HandleAsync(SalesOrderCreated order, CancellationToken ct)
    {
        var receivable = Receivable.ForOrder(order);
        db.Receivables.Add(receivable);
        await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnSigning, order.SignedOn, ct);
        await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnDate, order.SignedOn, ct);
    }
}

/// <summary>A fully delivered order makes the on-delivery installments due.</summary>
internal sealed class InvoiceWhenOrderDelivered(FinanceDbContext db, InstallmentInvoicer invoicer, TimeProvider clock) : IDomainEventHandler<DeliveryRecorded>
{
    public async Task HandleAsync(DeliveryRecorded delivery, CancellationToken ct)
    {
        if (!delivery.OrderFullyDelivered) return;
        var receivable = await db.Receivables.FirstOrDefaultAsync(r => r.ContractId == delivery.ContractId, ct);
        if (receivable is null) return;
        await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnDelivery, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
    }
}
