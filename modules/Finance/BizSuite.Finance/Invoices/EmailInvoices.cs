using BizSuite.Crm;
using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Invoices;

/// <summary>Sends an issued invoice with its PDF to the customer's billing contact.</summary>
public sealed record EmailInvoice(Guid InvoiceId);

/// <summary>
/// When the tenant has a mail server and the customer a billing contact, the invoice goes out by mail through the job store (outbox).
/// Queued after the payment link's job (<see cref="OnlinePayments.OfferOnlinePaymentWhenInvoiceIssued"/>): the mail includes the
/// link when that job has run first.
/// </summary>
[HandlerOrder(HandlerOrderAttribute.Outbox + 1)]
internal sealed class EmailInvoiceWhenInvoiceIssued(EmailSender email, ICustomerDirectory customers, JobQueue jobs) : IDomainEventHandler<InvoiceIssued>
{
    public async Task HandleAsync(InvoiceIssued invoice, CancellationToken ct)
    {
        if (!await email.IsConfiguredAsync(ct) || await customers.FindBillingContactAsync(invoice.CustomerId, ct) is null) return;
        jobs.Enqueue(new EmailInvoice(invoice.InvoiceId));
    }
}

internal sealed class EmailInvoiceJob(FinanceDbContext db, EmailSender email, ICustomerDirectory customers, InvoiceDocument document, SettingStore settings,
    CompanyProfiles companies) : IBackgroundJob<EmailInvoice>
{
    public async Task ExecuteAsync(EmailInvoice args, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == args.InvoiceId, ct);
        if (invoice is null || invoice.Status == InvoiceStatus.Credited) return;
        var contact = await customers.FindBillingContactAsync(invoice.CustomerId, ct);
        if (contact is null) return;
        var seller = (await companies.GetAsync(ct)).Name;
        var language = DocumentLanguages.Parse(await settings.GetAsync(KernelSettings.DefaultLanguage, ct));
        var chinese = language == DocumentLanguage.Chinese;
        var dto = invoice.ToDto();
        var subject = chinese ? $"{seller} 发票 {invoice.Number}" : $"Invoice {invoice.Number} from {seller}";
        var body = chinese
            ? $"{contact.Name}，您好：\n\n附件为合同 {invoice.ContractNumber} 第 {invoice.InstallmentNumber} 期的发票 {invoice.Number}，价税合计 {invoice.Currency} {invoice.GrossTotal:N2}，付款期限 {invoice.DueOn:yyyy-MM-dd}。" +
              (invoice.CheckoutUrl is null ? "" : $"\n在线支付：{invoice.CheckoutUrl}") + $"\n\n{seller}"
            : $"Dear {contact.Name},\n\nAttached is invoice {invoice.Number} for installment {invoice.InstallmentNumber} of contract {invoice.ContractNumber}: {invoice.Currency} {invoice.GrossTotal:N2}, due {invoice.DueOn:yyyy-MM-dd}." +
              (invoice.CheckoutUrl is null ? "" : $"\nPay online: {invoice.CheckoutUrl}") + $"\n\n{seller}";
        await email.SendAsync(new EmailMessage(contact.Name, contact.Email, subject, body,
            [new EmailAttachment($"{invoice.Number}.pdf", "application/pdf", await document.RenderAsync(dto, language, ct))]), ct);
    }
}
