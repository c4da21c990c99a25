using BizSuite.Kernel;
using BizSuite.Webhooks.Data;
using BizSuite.Webhooks.Deliveries;
using BizSuite.Webhooks.Events;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Webhooks.Subscriptions;

public sealed record SubscriptionRequest(string Url, string? Description, IReadOnlyList<string> EventTypes, bool IsEnabled = true);

public sealed record WebhookSubscriptionDto(Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool IsEnabled, DateTime CreatedAt);

/// <summary>The subscription with its signing secret: returned only on creation and rotation.</summary>
public sealed record SubscriptionWithSecretDto(WebhookSubscriptionDto Subscription, string Secret);

public sealed record WebhookEventTypeDto(string Name, int Version);

internal sealed class SubscriptionAppService(WebhooksDbContext db, SubscriptionSecrets secrets, JobQueue jobs, ICurrentTenant currentTenant, TimeProvider clock)
{
    public static IReadOnlyList<WebhookEventTypeDto> EventTypes { get; } = PublicEvents.All.Select(t => new WebhookEventTypeDto(t.Name, t.Version)).ToList();

    public async Task<IReadOnlyList<WebhookSubscriptionDto>> GetListAsync(CancellationToken ct) =>
        (await db.Subscriptions.AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct)).Select(s => s.ToDto()).ToList();

    public async Task<WebhookSubscriptionDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public SubscriptionWithSecretDto Create(SubscriptionRequest request)
    {
        var (subscription, secret) = Subscription.Create(request.Url, request.Description, request.EventTypes, request.IsEnabled, secrets.Protect);
        db.Subscriptions.Add(subscription);
        return new SubscriptionWithSecretDto(subscription.ToDto(), secret);
    }

    public async Task<WebhookSubscriptionDto> UpdateAsync(Guid id, SubscriptionRequest request, CancellationToken ct)
    {
        var subscription = await LoadAsync(id, ct);
        subscription.Update(request.Url, request.Description, request.EventTypes, request.IsEnabled);
        return subscription.ToDto();
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct) => db.Subscriptions.Remove(await LoadAsync(id, ct));

    public async Task<SubscriptionWithSecretDto> RotateSecretAsync(Guid id, CancellationToken ct)
    {
        var subscription = await LoadAsync(id, ct);
        var secret = subscription.RotateSecret(secrets.Protect);
        return new SubscriptionWithSecretDto(subscription.ToDto(), secret);
    }

    /// <summary>Queues a <c>webhook.ping</c> to the subscription, even a disabled one, so the admin can test the receiver.</summary>
    public async Task<WebhookDeliveryDto> PingAsync(Guid id, CancellationToken ct)
    {
        var subscription = await LoadAsync(id, ct);
        var eventId = Guid.CreateVersion7();
        var payload = PublicEvents.Envelope(eventId, PublicEvents.Ping, 1, currentTenant.Id!.Value, clock.GetUtcNow().UtcDateTime,
            new { subscriptionId = subscription.Id });
        var delivery = Delivery.Queue(subscription.Id, eventId, PublicEvents.Ping, payload);
        db.Deliveries.Add(delivery);
        jobs.Enqueue(new DeliverWebhook(delivery.Id));
        return delivery.ToDto();
    }

    private async Task<Subscription> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("Subscription", id);
}

internal sealed class SubscriptionRequestValidator : AbstractValidator<SubscriptionRequest>
{
    public SubscriptionRequestValidator()
    {
        RuleFor(r => r.Url).NotEmpty().MaximumLength(500).Must(WebhookSignature.IsAllowedUrl);
        RuleFor(r => r.Description).MaximumLength(200);
        RuleFor(r => r.EventTypes).NotEmpty();
        RuleForEach(r => r.EventTypes).Must(PublicEvents.IsKnown).WithMessage((_, t) => $"Unknown event type {t}.");
    }
}
