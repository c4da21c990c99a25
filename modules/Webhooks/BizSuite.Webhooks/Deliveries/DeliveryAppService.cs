using BizSuite.Kernel;
using BizSuite.Webhooks.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Webhooks.Deliveries;

public sealed record DeliveryAttemptDto(int Number, DateTime AttemptedAt, int? StatusCode, string? Error, int DurationMs, string? ResponseBody);

public sealed record WebhookDeliveryDto(Guid Id, Guid SubscriptionId, Guid EventId, string EventType, DeliveryStatus Status, int? LastStatusCode,
    DateTime? NextRetryAt, DateTime? DeliveredAt, DateTime CreatedAt, IReadOnlyList<DeliveryAttemptDto> Attempts);

/// <summary>The delivery log: what went to which subscriber, every try, and a redelivery for what failed.</summary>
internal sealed class DeliveryAppService(WebhooksDbContext db, JobQueue jobs)
{
    public async Task<PagedResult<WebhookDeliveryDto>> GetListAsync(PageRequest page, Guid? subscriptionId, DeliveryStatus? status, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking();
        if (subscriptionId is { } s) query = query.Where(d => d.SubscriptionId == s);
        if (status is { } st) query = query.Where(d => d.Status == st);
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<WebhookDeliveryDto>(items.Select(d => d.ToDto()).ToList(), total);
    }

    public async Task<WebhookDeliveryDto> RedeliverAsync(Guid id, CancellationToken ct)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new EntityNotFoundException("Delivery", id);
        delivery.Redeliver();
        jobs.Enqueue(new DeliverWebhook(delivery.Id));
        return delivery.ToDto();
    }
}
