using BizSuite.Kernel;
using BizSuite.Webhooks.Data;
using BizSuite.Webhooks.Events;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizSuite.Webhooks.Deliveries;

/// <summary>Sends one delivery to its subscriber.</summary>
public sealed record DeliverWebhook(Guid DeliveryId);

/// <summary>Thrown after a failed try has been recorded, so the job store retries with its backoff (or parks the job).</summary>
internal sealed class WebhookNotDeliveredException(Guid deliveryId, DeliveryAttempt attempt)
    : Exception($"Webhook delivery {deliveryId} failed: {attempt.StatusCode?.ToString() ?? attempt.Error}");

internal sealed class DeliverWebhookJob(WebhooksDbContext db, WebhookSender sender, SubscriptionSecrets secrets, UnitOfWorkRunner separately,
    IOptions<JobOptions> jobOptions, TimeProvider clock) : IBackgroundJob<DeliverWebhook>
{
    public async Task ExecuteAsync(DeliverWebhook args, CancellationToken ct)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == args.DeliveryId, ct);
        // Gone with its subscription, or already settled by an earlier job.
        if (delivery is null || delivery.Status != DeliveryStatus.Pending) return;
        var subscription = await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (!subscription.IsEnabled && delivery.EventType != PublicEvents.Ping)
        {
            delivery.Park(new DeliveryAttempt(0, clock.GetUtcNow().UtcDateTime, null, "The subscription is disabled.", 0, null));
            return;
        }

        var attempt = await sender.SendAsync(subscription.Url, secrets.Reveal(subscription), delivery, ct);
        if (attempt.Succeeded)
        {
            delivery.Record(attempt, jobOptions.Value);
            return;
        }
        // Throwing rolls the job's transaction back, so the failed try is kept in a transaction of its own first.
        await separately.RunAsync(async (sp, c) =>
        {
            var own = await sp.GetRequiredService<WebhooksDbContext>().Deliveries.FirstAsync(d => d.Id == delivery.Id, c);
            own.Record(attempt, jobOptions.Value);
        }, ct);
        throw new WebhookNotDeliveredException(delivery.Id, attempt);
    }
}

/// <summary>Secrets are encrypted at rest with Data Protection (keys shared through the database) and decrypted only to sign.</summary>
internal sealed class SubscriptionSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("BizSuite.Webhooks.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Reveal(Subscriptions.Subscription subscription) => _protector.Unprotect(subscription.EncryptedSecret);
}
