using BizSuite.Kernel;
using BizSuite.Webhooks.Data;
using BizSuite.Webhooks.Deliveries;
using BizSuite.Webhooks.Events;
using BizSuite.Webhooks.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Webhooks;

public static class WebhooksPermissions
{
    public const string Manage = "Webhooks.Manage";
}

public static class WebhooksErrors
{
    public const string DeliveryPending = "Webhooks:DeliveryPending";
}

/// <summary>
/// Outbound webhooks (open platform): the modules' public events, signed, POSTed to the endpoints a tenant admin subscribes,
/// through the job store so only committed changes go out and failed tries are retried with backoff.
/// </summary>
public sealed class WebhooksModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<WebhooksDbContext>();
        services.AddScoped<SubscriptionAppService>();
        services.AddScoped<DeliveryAppService>();
        services.AddSingleton<SubscriptionSecrets>();
        services.AddScoped<WebhookSender>();
        // No redirects: a subscriber must not bounce signed business data to an address the admin never entered.
        // Private networks only when the operator allows them (a receiver on the same machine in development and tests).
        var allowPrivateNetworks = context.Configuration.GetValue<bool>("Webhooks:AllowPrivateNetworks");
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = WebhookSender.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = allowPrivateNetworks ? null : PublicNetworkOnly.ConnectAsync,
            });
        WebhookEvents.AddHandlers(services);
        services.AddBackgroundJob<DeliverWebhookJob, DeliverWebhook>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Webhooks").Add(WebhooksPermissions.Manage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequirePermission(WebhooksPermissions.Manage);
        webhooks.MapGet("/event-types", () => SubscriptionAppService.EventTypes);

        var subscriptions = webhooks.MapGroup("/subscriptions");
        subscriptions.MapGet("/", (SubscriptionAppService s, CancellationToken ct) => s.GetListAsync(ct));
        subscriptions.MapGet("/{id:guid}", (SubscriptionAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        subscriptions.MapPost("/", (SubscriptionAppService s, SubscriptionRequest request) =>
        {
            var created = s.Create(request);
            return Results.Created($"/api/webhooks/subscriptions/{created.Subscription.Id}", created);
        });
        subscriptions.MapPut("/{id:guid}", (SubscriptionAppService s, Guid id, SubscriptionRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct));
        subscriptions.MapDelete("/{id:guid}", async (SubscriptionAppService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        });
        subscriptions.MapPost("/{id:guid}/rotate-secret", (SubscriptionAppService s, Guid id, CancellationToken ct) => s.RotateSecretAsync(id, ct));
        subscriptions.MapPost("/{id:guid}/ping", (SubscriptionAppService s, Guid id, CancellationToken ct) => s.PingAsync(id, ct));

        var deliveries = webhooks.MapGroup("/deliveries");
        deliveries.MapGet("/", (DeliveryAppService s, [AsParameters] PageRequest page, Guid? subscriptionId, DeliveryStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, subscriptionId, status, ct));
        deliveries.MapPost("/{id:guid}/redeliver", (DeliveryAppService s, Guid id, CancellationToken ct) => s.RedeliverAsync(id, ct));
    }
}
