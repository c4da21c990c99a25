using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Saas.Subscriptions;

/// <summary>What became of a Stripe event: the edition and status applied, or Stale, Duplicate, Ignored.</summary>
public sealed record BillingWebhookOutcomeDto(string Outcome);

internal static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder api)
    {
        var subscription = api.MapGroup("/saas/subscription").WithTags("Subscription").AllowWhenReadOnly();
        // Every user of a tenant reads the plan: the menu shows only the modules it includes.
        subscription.MapGet("/", GetSubscription).RequireAuthorization();
        subscription.MapPost("/checkout", StartCheckout).RequirePermission(SaasPermissions.Subscription);
        subscription.MapPost("/portal", OpenPortal).RequirePermission(SaasPermissions.Subscription);

        // Public: Stripe calls it; the signature with the platform's webhook secret is the authentication.
        api.MapPost("/saas/stripe/webhook", ReceiveStripeWebhook).WithTags("Subscription").AllowAnonymous();
    }

    public static async Task<Ok<SubscriptionDto>> GetSubscription(SubscriptionAppService subscriptions, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.GetAsync(ct));

    public static async Task<Ok<RedirectDto>> StartCheckout(SubscriptionAppService subscriptions, CheckoutRequest request, HttpRequest http,
        CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.CheckoutAsync(request, ReturnUrl(http), ct));

    public static async Task<Ok<RedirectDto>> OpenPortal(SubscriptionAppService subscriptions, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.PortalAsync(ReturnUrl(http), ct));

    /// <summary>The signature covers the body byte for byte, so it is read as it came.</summary>
    public static async Task<Ok<BillingWebhookOutcomeDto>> ReceiveStripeWebhook(BillingWebhook webhook, HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var outcome = await webhook.HandleAsync(await reader.ReadToEndAsync(ct), request.Headers["Stripe-Signature"], ct);
        return TypedResults.Ok(new BillingWebhookOutcomeDto(outcome));
    }

    /// <summary>Back from Stripe to the plan page of the app the user came from.</summary>
    private static string ReturnUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}/saas/subscription";
}
