using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace BizSuite.Saas.Subscriptions;

/// <summary>A Stripe Billing event, stored by its id before it is handled: a replay finds it and does nothing.</summary>
internal sealed class BillingEvent : Entity
{
    public string EventId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public Guid? TenantId { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public string Outcome { get; private set; } = "";

    private BillingEvent() { }

    public BillingEvent(string eventId, string type, DateTime receivedAt)
    {
        EventId = eventId;
        Type = type;
        ReceivedAt = receivedAt;
        Outcome = "Ignored";
    }

    public void Done(Guid tenantId, string outcome)
    {
        TenantId = tenantId;
        Outcome = outcome;
    }
}

/// <summary>
/// Moves tenants between editions on the platform's Stripe Billing events, verified with the platform's webhook secret.
/// The tenant comes from the metadata the checkout put on the session and subscription, else from the Stripe customer.
/// Each event's creation time orders it: an older event than the tenant's last one changes nothing ("Stale").
/// </summary>
internal sealed class BillingWebhook(SaasDbContext db, StripeBilling stripe, TenantCache cache, UnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<string> HandleAsync(string payload, string? signature, CancellationToken ct)
    {
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signature, stripe.Options.WebhookSecret ?? throw Invalid(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            throw Invalid();
        }

        if (await db.BillingEvents.AnyAsync(e => e.EventId == stripeEvent.Id, ct)) return "Duplicate";
        var record = new BillingEvent(stripeEvent.Id, stripeEvent.Type, clock.GetUtcNow().UtcDateTime);
        db.BillingEvents.Add(record);

        var (tenantKey, customer) = stripeEvent.Data.Object switch
        {
            Session s => (s.ClientReferenceId ?? s.Metadata.GetValueOrDefault("tenant_id"), s.CustomerId),
            Stripe.Subscription s => (s.Metadata.GetValueOrDefault("tenant_id"), s.CustomerId),
            Invoice i => (i.Parent?.SubscriptionDetails?.Metadata?.GetValueOrDefault("tenant_id"), i.CustomerId),
            _ => (null, null),
        };
        var tenant = await FindTenantAsync(tenantKey, customer, ct);
        if (tenant is null) return record.Outcome;

        var at = stripeEvent.Created;
        var grace = TimeSpan.FromDays(stripe.Options.GraceDays);
        var subscription = tenant.Subscription;
        var applied = stripeEvent.Data.Object switch
        {
            Session { Mode: "subscription" } s when stripeEvent.Type == EventTypes.CheckoutSessionCompleted =>
                await EditionAsync(s.Metadata.GetValueOrDefault("edition"), ct) is { } edition ? subscription.Subscribed(edition, s.CustomerId, s.SubscriptionId, at) : null,
            Stripe.Subscription s when stripeEvent.Type == EventTypes.CustomerSubscriptionUpdated =>
                subscription.Updated(s.Id, stripe.Options.EditionOfPrice(s.Items?.Data.FirstOrDefault()?.Price?.Id), s.Status,
                    s.Items?.Data.FirstOrDefault()?.CurrentPeriodEnd, at, grace),
            Stripe.Subscription when stripeEvent.Type == EventTypes.CustomerSubscriptionDeleted => subscription.Deleted(at),
            Invoice when stripeEvent.Type == EventTypes.InvoicePaymentFailed => subscription.PaymentFailed(at, grace),
            _ => (bool?)null,
        };
        TenantStore.Forget(cache, unitOfWork);
        record.Done(tenant.Id, applied switch { true => $"{subscription.Edition} {subscription.Status}", false => "Stale", null => "Ignored" });
        return record.Outcome;
    }

    private async Task<Tenant?> FindTenantAsync(string? tenantKey, string? customer, CancellationToken ct)
    {
        if (Guid.TryParse(tenantKey, out var id)) return await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, ct);
        return customer is null ? null : await db.Tenants.FirstOrDefaultAsync(t => t.Subscription.StripeCustomerId == customer, ct);
    }

    private async Task<string?> EditionAsync(string? name, CancellationToken ct) =>
        name is null ? null : await db.Editions.Where(e => e.Name == name).Select(e => e.Name).FirstOrDefaultAsync(ct);

    private static BusinessException Invalid() => new(SaasErrors.InvalidWebhook, StatusCodes.Status400BadRequest);
}
