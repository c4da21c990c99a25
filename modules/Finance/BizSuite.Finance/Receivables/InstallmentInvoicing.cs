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
/// Signing opens the receivable and invoices the on-signing installments (and dated ones already due)
/// in the signing transaction: a failure here undoes the signature. A contract is signed once (its state
/// machine), and the unique (tenant, contract) index of receivables backs that up.
/// </summary>
internal sealed class InvoiceWhenContractSigned(FinanceDbContext db, InstallmentInvoicer invoicer) : IDomainEventHandler<ContractSigned>
{
    public async Task HandleAsync(ContractSigned contract, CancellationToken ct)
    {
        var receivable = Receivable.FromContract(contract);
        db.Receivables.Add(receivable);
        await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnSigning, contract.SignedOn, ct);
        await invoicer.InvoiceDueAsync(receivable, InstallmentTrigger.OnDate, contract.SignedOn, ct);
    }
}

/// <summary>The order created from the contract is linked to its receivable and invoices, so both can be looked up by order.</summary>
internal sealed class LinkOrderWhenSalesOrderCreated(FinanceDbContext db) : IDomainEventHandler<SalesOrderCreated>
{
    public async Task HandleAsync(SalesOrderCreated order, CancellationToken ct)
    {
        // The order comes from the signing, whose unit of work opened the receivable and its invoices: they are
        // tracked already, and reading them back would cost two queries of the signing's hot path.
        var receivable = db.Receivables.Local.FirstOrDefault(r => r.ContractId == order.ContractId);
        var invoices = receivable is not null
            ? db.Invoices.Local.Where(i => i.ContractId == order.ContractId).ToList()
            : await db.Invoices.Where(i => i.ContractId == order.ContractId).ToListAsync(ct);
        receivable ??= await db.Receivables.FirstOrDefaultAsync(r => r.ContractId == order.ContractId, ct);
        receivable?.LinkOrder(order.OrderId);
        foreach (var invoice in invoices) invoice.LinkOrder(order.OrderId);
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
