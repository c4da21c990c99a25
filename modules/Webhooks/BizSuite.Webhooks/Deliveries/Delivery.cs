using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Webhooks.Deliveries;

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One event on its way to one subscription: the body is fixed when the event happens, so every retry and a redelivery send
/// the same bytes. The job store retries a failed try with its backoff; each try is kept as an attempt.
/// </summary>
internal sealed class Delivery : AggregateRoot, IMultiTenant
{
    private readonly List<DeliveryAttempt> _attempts = [];

    public Guid? TenantId { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    /// <summary>Failed tries since the delivery was last queued: the job store's try count, to tell when it gives up.</summary>
    public int FailedTries { get; private set; }
    public DateTime? NextRetryAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public IReadOnlyList<DeliveryAttempt> Attempts => _attempts;

    private Delivery() { }

    public static Delivery Queue(Guid subscriptionId, Guid eventId, string eventType, string payload) => new()
    {
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = eventType,
        Payload = payload,
        Status = DeliveryStatus.Pending,
    };

    /// <summary>Records a try; after a failed one the job store retries after <see cref="JobOptions.RetryDelay"/>, up to its maximum tries.</summary>
    public void Record(DeliveryAttempt attempt, JobOptions jobs)
    {
        _attempts.Add(attempt with { Number = _attempts.Count + 1 });
        if (attempt.Succeeded)
        {
            Status = DeliveryStatus.Delivered;
            DeliveredAt = attempt.AttemptedAt;
            NextRetryAt = null;
            return;
        }
        FailedTries++;
        var givesUp = FailedTries >= jobs.MaxTries;
        Status = givesUp ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        NextRetryAt = givesUp ? null : attempt.AttemptedAt + jobs.RetryDelay(FailedTries);
    }

    /// <summary>Stops without sending (the subscription was switched off); a redelivery can send it later.</summary>
    public void Park(DeliveryAttempt attempt)
    {
        _attempts.Add(attempt with { Number = _attempts.Count + 1 });
        Status = DeliveryStatus.Failed;
        NextRetryAt = null;
    }

    public void Redeliver()
    {
        if (Status == DeliveryStatus.Pending)
            throw new BusinessException(WebhooksErrors.DeliveryPending, StatusCodes.Status409Conflict);
        Status = DeliveryStatus.Pending;
        FailedTries = 0;
        NextRetryAt = null;
    }
}

/// <summary>One POST to the subscriber (or a try that could not be made): what came back and how long it took.</summary>
internal sealed record DeliveryAttempt(int Number, DateTime AttemptedAt, int? StatusCode, string? Error, int DurationMs, string? ResponseBody)
{
    public const int ResponseExcerptLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
