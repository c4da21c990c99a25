using BizSuite.Kernel;
using BizSuite.Webhooks.Data;
using BizSuite.Webhooks.Deliveries;
using BizSuite.Webhooks.Events;
using BizSuite.Webhooks.Subscriptions;
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
        EnqueueWebhookDeliveries.AddHandlers(services);
        services.AddBackgroundJob<DeliverWebhookJob, DeliverWebhook>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Webhooks").Add(WebhooksPermissions.Manage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapSubscriptionEndpoints();
        api.MapDeliveryEndpoints();
    }
}
