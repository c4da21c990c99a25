using System.Text.Json;
using BizSuite.Finance.Data;
using BizSuite.Finance.Payments;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace BizSuite.Finance.OnlinePayments;

/// <summary>
/// Records Stripe payments. The event names its tenant in metadata; it is accepted only when signed
/// with that tenant's webhook secret, stored by event id before handling (a replay changes nothing),
/// and a session already recorded as a payment is never recorded again, whatever the order of events.
/// </summary>
internal sealed class StripeWebhook(FinanceDbContext db, StripeGateway stripe, PaymentAppService payments, ICurrentTenant currentTenant, TimeProvider clock)
{
    public async Task<string> HandleAsync(string payload, string? signature, CancellationToken ct)
    {
        using var _ = currentTenant.Change(TenantOf(payload));
        var account = await stripe.FindAccountAsync(ct) ?? throw Invalid();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signature, stripe.WebhookSecret(account), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            throw Invalid();
        }

        if (await db.StripeEvents.AnyAsync(e => e.EventId == stripeEvent.Id, ct)) return "Duplicate";
        var record = new StripeEventRecord(stripeEvent.Id, stripeEvent.Type, clock.GetUtcNow().UtcDateTime);
        db.StripeEvents.Add(record);
        if (stripeEvent is { Type: EventTypes.CheckoutSessionCompleted, Data.Object: Session { PaymentStatus: "paid" } session })
            record.Done(await RecordPaymentAsync(session, ct));
        return record.Outcome;
    }

    private async Task<string> RecordPaymentAsync(Session session, CancellationToken ct)
    {
        if (await db.Payments.AnyAsync(p => p.ExternalId == session.Id, ct)) return "AlreadyRecorded";
        if (!Guid.TryParse(session.Metadata.GetValueOrDefault("invoice_id"), out var invoiceId)) return "UnknownInvoice";
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null) return "UnknownInvoice";
        var amount = (session.AmountTotal ?? 0) / 100m;
        try
        {
            var payment = await payments.ReceiveAsync(invoice, PaymentMethod.Stripe, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), amount,
                session.PaymentIntentId, session.Id, ct);
            return $"Recorded {payment.Number}";
        }
        catch (BusinessException refused)
        {
            // Paid twice (online after a bank transfer, say): keep the event for finance staff to refund instead of failing it forever.
            return refused.Code;
        }
    }

    private static Guid TenantOf(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            var tenant = json.RootElement.GetProperty("data").GetProperty("object").GetProperty("metadata").GetProperty("tenant_id").GetString();
            return Guid.TryParse(tenant, out var id) ? id : throw Invalid();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Invalid();
        }
    }

    private static BusinessException Invalid() => new(FinanceErrors.InvalidWebhook, StatusCodes.Status400BadRequest);
}
