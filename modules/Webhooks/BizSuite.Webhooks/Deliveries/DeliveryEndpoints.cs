using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Webhooks.Deliveries;

internal static class DeliveryEndpoints
{
    public static void MapDeliveryEndpoints(this IEndpointRouteBuilder api)
    {
        var deliveries = api.MapGroup("/webhooks/deliveries").WithTags("Webhooks").RequirePermission(WebhooksPermissions.Manage);
        deliveries.MapGet("/", ListDeliveries);
        deliveries.MapPost("/{id:guid}/redeliver", Redeliver);
    }

    public static async Task<Ok<PagedResult<WebhookDeliveryDto>>> ListDeliveries(DeliveryAppService deliveries, [AsParameters] PageRequest page,
        Guid? subscriptionId, DeliveryStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await deliveries.GetListAsync(page, subscriptionId, status, ct));

    public static async Task<Ok<WebhookDeliveryDto>> Redeliver(DeliveryAppService deliveries, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await deliveries.RedeliverAsync(id, ct));
}
