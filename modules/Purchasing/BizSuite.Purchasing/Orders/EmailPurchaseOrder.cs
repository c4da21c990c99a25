using BizSuite.Kernel;
using BizSuite.Purchasing.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Orders;

/// <summary>Sends a purchase order with its PDF to the supplier's contact.</summary>
public sealed record EmailPurchaseOrder(Guid OrderId);

/// <summary>The buyer's "send to supplier": checked now, sent by the job store once the request commits (never inside the transaction).</summary>
internal sealed class PurchaseOrderMail(PurchasingDbContext db, EmailSender email, JobQueue jobs)
{
    public async Task SendAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new EntityNotFoundException("PurchaseOrder", orderId);
        var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == order.SupplierId, ct);
        if (supplier.ContactEmail is null)
            throw new BusinessException(PurchasingErrors.NoSupplierEmail, StatusCodes.Status422UnprocessableEntity, supplier.Name);
        if (!await email.IsConfiguredAsync(ct)) throw new BusinessException(PurchasingErrors.MailNotConfigured, StatusCodes.Status422UnprocessableEntity);
        jobs.Enqueue(new EmailPurchaseOrder(orderId));
    }
}

internal sealed class EmailPurchaseOrderJob(PurchasingDbContext db, EmailSender email, PurchaseOrderDocument document, SettingStore settings,
    CompanyProfiles companies) : IBackgroundJob<EmailPurchaseOrder>
{
    public async Task ExecuteAsync(EmailPurchaseOrder args, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == args.OrderId, ct);
        if (order is null) return;
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == order.SupplierId, ct);
        if (supplier?.ContactEmail is null) return;
        var buyer = (await companies.GetAsync(ct)).Name;
        var language = DocumentLanguages.Parse(await settings.GetAsync(KernelSettings.DefaultLanguage, ct));
        var chinese = language == DocumentLanguage.Chinese;
        var to = supplier.ContactName ?? supplier.Name;
        var subject = chinese ? $"{buyer} 采购订单 {order.Number}" : $"Purchase order {order.Number} from {buyer}";
        var body = chinese
            ? $"{to}，您好：\n\n附件为采购订单 {order.Number}，价税合计 {order.Currency} {order.GrossTotal:N2}" +
              (order.ExpectedOn is { } d ? $"，请于 {d:yyyy-MM-dd} 前交货" : "") + $"。请确认并按订单供货。\n\n{buyer}"
            : $"Dear {to},\n\nAttached is purchase order {order.Number}: {order.Currency} {order.GrossTotal:N2} incl. VAT" +
              (order.ExpectedOn is { } e ? $", to be delivered by {e:yyyy-MM-dd}" : "") + $". Please confirm and deliver as ordered.\n\n{buyer}";
        var (pdf, number) = await document.RenderAsync(order.Id, language, ct);
        await email.SendAsync(new EmailMessage(to, supplier.ContactEmail, subject, body, [new EmailAttachment($"{number}.pdf", "application/pdf", pdf)]), ct);
    }
}
