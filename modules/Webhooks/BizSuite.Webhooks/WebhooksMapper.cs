using BizSuite.Webhooks.Deliveries;
using BizSuite.Webhooks.Subscriptions;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Webhooks;

/// <summary>
/// Entity → DTO mapping of Webhooks (Mapperly; common.props says what fails the build).
/// Entity members a DTO does not show (tenant, the signing secret, the payload) are simply not mapped.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class WebhooksMapper
{
    /// <summary>The event types are stored comma-separated; the DTO lists them.</summary>
    [MapProperty(nameof(Subscription.EventTypeList), nameof(WebhookSubscriptionDto.EventTypes))]
    public static partial WebhookSubscriptionDto ToDto(this Subscription subscription);

    [MapPropertyFromSource(nameof(WebhookDeliveryDto.LastStatusCode), Use = nameof(LastStatusCode))]
    [MapProperty(nameof(Delivery.Attempts), nameof(WebhookDeliveryDto.Attempts), Use = nameof(InAttemptOrder))]
    public static partial WebhookDeliveryDto ToDto(this Delivery delivery);

    private static partial DeliveryAttemptDto ToDto(DeliveryAttempt attempt);

    private static int? LastStatusCode(Delivery delivery) => delivery.Attempts.MaxBy(a => a.Number)?.StatusCode;

    private static IReadOnlyList<DeliveryAttemptDto> InAttemptOrder(IReadOnlyList<DeliveryAttempt> attempts) =>
        attempts.OrderBy(a => a.Number).Select(ToDto).ToList();
}
