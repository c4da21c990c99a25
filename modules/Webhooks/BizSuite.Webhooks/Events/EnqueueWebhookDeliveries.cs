using BizSuite.Kernel;
using BizSuite.Webhooks.Data;
using BizSuite.Webhooks.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Webhooks.Events;

internal static class EnqueueWebhookDeliveries
{
    /// <summary>A tenant's enabled subscriptions, asked for by every business event; dropped by <see cref="Data.WebhooksDbContext"/> on any change.</summary>
    public const string CacheRegion = "webhook-subscriptions";

    /// <summary>Every catalogued event gets a handler that writes the outbox rows for the subscriptions that want it, and its public name.</summary>
    public static void AddHandlers(IServiceCollection services)
    {
        foreach (var type in PublicEvents.All)
        {
            services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(type.EventType), typeof(EnqueueWebhookDeliveries<>).MakeGenericType(type.EventType));
            services.AddSingleton(new PublicEventName(type.EventType, type.Name));
        }
    }
}

/// <summary>
/// Runs inside the business transaction and only writes the outbox: a delivery row and a job per subscription that wants the
/// event. Nothing is sent here, so a change that rolls back never reaches a partner.
/// </summary>
[HandlerOrder(HandlerOrderAttribute.Outbox)]
internal sealed class EnqueueWebhookDeliveries<TEvent>(WebhooksDbContext db, JobQueue jobs, ICurrentTenant currentTenant, TimeProvider clock, TenantCache cache)
    : IDomainEventHandler<TEvent> where TEvent : IDomainEvent
{
    public async Task HandleAsync(TEvent domainEvent, CancellationToken ct)
    {
        if (currentTenant.Id is not { } tenantId) return;
        var type = PublicEvents.For(typeof(TEvent));
        var enabled = await cache.GetOrCreateAsync(EnqueueWebhookDeliveries.CacheRegion, tenantId, "", async () =>
            (IReadOnlyList<(Guid Id, IReadOnlyList<string> EventTypes)>)(await db.Subscriptions.AsNoTracking().Where(s => s.IsEnabled).ToListAsync(ct))
                .Select(s => (s.Id, s.EventTypeList)).ToList());
        var subscriptions = enabled.Where(s => s.EventTypes.Contains(type.Name)).ToList();
        if (subscriptions.Count == 0) return;
        // The journal's id of this event: the same id in every copy, so receivers can drop duplicates.
        var eventId = DomainEventScope.CurrentEventId ?? Guid.CreateVersion7();
        var payload = PublicEvents.Envelope(eventId, type, tenantId, clock.GetUtcNow().UtcDateTime, domainEvent);
        foreach (var subscription in subscriptions)
        {
            var delivery = Delivery.Queue(subscription.Id, eventId, type.Name, payload);
            db.Deliveries.Add(delivery);
            jobs.Enqueue(new DeliverWebhook(delivery.Id));
        }
    }
}
