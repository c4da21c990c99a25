using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.OnlinePayments;

/// <summary>What a Stripe webhook delivery came to (handled, a replay, ignored…), for Stripe's delivery log.</summary>
internal sealed record StripeWebhookOutcome(string Outcome);

internal static class StripeEndpoints
{
    public static void MapStripeEndpoints(this IEndpointRouteBuilder api)
    {
        var stripe = api.MapGroup("/finance/stripe").WithTags("Stripe");
        stripe.MapGet("/", GetStripeAccount).RequirePermission(FinancePermissions.Stripe);
        stripe.MapPut("/", ConnectStripe).RequirePermission(FinancePermissions.Stripe);
        stripe.MapDelete("/", DisconnectStripe).RequirePermission(FinancePermissions.Stripe);
        // Public: Stripe calls it; the signature with the tenant's webhook secret is the authentication.
        stripe.MapPost("/webhook", ReceiveStripeWebhook).AllowAnonymous();
    }

    private static async Task<Ok<StripeAccountDto>> GetStripeAccount(StripeAccountAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(ct));

    private static async Task<Ok<StripeAccountDto>> ConnectStripe(StripeAccountAppService s, ConnectStripeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.ConnectAsync(request, ct));

    private static async Task<NoContent> DisconnectStripe(StripeAccountAppService s, CancellationToken ct)
    {
        await s.DisconnectAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StripeWebhookOutcome>> ReceiveStripeWebhook(StripeWebhook webhook, HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return TypedResults.Ok(new StripeWebhookOutcome(await webhook.HandleAsync(await reader.ReadToEndAsync(ct), request.Headers["Stripe-Signature"], ct)));
    }
}
