using BizSuite.Kernel;
using BizSuite.Webhooks.Deliveries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Webhooks.Subscriptions;

internal static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequirePermission(WebhooksPermissions.Manage);
        webhooks.MapGet("/event-types", ListEventTypes);

        var subscriptions = webhooks.MapGroup("/subscriptions");
        subscriptions.MapGet("/", ListSubscriptions);
        subscriptions.MapGet("/{id:guid}", GetSubscription);
        subscriptions.MapPost("/", CreateSubscription);
        subscriptions.MapPut("/{id:guid}", UpdateSubscription);
        subscriptions.MapDelete("/{id:guid}", DeleteSubscription);
        subscriptions.MapPost("/{id:guid}/rotate-secret", RotateSecret);
        subscriptions.MapPost("/{id:guid}/ping", Ping);
    }

    public static Ok<IReadOnlyList<WebhookEventTypeDto>> ListEventTypes() => TypedResults.Ok(SubscriptionAppService.EventTypes);

    public static async Task<Ok<IReadOnlyList<WebhookSubscriptionDto>>> ListSubscriptions(SubscriptionAppService subscriptions, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.GetListAsync(ct));

    public static async Task<Ok<WebhookSubscriptionDto>> GetSubscription(SubscriptionAppService subscriptions, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.GetAsync(id, ct));

    /// <summary>The only answer that shows the signing secret, besides rotating it.</summary>
    public static Created<SubscriptionWithSecretDto> CreateSubscription(SubscriptionAppService subscriptions, SubscriptionRequest request)
    {
        var created = subscriptions.Create(request);
        return TypedResults.Created($"/api/webhooks/subscriptions/{created.Subscription.Id}", created);
    }

    public static async Task<Ok<WebhookSubscriptionDto>> UpdateSubscription(SubscriptionAppService subscriptions, Guid id, SubscriptionRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.UpdateAsync(id, request, ct));

    public static async Task<NoContent> DeleteSubscription(SubscriptionAppService subscriptions, Guid id, CancellationToken ct)
    {
        await subscriptions.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SubscriptionWithSecretDto>> RotateSecret(SubscriptionAppService subscriptions, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.RotateSecretAsync(id, ct));

    public static async Task<Ok<WebhookDeliveryDto>> Ping(SubscriptionAppService subscriptions, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.PingAsync(id, ct));
}
